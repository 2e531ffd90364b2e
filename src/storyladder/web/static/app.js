// storyladder's only script (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').content;

  // htmx requests carry the page's CSRF token.
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = token;
  });

  // Selects marked autosubmit submit their form when changed.
  document.querySelectorAll("select.autosubmit").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });

  // Buttons that need a confirmation.
  document.querySelectorAll("button.confirm").forEach(function (b) {
    b.addEventListener("click", function (e) {
      if (!window.confirm(b.dataset.confirm)) { e.preventDefault(); }
    });
  });

  // Ladder tabs, usable with the keyboard.
  var tabs = Array.prototype.slice.call(document.querySelectorAll(".tab"));
  function show(tab) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.classList.toggle("active", on);
      t.setAttribute("aria-selected", on ? "true" : "false");
      document.getElementById(t.dataset.tab).classList.toggle("hidden", !on);
    });
  }
  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { show(t); });
    t.addEventListener("keydown", function (e) {
      if (e.key === "ArrowRight") { tabs[(i + 1) % tabs.length].focus(); show(tabs[(i + 1) % tabs.length]); }
      if (e.key === "ArrowLeft") { tabs[(i + tabs.length - 1) % tabs.length].focus(); show(tabs[(i + tabs.length - 1) % tabs.length]); }
    });
  });

  // Drafts: every keystroke in the editor is kept in this browser until the story is saved.
  var form = document.getElementById("story-form");
  if (form) {
    var key = form.dataset.draftKey;
    var fields = Array.prototype.slice.call(form.querySelectorAll("input[name], textarea[name], select[name]"))
      .filter(function (f) { return f.type !== "hidden" && f.type !== "checkbox"; });
    if (form.dataset.saved) { try { localStorage.removeItem(key); } catch (err) { /* private mode */ } }
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (err) { saved = null; }
    var differs = saved && fields.some(function (f) { return saved[f.name] !== undefined && saved[f.name] !== f.value; });
    if (differs) {
      var notice = document.getElementById("draft-notice");
      notice.classList.remove("hidden");
      document.getElementById("draft-restore").addEventListener("click", function () {
        fields.forEach(function (f) { if (saved[f.name] !== undefined) { f.value = saved[f.name]; } });
        notice.classList.add("hidden");
        if (window.htmx) { htmx.trigger(document.getElementById("situation"), "input"); }
      });
      document.getElementById("draft-discard").addEventListener("click", function () {
        localStorage.removeItem(key); notice.classList.add("hidden");
      });
    }
    form.addEventListener("input", function () {
      var data = {};
      fields.forEach(function (f) { data[f.name] = f.value; });
      try { localStorage.setItem(key, JSON.stringify(data)); } catch (err) { /* storage full or off */ }
    });
  }

  // The live critique's company and question stay as chosen for this story, across saves
  // and visits (they sit outside the story form, so a save would otherwise reset them).
  var question = document.getElementById("critique_question");
  var heardBy = document.getElementById("critique_company");
  if (form && question && heardBy) {
    var critiqueKey = "critique:" + form.getAttribute("action");
    var chosen = {};
    try {  // this story's choice, else the last one made (a new story gets its id on save)
      chosen = JSON.parse(localStorage.getItem(critiqueKey) || localStorage.getItem("critique:last") || "{}") || {};
    } catch (err) { chosen = {}; }
    if (chosen.question) { question.value = chosen.question; }
    if (chosen.company && heardBy.querySelector('option[value="' + chosen.company + '"]')) { heardBy.value = chosen.company; }
    var keepChoice = function () {
      var value = JSON.stringify({ question: question.value, company: heardBy.value });
      try { localStorage.setItem(critiqueKey, value); localStorage.setItem("critique:last", value); } catch (err) { /* storage off */ }
    };
    question.addEventListener("input", keepChoice);
    heardBy.addEventListener("change", keepChoice);
  }

  // Replay: the transcript's words light up as the recording plays.
  document.querySelectorAll(".recordings li").forEach(function (item) {
    var audio = item.querySelector("audio");
    var words = Array.prototype.slice.call(item.querySelectorAll(".spoken span"));
    if (!audio || !words.length) { return; }
    audio.addEventListener("timeupdate", function () {
      var t = audio.currentTime;
      words.forEach(function (w) {
        w.classList.toggle("now", t >= parseFloat(w.dataset.start) && t <= parseFloat(w.dataset.end) + 0.05);
      });
    });
  });

  // Practice: a timer per answer, sent with the answer.
  var timer = document.getElementById("timer");
  if (timer) {
    var started = Date.now();
    setInterval(function () {
      var s = Math.floor((Date.now() - started) / 1000);
      timer.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }, 1000);
    document.getElementById("answer-form").addEventListener("submit", function () {
      var secs = document.getElementById("seconds");
      if (!secs.dataset.spoken) { secs.value = ((Date.now() - started) / 1000).toFixed(1); }
    });
  }

  // Practice: record an answer with the microphone and keep it to listen back.
  var record = document.getElementById("record");
  if (record) {
    var status = document.getElementById("record-status");
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      record.disabled = true; status.textContent = "Recording is not available in this browser.";
    }
    var recorder = null, chunks = [];
    record.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") { recorder.stop(); return; }
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.ondataavailable = function (e) { chunks.push(e.data); };
        recorder.onstop = function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          var blob = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
          var body = new FormData();
          body.append("audio", blob, "answer.webm");
          status.textContent = "Saving the recording and listening to it...";
          fetch(record.dataset.upload, { method: "POST", body: body, headers: { "X-CSRF-Token": token, "Accept": "application/json" } })
            .then(function (r) { if (!r.ok) { throw new Error("not saved"); } return r.json(); })
            .then(function (heard) {
              // the transcript goes into the answer box: the candidate corrects it, then sends it
              var box = document.getElementById("answer");
              if (heard.transcript && box) {
                box.value = heard.transcript;
                var secs = document.getElementById("seconds");
                if (secs && heard.seconds) { secs.value = heard.seconds; secs.dataset.spoken = "1"; }
                box.focus();
              }
              status.textContent = heard.note + (heard.delivery ? " (" + heard.delivery.join("; ") + ")" : "");
            })
            .catch(function () { status.textContent = "Could not save the recording."; });
          record.textContent = "Record an answer";
        };
        recorder.start();
        record.textContent = "Stop recording";
        status.textContent = "Recording...";
      }).catch(function () { status.textContent = "The microphone is not available."; });
    });
  }
})();
