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

  // Log in: a wrong password and too many tries are said plainly.
  var login = document.getElementById("login-form");
  if (login) {
    login.addEventListener("submit", function (e) {
      e.preventDefault();
      var out = document.getElementById("login-error");
      out.classList.add("hidden");
      var body = { email: login.email.value, password: login.password.value };
      api("POST", "/api/v1/login", body).then(function (answer) {
        if (answer.ok) { window.location.assign(login.dataset.next || "/"); return; }
        if (answer.status === 401) {
          say(out, "Wrong email or password (or the account is disabled). Check both and try again.", "error");
        } else if (answer.status === 429) {
          var minutes = Math.max(1, Math.ceil(parseInt(answer.retry || "60", 10) / 60));
          say(out, "Too many failed logins. For your account's safety, wait " + minutes +
            " minute" + (minutes === 1 ? "" : "s") + " and try again.", "error");
        } else if (answer.status === 422) {
          say(out, "Enter your email and your password.", "error");
        } else {
          say(out, why(answer), "error");
        }
        login.password.focus();
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
      api(method, path).then(function (answer) {
        if (answer.ok) { window.location.reload(); return; }
        say(shareStatus, "Not done: " + why(answer), "error");
      });
    };
    var share = document.getElementById("share");
    if (share) { share.addEventListener("click", function () { act("POST"); }); }
    var withdraw = document.getElementById("withdraw");
    if (withdraw) { withdraw.addEventListener("click", function () { act("DELETE"); }); }
  }

  // Review: select words of the shared revision, comment on them.
  var review = document.getElementById("review");
  if (review) {
    var chosen = null;
    var quote = document.getElementById("comment-quote");
    var bodyBox = document.getElementById("comment-body");
    var send = document.getElementById("comment-send");
    var commentStatus = document.getElementById("comment-status");
    var codePoints = function (s) { return Array.from(s).length; };  // Python counts these
    var fieldOf = function (node) {
      var el = node.nodeType === 1 ? node : node.parentElement;
      return el ? el.closest(".field-text") : null;
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
      chosen = {
        field: field.dataset.field,
        start: codePoints(text.slice(0, a)),
        end: codePoints(text.slice(0, b)),
        revision: parseInt(review.dataset.revision, 10)
      };
      quote.textContent = "On “" + text.slice(a, b) + "” (" + field.dataset.field + ")";
      bodyBox.disabled = false;
      send.disabled = false;
    };
    document.addEventListener("selectionchange", pick);
    review.addEventListener("mouseup", pick);
    review.addEventListener("keyup", pick);
    document.getElementById("comment-form").addEventListener("submit", function (e) {
      e.preventDefault();
      if (!chosen) { say(commentStatus, "Select words in the story first.", "error"); return; }
      var body = { field: chosen.field, start: chosen.start, end: chosen.end, revision: chosen.revision, body: bodyBox.value };
      api("POST", "/api/v1/stories/" + encodeURIComponent(review.dataset.ref) + "/comments", body).then(function (answer) {
        if (answer.ok) { window.location.reload(); return; }
        say(commentStatus, "Not saved: " + why(answer) + " Your comment is still in the box.", "error");
      });
    });
  }
})();
