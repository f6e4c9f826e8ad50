// A permalink from before a long timeline was split by year (timelines/<id>/#<event>) lands on the empty
// element with the event's id that the year's line keeps (hooks/render/timelines.py): go on to the event
// on that year's page. Only such a timeline's page loads this (deferred); without scripts the reader is
// shown the year's line, which links there.
(function () {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const year = id ? document.getElementById(id)?.closest("[data-moved-to]") : null;
  if (year) {
    const page = new URL(year.dataset.movedTo, window.location.href);
    page.hash = encodeURIComponent(id);
    window.location.replace(page.href);
  }
})();
