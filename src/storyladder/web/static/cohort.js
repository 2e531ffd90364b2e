// The multi-user server's pages: every change goes through /api/v1 with the session cookie
// and the login's CSRF token (in the page's meta tag). No inline scripts: the
// Content-Security-Policy forbids them.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').content;

  function api(method, path, body, headers) {
    var sent = { "Accept": "application/json", "X-CSRF-Token": token };
    if (body !== undefined) { sent["Content-Type"] = "application/json"; }
    Object.keys(headers || {}).forEach(function (k) { sent[k] = headers[k]; });
    return fetch(path, {
      method: method, headers: sent, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        return { ok: r.ok, status: r.status, data: data, retry: r.headers.get("Retry-After") };
      });
    }, function () {
      return { ok: false, status: 0, data: { detail: "the server could not be reached" }, retry: null };
    });
  }

  function say(el, text, kind) {
    el.textContent = text;
    el.classList.remove("hidden", "notice", "error");
    el.classList.add(kind === "error" ? "error" : "notice");
  }

  function why(answer) {  // an API refusal in words a person can act on
    if (answer.status === 0) { return "The server could not be reached. Check your connection and try again."; }
    if (answer.status === 401) { return "You are logged out (the session ended). Log in again in another tab, then try again here."; }
    if (answer.status === 403) { return "Refused: this page's security token is stale. Copy your text, reload the page and try again."; }
    var detail = answer.data && answer.data.detail;
    if (answer.data && answer.data.problems) { detail = answer.data.problems.join("; "); }
    return typeof detail === "string" ? detail : "That did not work (" + answer.status + ").";
  }

  // Log out.
  var logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", function () {
      api("POST", "/api/v1/logout").then(function () { window.location.assign("/login"); });
    });
  }

  // Keep what was typed in a box on a refusal; say why beside it.
  function sendForm(form, method, path, body, statusEl, onOk) {
    var button = form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; }
    return api(method, path, body).then(function (answer) {
      if (button) { button.disabled = false; }
      if (answer.ok) { onOk(answer); return; }
      say(statusEl, "Not saved: " + why(answer) + " What you typed is still here.", "error");
    });
  }

  // Choose a new password from a reset link.
  // The token is after '#' (never sent to the server); a link from before has ?token=.
  var reset = document.getElementById("reset-form");
  var resetToken = "";
  if (reset) {
    var fromHash = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token");
    var fromQuery = new URLSearchParams(window.location.search).get("token");
    resetToken = fromHash || fromQuery || "";
    if (window.location.hash || window.location.search) {
      history.replaceState(null, "", window.location.pathname);  // not left in the address bar
    }
    if (!resetToken) {
      reset.classList.add("hidden");
      document.getElementById("reset-missing").classList.remove("hidden");
    }
  }
  if (reset && resetToken) {
    reset.addEventListener("submit", function (e) {
      e.preventDefault();
      var out = document.getElementById("reset-status");
      var password = reset.password.value;
      if (password !== reset.repeat.value) { say(out, "The two passwords differ. Type the same one twice.", "error"); return; }
      if (password.length < 10) { say(out, "Use at least 10 characters.", "error"); return; }
      api("POST", "/api/v1/password-reset", { token: resetToken, password: password }).then(function (answer) {
        if (answer.ok) {
          reset.innerHTML = "";
          var done = document.createElement("p");
          done.className = "notice";
          done.setAttribute("role", "status");
          done.textContent = "Your password is set. Log in with it now.";
          var go = document.createElement("a");
          go.href = "/login"; go.textContent = "Log in"; go.className = "button primary";
          reset.appendChild(done); reset.appendChild(go);
          return;
        }
        say(out, why(answer), "error");
      });
    });
  }

  // The plan: interview date, company, shared with the coaches or not.
  var plan = document.getElementById("plan-form");
  if (plan) {
    plan.addEventListener("submit", function (e) {
      e.preventDefault();
      var out = document.getElementById("plan-status");
      var shared = plan.querySelector("input[name=shared]:checked").value === "true";
      var body = { interview: plan.interview.value, company: plan.company.value, shared: shared };
      sendForm(plan, "PUT", "/api/v1/me/plan", body, out, function (answer) {
        say(out, "Saved: interview on " + answer.data.interview + (answer.data.shared
          ? ". Your coaches see the date and the company." : ". Only you see it."), "notice");
      });
    });
  }

  // Practice: start a session, then answer, skip or finish, through /api/v1/sessions.
  var practice = document.getElementById("practice-form");
  if (practice) {
    practice.addEventListener("submit", function (e) {
      e.preventDefault();
      var mode = practice.querySelector("input[name=mode]:checked").value;
      var body = { mode: mode, company: practice.company.value };
      if (mode === "ladder") { body.story_id = practice.story_id.value; }
      if (mode === "drill") { body.drill = practice.drill.value; }
      sendForm(practice, "POST", "/api/v1/sessions", body, document.getElementById("practice-status"), function (answer) {
        window.location.assign("/practice/" + encodeURIComponent(answer.data.id));
      });
    });
  }
  var turn = document.getElementById("turn-form");
  if (turn) {
    var turnPath = turn.getAttribute("action");
    turn.addEventListener("submit", function (e) {
      e.preventDefault();
      var action = (e.submitter && e.submitter.value) || "answer";
      // the revision this page shows: if another tab took a turn since, the 409 gives the
      // session as it is now, nothing is saved, and the answer stays in the box
      var body = { action: action, text: turn.text.value, revision: parseInt(turn.dataset.revision, 10) };
      var out = document.getElementById("turn-status");
      var buttons = turn.querySelectorAll("button[type=submit]");
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      api("POST", turnPath, body).then(function (answer) {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        if (answer.ok) { window.location.reload(); return; }
        var now = answer.status === 409 && answer.data.theirs;
        if (!now) { say(out, "Not saved: " + why(answer) + " What you typed is still here.", "error"); return; }
        turn.dataset.revision = String(answer.data.current);
        say(out, now.status === "active"
          ? "Not sent: this session moved on in another tab or window (" + now.progress + "). " +
            "The question now asked: \u201c" + now.question + "\u201d Nothing was overwritten. " +
            "Your answer is still here: send it to answer that question, or copy it."
          : "Not sent: this session was finished in another tab or window. Nothing was " +
            "overwritten. Your answer is still here: copy it.", "error");
      });
    });
  }

  // Replies to a comment or a coach's reading (both sides).
  Array.prototype.forEach.call(document.querySelectorAll(".reply-form"), function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      sendForm(form, "POST", form.dataset.path, { body: form.body.value }, form.querySelector(".reply-status"), function () {
        window.location.reload();
      });
    });
  });

  // A coach's reading of a ladder level.
  var override = document.getElementById("override-form");
  if (override) {
    override.addEventListener("submit", function (e) {
      e.preventDefault();
      var body = {
        level: override.level.value,
        met: override.querySelector("input[name=met]:checked").value === "true",
        note: override.note.value,
        revision: parseInt(override.dataset.revision, 10)
      };
      var path = "/api/v1/stories/" + encodeURIComponent(override.dataset.ref) + "/overrides";
      sendForm(override, "POST", path, body, document.getElementById("override-status"), function () {
        window.location.reload();
      });
    });
  }

  // Write and save a story: a save keeps a revision; a refused save keeps the text.
  var form = document.getElementById("mu-story");
  if (form) {
    var data = JSON.parse(document.getElementById("story-data").textContent || "{}");
    var status = document.getElementById("save-status");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var story = {};
      Object.keys(data).forEach(function (k) { story[k] = data[k]; });
      Array.prototype.forEach.call(form.querySelectorAll("input[name], textarea[name]"), function (f) {
        story[f.name] = f.value;
      });
      var id = form.dataset.id;
      var saving = id
        ? api("PUT", "/api/v1/stories/" + encodeURIComponent(id), story, { "If-Match": form.dataset.revision })
        : api("POST", "/api/v1/stories", story);
      say(status, "Saving...", "notice");
      saving.then(function (answer) {
        if (answer.ok && !id) { window.location.assign("/stories/" + encodeURIComponent(answer.data.id) + "?saved=1"); return; }
        if (answer.ok) { window.location.assign("/stories/" + encodeURIComponent(id) + "?saved=" + answer.data.revision); return; }
        var text = "Not saved: " + why(answer);
        if (answer.status === 409 && answer.data.current) {
          text = "Not saved: this story changed elsewhere since you opened it (it is at revision " +
            answer.data.current + " now). Nothing was overwritten. Copy your text, reload, and add your changes again.";
        }
        say(status, text + " Everything you typed is still here.", "error");
      });
    });
    var saved = new URLSearchParams(window.location.search).get("saved");
    if (saved) { say(status, "Saved as revision " + (form.dataset.revision || saved) + ".", "notice"); }
  }

  // Share with one's coaches, or withdraw.
  var sharing = document.getElementById("sharing");
  if (sharing) {
    var path = "/api/v1/stories/" + encodeURIComponent(sharing.dataset.story) + "/shares";
    var shareStatus = document.getElementById("share-status");
    var act = function (method) {
      // a share names the revision on the page: never a newer one saved elsewhere
      var headers = method === "POST" ? { "If-Match": sharing.dataset.revision } : {};
      api(method, path, undefined, headers).then(function (answer) {
        if (answer.ok) { window.location.reload(); return; }
        var text = "Not done: " + why(answer);
        if (answer.status === 409 && answer.data.current) {
          text = "Not shared: this story changed elsewhere (it is at revision " + answer.data.current +
            " now), so nothing was shared. Reload to see it, then share it if you want to.";
        }
        say(shareStatus, text, "error");
      });
    };
    var share = document.getElementById("share");
    if (share) { share.addEventListener("click", function () { act("POST"); }); }
    var withdraw = document.getElementById("withdraw");
    if (withdraw) { withdraw.addEventListener("click", function () { act("DELETE"); }); }
  }

  // Review: comment on words of the shared revision, chosen by selecting them (mouse or
  // keyboard) or by naming the part of the story and typing the words.
  var review = document.getElementById("review");
  if (review) {
    var chosen = null;  // the selection, while the words box still holds its text
    var quote = document.getElementById("comment-quote");
    var fieldBox = document.getElementById("comment-field");
    var wordsBox = document.getElementById("comment-words");
    var bodyBox = document.getElementById("comment-body");
    var commentStatus = document.getElementById("comment-status");
    var codePoints = function (s) { return Array.from(s).length; };  // Python counts these
    var fieldOf = function (node) {
      var el = node.nodeType === 1 ? node : node.parentElement;
      return el ? el.closest(".field-text") : null;
    };
    var textOf = function (name) {
      var el = review.querySelector('.field-text[data-field="' + name + '"]');
      return el ? el.textContent : "";
    };
    var show = function (field, words) {
      quote.textContent = words ? "On “" + words + "” (" + field + ")" : "Select words in the story, or name them here.";
    };
    var pick = function () {
      var sel = window.getSelection();
      if (!sel || !sel.rangeCount || sel.isCollapsed) { return; }
      var range = sel.getRangeAt(0);
      var field = fieldOf(range.startContainer);
      if (!field || field !== fieldOf(range.endContainer)) { return; }
      var before = document.createRange();
      before.selectNodeContents(field);
      before.setEnd(range.startContainer, range.startOffset);
      var text = field.textContent;
      var a = before.toString().length, b = a + range.toString().length;
      while (a < b && /\s/.test(text[a])) { a++; }
      while (b > a && /\s/.test(text[b - 1])) { b--; }
      if (a === b) { return; }
      chosen = { field: field.dataset.field, a: a, b: b };
      fieldBox.value = field.dataset.field;
      wordsBox.value = text.slice(a, b);
      show(field.dataset.field, wordsBox.value);
    };
    var named = function () { chosen = null; show(fieldBox.value, wordsBox.value.trim()); };
    document.addEventListener("selectionchange", pick);
    review.addEventListener("mouseup", pick);
    review.addEventListener("keyup", pick);
    wordsBox.addEventListener("input", named);
    fieldBox.addEventListener("change", named);
    var span = function () {  // [a, b) of the words in the field, or a reason there is none
      var field = fieldBox.value, words = wordsBox.value.trim(), text = textOf(field);
      if (chosen && chosen.field === field && text.slice(chosen.a, chosen.b) === words) { return chosen; }
      if (!words) { return "Select words in the story, or type them in “The words you comment on”."; }
      var at = text.indexOf(words);
      if (at < 0) { return "Those words are not in the " + field + ". Copy them exactly as they are in the story."; }
      if (text.indexOf(words, at + 1) >= 0) { return "Those words appear more than once in the " + field + ". Add a word or two around them."; }
      return { field: field, a: at, b: at + words.length };
    };
    document.getElementById("comment-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var where = span();
      if (typeof where === "string") { say(commentStatus, where, "error"); wordsBox.focus(); return; }
      var text = textOf(where.field);
      var body = {
        field: where.field, start: codePoints(text.slice(0, where.a)), end: codePoints(text.slice(0, where.b)),
        revision: parseInt(review.dataset.revision, 10), body: bodyBox.value
      };
      api("POST", "/api/v1/stories/" + encodeURIComponent(review.dataset.ref) + "/comments", body).then(function (answer) {
        if (answer.ok) { window.location.reload(); return; }
        say(commentStatus, "Not saved: " + why(answer) + " Your comment is still in the box.", "error");
      });
    });
  }
})();
