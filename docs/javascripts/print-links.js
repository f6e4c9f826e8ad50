/* On paper a link is only its address. The print stylesheet (docs/stylesheets/explainer.css) writes
 * each source's address after it; this script gives it the absolute address to write instead of the
 * relative href ("../../articles/…"), which means nothing on paper. */
(() => {
  "use strict";

  const PRINTED_LINKS = ".x-event__sources a[href], .x-quote cite a[href], .x-provenance a[href]";

  function setUpAll() {
    for (const link of document.querySelectorAll(PRINTED_LINKS)) {
      link.setAttribute("data-print-href", link.href);
    }
  }

  window.explainerOnPage(setUpAll);
})();
