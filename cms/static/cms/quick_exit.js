/* The quick exit (templates/components/quick_exit.html), after GOV.UK's "Exit this page":
 * its button, or Shift pressed on its own three times within a few seconds, blanks this page and
 * replaces it with the neutral one, so that Back does not return here. */
(() => {
  "use strict";
  const bar = document.querySelector("[data-quick-exit]");
  if (!bar) return;
  const button = bar.querySelector(".quick-exit__button");
  const status = bar.querySelector("[data-quick-exit-status]");
  const PATIENCE = 5000; // milliseconds between presses before the shortcut starts over
  let presses = 0;
  let lastKeyHadShift = false;
  let pressTimer;
  let clearTimer;
  const title = document.title;

  const lights = document.createElement("span");
  lights.className = "quick-exit__lights";
  lights.setAttribute("aria-hidden", "true");
  lights.append(...[0, 1, 2].map(() => document.createElement("span")));
  button.append(lights);

  function show(count, message) {
    presses = count;
    lights.dataset.on = count;
    status.textContent = message;
  }

  function leave(event) {
    if (event) event.preventDefault();
    clearTimeout(pressTimer);
    show(0, "");
    const overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.append(overlay);
    document.body.classList.add("quick-exit-leaving");
    // Filled in once in the page, so that screen readers announce it.
    overlay.textContent = bar.dataset.leaving;
    document.title = bar.dataset.leaving;
    window.location.replace(button.href);
  }

  function startOver() {
    show(0, bar.dataset.timedOut);
    clearTimer = setTimeout(() => show(0, ""), PATIENCE);
  }

  function onKeyUp(event) {
    // Only Shift on its own counts: releasing Shift after typing a capital letter does not (that
    // key's own keyup came with shiftKey set), nor does a keyboard that is composing text. Phones'
    // on-screen keyboards send no Shift key events at all; the button at the top is their way.
    const alone = !(event.ctrlKey || event.altKey || event.metaKey || event.isComposing);
    if (event.key === "Shift" && alone && !lastKeyHadShift) {
      clearTimeout(pressTimer);
      clearTimeout(clearTimer);
      if (presses === 2) {
        leave();
      } else {
        show(presses + 1, presses ? bar.dataset.oneMore : bar.dataset.twoMore);
        pressTimer = setTimeout(startOver, PATIENCE);
      }
    } else if (presses) {
      clearTimeout(pressTimer);
      startOver();
    }
    lastKeyHadShift = event.shiftKey;
  }

  // A browser that restores this page from its cache (e.g. from another tab's history) shows it
  // as it was left: blanked. Show it again.
  function restore(event) {
    if (!event.persisted) return;
    document.body.classList.remove("quick-exit-leaving");
    document.title = title;
    document.querySelectorAll(".quick-exit-overlay").forEach((overlay) => overlay.remove());
    show(0, "");
  }

  button.addEventListener("click", leave);
  document.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", restore);
})();
