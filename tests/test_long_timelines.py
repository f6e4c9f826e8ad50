"""A long timeline goes on one page per year (hooks/render/timelines.py, urls.event).

Rendered with the threshold lowered so that the fixture's own timeline (with an event still to come)
and a synthetic long one (bench/long_timeline.py) are both split; then once built for real, with
MkDocs and Pagefind, at the real threshold. Every event must be in full on exactly one page, its
year's, every link to it must land there, and an old permalink (`timelines/<id>/#<event>`) must still
lead to it.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench.long_timeline import ISSUE_SIZE, LONG_ID, page_sizes, write_long_timeline
from hooks import urls
from hooks.build import build
from hooks.content.load import load_site
from hooks.content.schedule import is_upcoming
from hooks.publish.export import generated_files
from hooks.publish.history import PageHistory
from hooks.render import overview, render_site
from hooks.render.common import Context
from tests.conftest import build_site
from tests.fixture_site import fixture_project
from tests.search_fragments import fragments
from tests.test_long_lists import broken_links, target_of

TODAY = date(2026, 1, 1)  # the fixture's event of 2031 is still to come
SITE_URL = "https://example.org/"
EVENTS = 150
YEAR_LINE = re.compile(r'<li data-moved-to="([^"]+)">(.*?)</li>')
ELEMENT_ID = re.compile(r'\sid="([^"]+)"')


def long_data(folder: Path, n_events: int = EVENTS) -> Path:
    return write_long_timeline(folder / "data", n_events, tagged=True)


def render(site) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urls, "TIMELINE_PAGE_EVENTS", 2)  # the fixture's timeline has 4 events
        patch.setattr(overview, "MAX_MARKS", 100)       # the long timeline's main page draws a mark per year
        return render_site(site, Context(site, site_name="Example", site_url=SITE_URL, today=TODAY))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return load_site(long_data(tmp_path_factory.mktemp("long")))


@pytest.fixture(scope="module")
def pages(site):
    return render(site)


def pairs(site):
    return [(timeline, event) for timeline in site.timelines.values() for event in timeline.events]


def split_timelines(site):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urls, "TIMELINE_PAGE_EVENTS", 2)
        return [timeline for timeline in site.timelines.values() if urls.timeline_by_year(timeline)]


def test_each_event_is_in_full_on_exactly_one_page_its_years(site, pages):
    assert len(split_timelines(site)) == len(site.timelines) == 2
    for timeline, event in pairs(site):
        heading = f'<h3 id="{event.id}" class="x-event__headline">'
        holding = [src for src, content in pages.items() if heading in content]
        assert holding == [urls.timeline_year(timeline.id, event.date.start.year)], event.id
    for timeline in site.timelines.values():
        assert 'class="x-event"' not in pages[urls.timeline(timeline.id)]


def test_a_year_page_lists_only_that_years_events_and_filters_them(site, pages):
    timeline = site.timelines[LONG_ID]
    for year in {event.date.start.year for event in timeline.events}:
        content = pages[urls.timeline_year(timeline.id, year)]
        listed = re.findall(r'data-event="([^"]+)"', content)
        assert sorted(listed) == sorted(e.id for e in timeline.events if e.date.start.year == year)
        assert f'{len(listed)} of {len(listed)} events</span>' in content  # the filters count this page's events
        assert f'data-mark="{listed[0]}"' in content and 'href="#' in content  # its own drawing, linking here


def test_an_event_still_to_come_waits_under_upcoming_on_its_years_page(site, pages):
    scheduled = [event for _, event in pairs(site) if is_upcoming(event, TODAY)]
    assert scheduled
    for event in scheduled:
        content = pages[urls.timeline_year(site.events[event.id][0].id, event.date.start.year)]
        assert content.index('<h2 id="upcoming">') < content.index(f'id="{event.id}"')


def test_an_old_permalink_lands_on_the_year_line_that_links_to_the_event(site, pages):
    for timeline in site.timelines.values():
        main = urls.timeline(timeline.id)
        lines = YEAR_LINE.findall(pages[main])
        assert len(lines) == len({event.date.start.year for event in timeline.events})
        for event in timeline.events:
            [(moved_to, line)] = [(href, line) for href, line in lines if f'<span id="{event.id}"></span>' in line]
            assert target_of(main, moved_to) == urls.timeline_year(timeline.id, event.date.start.year)
            assert f'<a href="{moved_to}">{event.date.start.year}</a>' in line
        assert '<script src="../../javascripts/moved-events.js" defer></script>' in pages[main]


def test_every_link_between_generated_pages_lands_on_a_page_and_anchor(site, pages):
    assert not broken_links(pages)
    main = urls.timeline("example-relations")
    marks = re.findall(r'<a class="x-ov__mark[^"]*" href="([^"#]+)#([^"]+)"', pages[main])
    assert marks and all(target_of(main, href) == urls.timeline_year("example-relations", site.events[event_id][1]
                                                                     .date.start.year) for href, event_id in marks)


def test_no_page_gives_two_elements_one_id(pages):
    for src, content in pages.items():
        twice = [element_id for element_id, n in Counter(ELEMENT_ID.findall(content)).items() if n > 1]
        assert not twice, (src, twice)


def test_the_main_page_grows_by_a_few_bytes_an_event_and_draws_no_wall(tmp_path, site, pages):
    """Its events are on the year pages: what it adds per event is the old permalink's empty element."""
    twice = load_site(long_data(tmp_path, 2 * EVENTS))
    bigger = render(twice)[urls.timeline(LONG_ID)]
    smaller = pages[urls.timeline(LONG_ID)]
    assert (len(bigger) - len(smaller)) / EVENTS < 30
    # Its drawing has one mark per year and row (overview.MAX_MARKS), however many events there are.
    assert bigger.count('class="x-ov__mark') == smaller.count('class="x-ov__mark') > 0


