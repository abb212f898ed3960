// Enhancements only: the server keeps the time and accepts one answer per question anyway.
(function () {
  "use strict";

  var timer = document.querySelector(".timer[data-seconds-left]");
  if (timer) {
    var value = timer.querySelector(".timer-value");
    var endsAt = Date.now() + Number(timer.dataset.msLeft);
    // Ask the server a moment after the deadline, never before it: too early, it would only
    // show this question again.
    var expiresAt = endsAt + 250;
    timer.setAttribute("role", "timer");
    var tick = function () {
      var now = Date.now();
      var left = Math.max(0, Math.ceil((endsAt - now) / 1000));
      value.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      if (left <= 10) { timer.classList.add("urgent"); }
      if (now >= expiresAt) {
        window.location.assign(timer.dataset.expiredUrl);
        return;
      }
      window.setTimeout(tick, 250);
    };
    tick();
  }

  // A second click while the first answer is on its way would only be a replay; skip it.
  var answerForms = document.querySelectorAll("form.answer-form");
  answerForms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
    });
  });
  // A page restored from the back-forward cache must accept a submit again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      answerForms.forEach(function (form) { delete form.dataset.sent; });
    }
  });

  // Number keys pick an option, as on a quiz show's buzzer pad.
  var options = document.querySelectorAll(".options input[type=radio]");
  if (options.length) {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      var index = Number(event.key) - 1;
      if (index >= 0 && index < options.length) {
        options[index].checked = true;
        options[index].focus();
      }
    });
  }
})();
