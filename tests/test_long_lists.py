"""A large archive's long lists (hooks/render/lists.py): compact lines, then one page per year.

The thresholds are lowered so a small synthetic archive (bench/corpus.py) crosses every one of them;
then every link between the generated pages must land on a page and an anchor that exist, and every
event, quote and article of a person, topic or the archive must be listed on exactly one year page.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from hooks import urls
from hooks.content.load import load_site
from hooks.render import articles, lists, passthrough, reference_pages, render_site, timelines
from hooks.render.common import Context
from hooks.render.home import latest_events
from hooks.render.lists import compact_event
from hooks.content.schedule import is_upcoming

ROOT = Path(__file__).resolve().parents[1]
HREF = re.compile(r'href="([^"#]*)(?:#([^"]*))?"')


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    data = tmp_path_factory.mktemp("archive") / "data"
    write_corpus(ROOT / "data", data, 60)
    return load_site(data)


def small_thresholds(patch: pytest.MonkeyPatch) -> None:
    """Thresholds small enough that an archive of 60 articles takes every long-list path."""
    patch.setattr(lists, "INLINE_ITEMS", 40)
    patch.setattr(lists, "INLINE_QUOTES", 25)
    patch.setattr(lists, "LATEST", 3)
    patch.setattr(lists, "FULL_EVENTS", 4)  # person and topic pages share events_section
    patch.setattr(articles, "INDEX_CARDS", 10)
    patch.setattr(articles, "LATEST_CARDS", 5)
    patch.setattr(timelines, "INDEX_CARDS", 2)
    patch.setattr(reference_pages, "QUOTES_IN_FULL", 10)


@pytest.fixture(scope="module")
def pages(archive):
    with pytest.MonkeyPatch.context() as patch:
        small_thresholds(patch)
        return render_site(archive, Context(archive, site_name="Example", site_url="https://example.org/"))


def target_of(here: str, href: str) -> str:
    """The page (its path under docs/) that a relative href on page `here` points at."""
    folder = urls.page_dir(here)
    path = posixpath.normpath(posixpath.join(folder, href)) if href else folder.rstrip("/")
    path = "" if path == "." else path
    return "index.md" if path == "" else f"{path}/index.md" if f"{path}/index.md" in INDEXES else f"{path}.md"


INDEXES = {urls.ARTICLES, urls.TIMELINES, urls.PEOPLE, urls.TOPICS}


def test_every_link_between_generated_pages_lands_on_a_page_and_anchor(pages):
    broken = broken_links(pages)
    assert not broken, broken[:10]


def broken_links(pages: dict[str, str]) -> list[str]:
    """Links between generated pages (their paths under docs/) whose page or anchor does not exist."""
    anchors = {src: passthrough.anchor_ids(content) for src, content in pages.items()}
    hand_written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    broken = []
    for src, content in pages.items():
        for href, anchor in HREF.findall(content):
            if href.startswith(("http:", "https:")) or "." in href.rsplit("/", 1)[-1]:
                continue  # other sites, and downloads (data/events.json)
            target = src if not href else target_of(src, href)
            if target in hand_written:
                continue
            if target not in pages:
                broken.append(f"{src}: {href} (no page {target})")
            elif anchor and anchor not in anchors[target]:
                broken.append(f"{src}: {href}#{anchor} (no anchor)")
    return broken


def year_pages(pages, prefix: str) -> dict[str, str]:
    return {src: content for src, content in pages.items() if re.fullmatch(rf"{prefix}\d{{4}}\.md", src)}


def test_someone_named_very_often_gets_a_page_per_year_listing_each_event_once(archive, pages):
    split = [p for p in archive.people.values() if year_pages(pages, f"people/{p.id}/")]
    assert split, "no person crossed the lowered thresholds"
    for person in split:
        years = year_pages(pages, f"people/{person.id}/")
        page = pages[urls.person(person.id)]
        assert 'id="by-year"' in page
        for src in years:
            assert f'href="{urls.link(urls.person(person.id), src)}"' in page
        listed = Counter(event_id for content in years.values()
                         for event_id in re.findall(r'href="[^"]*#([^"]+)"', content)
                         if event_id in archive.events)
        expected = {event.id for _, event in archive.events_by_person[person.id]}
        assert set(listed) == expected and set(listed.values()) == {1}
        quotes = sum(content.count('class="x-quote"') for content in years.values())
        assert quotes == len(archive.quotes_by_person[person.id])


def test_a_busy_topic_lists_its_events_and_articles_by_year(archive, pages):
    topic = max(archive.topics.values(), key=lambda t: len(archive.events_by_topic[t.id]))
    years = year_pages(pages, f"topics/{topic.id}/")
    assert years
    listed = [event_id for content in years.values() for event_id in re.findall(r'href="[^"]*#([^"]+)"', content)
              if event_id in archive.events]
    assert sorted(listed) == sorted(event.id for _, event in archive.events_by_topic[topic.id])


def test_a_large_article_list_goes_by_year(archive, pages):
    years = year_pages(pages, "articles/years/")
    assert years
    targets = [target_of(src, href) for src, content in years.items() for href, _ in HREF.findall(content)]
    listed = [target.removeprefix("articles/").removesuffix(".md") for target in targets]
    assert sorted(article_id for article_id in listed if article_id in archive.articles) == sorted(archive.articles)
    assert 'id="by-year"' in pages[urls.ARTICLES]


def test_mid_sized_lists_are_one_line_per_event(archive, pages):
    mid = [p for p in archive.people.values()
           if 4 < len(archive.events_by_person[p.id]) and not year_pages(pages, f"people/{p.id}/")]
    assert mid
    page = pages[urls.person(mid[0].id)]
    assert 'class="x-compact"' in page and 'class="x-event"' not in page


def test_gathering_pages_leave_repeated_content_out_of_search(pages):
    for src, content in year_pages(pages, "articles/years/").items():
        assert '"exclude": true' in content.split("---")[1], src
    assert "data-pagefind-ignore" in pages[urls.TIMELINES]


def test_the_latest_events_are_the_newest_that_happened(archive):
    """The home page takes them from the site-wide newest-first list, as sorting what happened would."""
    fixture = load_site(ROOT / "tests" / "fixtures" / "minimal" / "data")  # an event scheduled for 2031
    for site in (archive, fixture):
        for today in (date(2026, 12, 1), date(2033, 1, 1)):  # upcoming on the first day, not the second
            ctx = Context(site, today=today)
            happened = [pair for pair in site.events.values() if not is_upcoming(pair[1], today)]
            newest = lists.newest_first(happened, lists.event_when)[:40]
            expected = "\n".join(compact_event(ctx, urls.HOME, event.id) for _, event in newest)
            assert latest_events(ctx, count=40) == f'<ul class="x-latest">\n{expected}\n</ul>'
    assert any(is_upcoming(event, date(2026, 12, 1)) for _, event in fixture.events.values())
