/* runstrong's rest timer, our own few lines (no library): ticking a set done starts a countdown
   of its exercise's rest (the row's data-rest-s) in the bar at the bottom of the screen; at zero
   the bar turns green and the phone vibrates where it can. Without JavaScript the page works
   the same, without the timer. */
(function () {
  "use strict";
  var bar = document.getElementById("rest-timer");
  if (!bar) {
    return;
  }
  var clock = bar.querySelector("[data-rest-clock]");
  var label = bar.querySelector(".rest-label");
  var stop = bar.querySelector("[data-rest-stop]");
  var endsAt = 0;
  var ticking = null;

  function shown(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function halt() {
    if (ticking !== null) {
      clearInterval(ticking);
      ticking = null;
    }
  }

  function finish() {
    halt();
    bar.classList.add("is-over");
    label.textContent = "Rest over: next set";
    if (navigator.vibrate) {
      navigator.vibrate([200, 100, 200]);
    }
  }

  function tick() {
    var left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    clock.textContent = shown(left);
    if (left === 0) {
      finish();
    }
  }

  function start(seconds) {
    halt();
    bar.hidden = false;
    bar.classList.remove("is-over");
    label.textContent = "Rest";
    endsAt = Date.now() + seconds * 1000;
    tick();
    ticking = setInterval(tick, 250);
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-rest-start]")) {
      return;
    }
    var row = box.closest("tr");
    if (row) {
      row.classList.toggle("is-done", box.checked);
    }
    var seconds = row ? parseInt(row.getAttribute("data-rest-s"), 10) : 0;
    if (box.checked && seconds > 0) {
      start(seconds);
    }
  });

  stop.addEventListener("click", function () {
    halt();
    bar.hidden = true;
  });
})();
