// Runs a set-up function for every page shown: with Material's instant navigation document$ emits
// for each page; without it, once the document is ready. Loaded before the other explainer scripts.
window.explainerOnPage = function (setUp) {
  if (typeof window.document$?.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
};
