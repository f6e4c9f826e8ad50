/* Copy-link buttons. Every event heading and every article paragraph carries a permalink anchor
 * (a.x-permalink, a.x-para__link, rendered by hooks/render/); this script puts a button beside each
 * that copies the absolute permalink, and says "Copied" (visibly and to screen readers). The buttons
 * are made here, not rendered, so that without JavaScript no button shows that cannot work. */
(() => {
  "use strict";

  const ANCHORS = "a.x-permalink[href^='#'], a.x-para__link[href^='#']";
  const COPIED_FOR_MS = 2000;
  const SVG = "http://www.w3.org/2000/svg";
  // Two overlapping sheets: the usual "copy" pictogram, drawn here to load nothing more.
  const ICON_PATH = "M16 1H4a2 2 0 0 0-2 2v14h2V3h12zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m0 16H8V7h11z";

  /* The page's own address with the anchor and without the query (filters are not part of a permalink). */
  function permalink(anchor) {
    const url = new URL(anchor.getAttribute("href"), window.location.href);
    url.search = "";
    return url.toString();
  }

  async function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // Refused (no permission, document not focused): try the older way below.
      }
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "x-offscreen";
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }

  function icon() {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", ICON_PATH);
    svg.append(path);
    return svg;
  }

  function announcer() {
    let region = document.querySelector(".x-copy-status");
    if (!region) {
      region = document.createElement("p");
      region.className = "x-copy-status x-offscreen";
      region.setAttribute("role", "status");
      document.body.append(region);
    }
    return region;
  }

  function addButton(anchor) {
    if (anchor.nextElementSibling?.classList.contains("x-copy-link")) return;
    const what = anchor.classList.contains("x-para__link")
      ? `paragraph ${anchor.textContent.replace(/\D/g, "")}`
      : "this event";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "x-copy-link";
    button.setAttribute("aria-label", `Copy link to ${what}`);
    button.title = `Copy link to ${what}`;
    const label = document.createElement("span");
    label.className = "x-copy-link__label";
    button.append(icon(), label);
    let reset;
    button.addEventListener("click", async () => {
      const url = permalink(anchor);
      const copied = await copy(url);
      if (!copied) {
        window.prompt("Copy this link:", url); // last resort: the reader copies it by hand
        return;
      }
      button.classList.add("x-copy-link--copied");
      label.textContent = "Copied";
      announcer().textContent = `Link to ${what} copied`;
      clearTimeout(reset);
      reset = setTimeout(() => {
        button.classList.remove("x-copy-link--copied");
        label.textContent = "";
        announcer().textContent = "";
      }, COPIED_FOR_MS);
    });
    anchor.after(button);
  }

  function setUpAll() {
    document.querySelectorAll(ANCHORS).forEach(addButton);
  }

  window.explainerOnPage(setUpAll);
})();
