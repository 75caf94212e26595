/* runstrong's password fields, our own few lines (no library). Every password field gets a
   "Show" button that shows what was typed and hides it again (ASVS 2.1.12). A new password's
   field (data-strength) gets its meter filled as one types (ASVS 2.1.8): the password is posted
   with the form's CSRF token to /password-strength, a moment after the last key, and the answer
   ({score, max, words}) is shown in the meter beside the field. Without JavaScript the forms
   work the same, without either (the server still refuses a short or common password). */
(function () {
  "use strict";
  var WAIT_MS = 300; // after the last key, before the meter asks

  function addShowButton(field) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link show-password";
    button.textContent = "Show";
    button.setAttribute("aria-controls", field.id);
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var showing = field.type === "text";
      field.type = showing ? "password" : "text";
      button.textContent = showing ? "Show" : "Hide";
      button.setAttribute("aria-pressed", showing ? "false" : "true");
      field.focus();
    });
    field.insertAdjacentElement("afterend", button);
  }

  function addMeter(field) {
    var box = document.getElementById(field.getAttribute("data-strength"));
    var form = field.form;
    if (!box || !form || !window.fetch) {
      return;
    }
    var meter = box.querySelector("meter");
    var words = box.querySelector("[data-strength-words]");
    var csrf = form.querySelector("input[name=_csrf_token]");
    var waiting = null;
    var asked = 0;

    function ask() {
      var body = new URLSearchParams();
      body.set("password", field.value);
      body.set("_csrf_token", csrf ? csrf.value : "");
      var mine = ++asked;
      fetch("/password-strength", {method: "POST", body: body, credentials: "same-origin"})
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (found) {
          if (found === null || mine !== asked) {
            return;
          }
          meter.max = found.max;
          meter.value = found.score;
          words.textContent = found.words;
          box.hidden = false;
        })
        .catch(function () { box.hidden = true; });
    }

    field.addEventListener("input", function () {
      if (waiting !== null) {
        clearTimeout(waiting);
      }
      if (field.value === "") {
        box.hidden = true;
        return;
      }
      waiting = setTimeout(ask, WAIT_MS);
    });
  }

  var fields = document.querySelectorAll("input[type=password]");
  for (var i = 0; i < fields.length; i++) {
    addShowButton(fields[i]);
    if (fields[i].hasAttribute("data-strength")) {
      addMeter(fields[i]);
    }
  }
})();
