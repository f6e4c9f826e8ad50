/* Timeline filters. The page lists every event; this script reveals the chips rendered by
 * hooks/render/filters.py and narrows the list to the events that match. Within a group any chosen
 * chip matches (OR); across groups every group must match (AND). The choice lives in the query
 * string (?topic=taiwan&actor=cho-tae-yul), so a filtered view can be shared and survives a reload. */
(() => {
  "use strict";

  // URL parameter (= a chip's data-filter) -> the event attribute holding space-separated ids.
  const EVENT_ATTRIBUTE = { topic: "data-topics", actor: "data-actors" };
  const KINDS = Object.keys(EVENT_ATTRIBUTE);

  const nothingChosen = () => Object.fromEntries(KINDS.map((kind) => [kind, []]));

  /* The chosen ids per kind from the query string, keeping only ids that have a chip on this page. */
  function readUrl(chips) {
    const params = new URLSearchParams(window.location.search);
    const chosen = nothingChosen();
    for (const kind of KINDS) {
      const known = new Set(chips.filter((chip) => chip.dataset.filter === kind).map((chip) => chip.dataset.value));
      chosen[kind] = [...new Set(params.getAll(kind))].filter((id) => known.has(id));
    }
    return chosen;
  }

  function writeUrl(chosen) {
    const url = new URL(window.location.href);
    for (const kind of KINDS) {
      url.searchParams.delete(kind);
      for (const id of chosen[kind]) url.searchParams.append(kind, id);
    }
    // replaceState: toggling chips should not fill the Back button's history.
    window.history.replaceState(window.history.state, "", url.toString());
  }

  function setUp(panel) {
    if (panel.hasAttribute("data-ready")) return;
    panel.setAttribute("data-ready", "");
    // Every event list of the page: a timeline page may list its upcoming events apart.
    const events = [...(panel.closest(".x-page") ?? document).querySelectorAll("ol.x-timeline > li.x-event")];
    if (events.length === 0) return;
    const chips = [...panel.querySelectorAll("button.x-chip")];
    const count = panel.querySelector(".x-filters__count");
    const clear = panel.querySelector(".x-filters__clear");
    const people = panel.querySelector(".x-filters__people");
    const peopleToggle = panel.querySelector(".x-filters__toggle");
    let chosen = readUrl(chips);

    function matches(event) {
      return KINDS.every((kind) => {
        if (chosen[kind].length === 0) return true;
        const ids = (event.getAttribute(EVENT_ATTRIBUTE[kind]) || "").split(" ");
        return chosen[kind].some((id) => ids.includes(id));
      });
    }

    function show() {
      let shown = 0;
      for (const event of events) {
        event.hidden = !matches(event);
        if (!event.hidden) shown += 1;
      }
      for (const chip of chips) {
        chip.setAttribute("aria-pressed", String(chosen[chip.dataset.filter].includes(chip.dataset.value)));
      }
      count.textContent = `${shown} of ${events.length} events`;
      clear.hidden = KINDS.every((kind) => chosen[kind].length === 0);
      if (chosen.actor.length > 0) unfold(true);
    }

    function unfold(open) {
      if (!people || !peopleToggle) return;
      people.hidden = !open;
      peopleToggle.setAttribute("aria-expanded", String(open));
    }

    function choose(next) {
      chosen = next;
      show();
      writeUrl(chosen);
    }

    for (const chip of chips) {
      chip.addEventListener("click", () => {
        const { filter: kind, value: id } = chip.dataset;
        const ids = chosen[kind].includes(id) ? chosen[kind].filter((other) => other !== id) : [...chosen[kind], id];
        choose({ ...chosen, [kind]: ids });
      });
    }
    clear.addEventListener("click", () => choose(nothingChosen()));
    peopleToggle?.addEventListener("click", () => unfold(people.hidden));

    // A permalink to an event that the filter hides would land nowhere: show every event instead.
    function revealTarget() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const event = id && document.getElementById(id)?.closest("li.x-event");
      if (event && event.hidden) {
        choose(nothingChosen());
        document.getElementById(id).scrollIntoView();
      }
    }
    window.addEventListener("hashchange", revealTarget);

    show();
    panel.hidden = false;
    revealTarget();
  }

  function setUpAll() {
    document.querySelectorAll(".x-filters[data-filters-for]").forEach(setUp);
  }

  window.explainerOnPage(setUpAll);
})();
