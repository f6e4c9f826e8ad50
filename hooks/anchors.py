"""Element ids a generated page uses itself, on the pages that also give items of data/ an element id.

An event's id is its anchor on its timeline page (on its year's page for a long timeline, whose main
page keeps an empty element with the id for old permalinks: hooks/render/timelines.py), a term's on the
glossary, a reference's on the references page, a person's on the quotes page. An item whose id is one
of the page's own ids would make two elements with one id, and its permalink would jump to the other:
the checks refuse such ids (hooks/content/checks.py). tests/test_anchors.py reads every id of the built
pages and fails when a page uses an id that is neither an item's nor listed here, so these lists follow
the templates. The theme's own ids all start with "__", which no id in data/ can.
"""

from __future__ import annotations

# By the kind of item whose id becomes an element id on the page.
PAGE_IDS: dict[str, frozenset[str]] = {
    # the Events and Upcoming headings, and the filter groups (hooks/render/templates/filters.html)
    "event": frozenset({"events", "upcoming", "x-filters-topics", "x-filters-people"}),
    "term": frozenset(),  # the glossary: terms only
    "reference": frozenset(),  # the references page: references only
    "person": frozenset(),  # the quotes page: one heading per person
}
PAGE_NAMES = {"event": "its timeline page", "term": "the glossary page", "reference": "the references page",
              "person": "the quotes page"}
