// Glossary terms (<abbr title>) take keyboard focus, so that Material's tooltips (content.tooltips),
// which open on hover and on a tap, open for keyboard users too. Only each term's first use on the
// page: an article naming THAAD twenty times must not cost twenty presses of Tab.
// Without scripts the title stays.
window.explainerOnPage(function () {
  const seen = new Set();
  for (const term of document.querySelectorAll(".md-content abbr[title]")) {
    const key = term.textContent.trim().toLowerCase();
    if (seen.has(key) || term.hasAttribute("tabindex")) continue;
    seen.add(key);
    term.setAttribute("tabindex", "0");
  }
});
