// Glossary terms (<abbr title>) take keyboard focus, so that Material's tooltips (content.tooltips),
// which open on hover and on a tap, open for keyboard users too. Without scripts the title stays.
window.explainerOnPage(function () {
  for (const term of document.querySelectorAll(".md-content abbr[title]")) {
    if (!term.hasAttribute("tabindex")) term.setAttribute("tabindex", "0");
  }
});