def test_search_finds_the_events_on_their_year_pages_only(site, pages):
    for timeline in site.timelines.values():
        main = pages[urls.timeline(timeline.id)]
        assert '<ul class="x-years" data-pagefind-ignore>' in main
        for year in {event.date.start.year for event in timeline.events}:
            front = pages[urls.timeline_year(timeline.id, year)].split("---")[1]
            assert '"kind": "Timeline"' in front and '"item": "Event"' in front and "exclude" not in front


def test_downloads_and_feed_give_each_events_year_page(site):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urls, "TIMELINE_PAGE_EVENTS", 2)
        files = generated_files(site, site_url=SITE_URL, site_name="Example", language="en", today=TODAY)
    timeline, event = next((t, e) for t, e in pairs(site) if t.id == LONG_ID)
    permalink = f"{SITE_URL}timelines/{LONG_ID}/{event.date.start.year}/#{event.id}"
    assert f'"url": "{permalink}"' in files[urls.EVENTS_JSON]
    assert permalink in files[urls.timeline_json(LONG_ID)]
    feed = files[urls.FEED].decode()
    assert re.search(rf"/timelines/{LONG_ID}/\d{{4}}/#e", feed) and f"/timelines/{LONG_ID}/#" not in feed


def test_a_year_page_changes_when_its_timeline_does(site):
    history = PageHistory(site, {}, "docs")
    timeline = site.timelines[LONG_ID]
    assert history.sources(urls.timeline_year(LONG_ID, 1992)) == history.sources(urls.timeline(LONG_ID))
    assert history.sources(urls.timeline(LONG_ID))[0] == timeline.path


def test_the_longest_timeline_a_file_holds_makes_no_page_over_a_megabyte_or_so(tmp_path):
    """34,561 of the shortest events, the most the 2 MiB cap on a file lets in (loading refuses more), made
    one page of 37.7 MB (render only; 38.5 MB built). The main page now holds 23 bytes or so per event;
    a year page holds that year's events (988 here: the bench spreads them over 35 years)."""
    sizes = page_sizes(write_long_timeline(tmp_path / "data", ISSUE_SIZE))
    assert sizes["events"] == ISSUE_SIZE and sizes["year_pages"] == 35
    assert sizes["main_page_bytes"] < 1_000_000
    assert sizes["largest_page_bytes"] < 1_200_000


@pytest.fixture(scope="module")
def built_long_site(tmp_path_factory) -> Path:
    """The real build (MkDocs, Pagefind) of a timeline just past the real threshold."""
    work = tmp_path_factory.mktemp("long-build")
    project = fixture_project(work / "project", data=long_data(work, urls.TIMELINE_PAGE_EVENTS + 20))
    result = build_site(project, work / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr[-4000:]
    return work / "site"


def test_the_built_timeline_is_split_without_warnings_or_duplicate_ids(built_long_site):
    built = {path: path.read_text(encoding="utf-8") for path in built_long_site.rglob("index.html")}
    years = [path for path in built if re.fullmatch(rf"timelines/{LONG_ID}/\d{{4}}/index.html",
                                                    path.relative_to(built_long_site).as_posix())]
    assert len(years) > 1
    for path, content in built.items():
        twice = [element_id for element_id, n in Counter(ELEMENT_ID.findall(content)).items() if n > 1]
        assert not twice, (path, twice)
    assert (built_long_site / "javascripts" / "moved-events.js").is_file()


def test_search_indexes_each_event_once_on_its_year_page(built_long_site):
    site = load_site(built_long_site.parent / "project" / "data")
    found = Counter()
    for record in fragments(built_long_site):
        for anchor in record["anchors"]:
            if anchor["id"] in site.events:
                found[anchor["id"]] += 1
                timeline, event = site.events[anchor["id"]]
                assert record["url"] == "/" + urls.page_dir(urls.event(timeline, event)), anchor
    assert found == Counter(site.events.keys())
    assert any(record["url"] == f"/timelines/{LONG_ID}/2000/" for record in fragments(built_long_site))


def test_below_the_threshold_the_build_is_as_before(tmp_path):
    """Today's data: one page per timeline, and no year pages (the golden tests hold the bytes)."""
    site = load_site(long_data(tmp_path, urls.TIMELINE_PAGE_EVENTS))
    pages = build(tmp_path, site_name="Example", site_url=SITE_URL, language="en", today=TODAY).pages
    assert not [src for src in pages if src.startswith(f"timelines/{LONG_ID}/")]
    assert all(f'<h3 id="{event.id}"' in pages[urls.timeline(LONG_ID)] for event in site.timelines[LONG_ID].events)


def test_the_home_page_draws_one_row_with_a_mark_per_year_past_max_marks(site):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(overview, "MAX_MARKS", 100)
        drawing = overview.site_overview(Context(site, today=TODAY), urls.HOME)
    years = {event.date.earliest.year for _, event in site.events.values()}
    assert len(site.events) > 100 and drawing.count('class="x-ov__mark') == len(years)
    assert 'class="x-ov__lane"' not in drawing  # one row: every timeline's events of a year in one mark
