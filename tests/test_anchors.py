"""Ids that are addresses and anchors: an item's id never takes the address or an element id of a page
the site makes itself, and the longest id fits every file name the build writes."""

from __future__ import annotations

from hooks import urls
from hooks.anchors import PAGE_IDS
from hooks.content.model import MAX_SLUG_LENGTH
from hooks.content.checks import SECTION_PAGES
from hooks.render import INDEX_PAGES


def test_pages_that_give_items_ids_use_only_the_ids_listed_for_them(site, pages):
    """A template that adds an id (`<h2 id="sources">`) must add it to hooks/anchors.py, so that an item
    with that id is refused by the checks rather than published twice on one page."""
    kinds = {f"timelines/{timeline.id}/": ("event", {event.id for event in timeline.events})
             for timeline in site.timelines.values()}
    kinds |= {"glossary/": ("term", set(site.terms)), "references/": ("reference", set(site.references)),
              "quotes/": ("person", set(site.people))}
    for url, (kind, item_ids) in kinds.items():
        own = {element_id for element_id in pages[url].ids - item_ids if not element_id.startswith("__")}
        assert own <= PAGE_IDS[kind], f"{url} uses ids missing from hooks/anchors.py PAGE_IDS[{kind!r}]: {own - PAGE_IDS[kind]}"
        assert pages[url].ids & item_ids, f"{url} gives no item an id: is the page kind still {kind!r}?"


def test_every_section_page_is_known_to_the_checks():
    item_pages = {page_of("x").rsplit("/", 1)[0] for _, page_of in SECTION_PAGES.values()}
    sections = {page for page in INDEX_PAGES if page.rsplit("/", 1)[0] in item_pages}
    assert sections == {section for section, _ in SECTION_PAGES.values()}
    for section, page_of in SECTION_PAGES.values():
        assert page_of("index") == section  # what the checks refuse: the id 'index' takes its address


def test_the_longest_id_fits_every_file_name_the_build_writes():
    longest = "x" * MAX_SLUG_LENGTH
    paths = [urls.page_dir(page_of(longest)) + "index.html" for _, page_of in SECTION_PAGES.values()]
    paths += [urls.page_dir(urls.person_year(longest, 2024)) + "index.html", urls.timeline_json(longest)]
    assert max(len(part.encode()) for path in paths for part in path.split("/")) <= 255
