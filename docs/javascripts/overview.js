// Rings the overview's mark for the event in the URL's fragment. Without scripts the event list still
// highlights that event (reader.css, :target); the drawing only adds where it sits in time.
window.explainerOnPage(function () {
  function ringCurrent() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    for (const mark of document.querySelectorAll(".x-ov__mark")) {
      mark.classList.toggle("x-ov__mark--current", id !== "" && mark.dataset.mark === id);
    }
  }
  ringCurrent();
  if (!window.explainerOverviewListening) {  // one listener, however many pages are shown
    window.explainerOverviewListening = true;
    window.addEventListener("hashchange", ringCurrent);
  }
});
