"""The built site as others reuse it: sharing tags on every page, the sitemap, the feed, the downloads
and 'cite this'. Uses the session's one real build (`built_site`)."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import feedparser
import jsonschema
import pytest
from mkdocs.config import load_config
from PIL import Image

from hooks import urls
from hooks.content.dates import MONTHS
from tests.html_index import resolve

ROOT = Path(__file__).resolve().parents[1]


class Head(HTMLParser):
    """A page's <title>, <meta> and <link> tags, and each 'cite this' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.citations: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and ("property" in values or "name" in values):
            self.meta[values.get("property") or values["name"]] = values.get("content", "")
        elif tag == "link":
            self.links.append(values)
        elif tag == "title":
            self._in = "title"
        elif tag == "p" and "x-cite__text" in values.get("class", ""):
            self._in = "cite"
            self.citations.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "p"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "cite":
            self.citations[-1] += data


def head_of(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site_url() -> str:
    return load_config(str(ROOT / "mkdocs.yml")).site_url


def html_pages(built_site: Path) -> dict[str, Path]:
    """Every page a reader can share ('' for home, 'articles/x/' …); 404.html is not one."""
    found = {}
    for path in built_site.rglob("index.html"):
        relative = path.relative_to(built_site).as_posix()
        found[relative.removesuffix("index.html")] = path
    return found


def test_every_page_has_title_description_canonical_and_sharing_tags(built_site: Path, site_url: str):
    pages = html_pages(built_site)
    assert len(pages) > 40
    for url, path in pages.items():
        head = head_of(path)
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == [site_url + url], (url, canonical)
        assert head.title.strip(), url
        description = head.meta.get("description", "")
        assert description.strip(), f"{url}: no meta description"
        for name in ("og:title", "og:description", "og:url", "og:type", "og:site_name",
                     "twitter:card", "twitter:title", "twitter:description"):
            assert head.meta.get(name, "").strip(), f"{url}: no {name}"
        assert head.meta["og:url"] == canonical[0]
        assert head.meta["og:description"] == head.meta["twitter:description"] == " ".join(description.split())
        assert head.meta["og:title"] in head.title, "the shared title is the page's own"
        # The share card: on this site, at its published address, 1200 x 630 (hooks/publish/cards.py).
        card = head.meta.get("og:image", "")
        assert card.startswith(site_url + "cards/") and card.endswith(".png"), (url, card)
        assert head.meta["twitter:image"] == card and head.meta["twitter:card"] == "summary_large_image"
        with Image.open(built_site / card.removeprefix(site_url)) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), url


def test_sharing_text_is_escaped_once(built_site: Path):
    """A title with quotes and ampersands reaches the tags as the reader sees it, not doubly escaped."""
    for path in html_pages(built_site).values():
        text = path.read_text(encoding="utf-8")
        head = text[:text.index("</head>")]
        assert "&amp;amp;" not in head and "&amp;#" not in head and "&amp;quot;" not in head, path


def test_the_sitemap_lists_every_page_at_its_published_address(built_site: Path, site_url: str):
    tree = ET.parse(built_site / "sitemap.xml")
    locations = [element.text for element in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(location.startswith(site_url) for location in locations), "sitemap uses site_url"
    assert sorted(location.removeprefix(site_url) for location in locations) == sorted(html_pages(built_site))


def test_the_feed_parses_and_every_entry_links_to_a_page_of_the_site(built_site: Path, site_url: str, pages):
    feed = feedparser.parse((built_site / urls.FEED).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.updated_parsed
    assert any(link.rel == "self" and link.href == site_url + urls.FEED for link in feed.feed.links)
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith(site_url), entry.link
        page, _, anchor = entry.link.removeprefix(site_url).partition("#")
        assert page in pages, f"feed entry links to a missing page: {entry.link}"
        assert not anchor or anchor in pages[page].ids, f"feed entry links to a missing anchor: {entry.link}"
        assert entry.id == entry.link
        assert entry.published_parsed and entry.updated_parsed >= entry.published_parsed
        assert entry.title and entry.summary
    updated = [entry.updated for entry in feed.entries]
    assert updated == sorted(updated, reverse=True), "newest first"


def test_every_page_announces_the_feed(built_site: Path):
    for url, path in html_pages(built_site).items():
        feeds = [link["href"] for link in head_of(path).links
                 if "alternate" in link.get("rel", "").split() and link.get("type") == "application/atom+xml"]
        assert len(feeds) == 1 and resolve(url, feeds[0]) == (urls.FEED, ""), (url, feeds)


def test_downloads_are_linked_from_timelines_and_the_data_page_and_exist(built_site: Path, site, pages):
    data_links = {resolve("data/", href)[0] for href in pages["data/"].links if resolve("data/", href)}
    shipped = {path.relative_to(built_site).as_posix() for path in (built_site / "data").iterdir() if path.is_file()}
    shipped.discard("data/index.html")
    assert shipped == {p for p in data_links if p.startswith("data/") and p != "data/"}, \
        "the data page links every download"
    assert urls.FEED in data_links
    for timeline in site.timelines.values():
        url = f"timelines/{timeline.id}/"
        linked = {resolve(url, href)[0] for href in pages[url].links if resolve(url, href)}
        for path in (urls.timeline_json(timeline.id), urls.EVENTS_JSON, urls.EVENTS_CSV):
            assert path in linked, f"{url} does not link {path}"
            assert (built_site / path).is_file()
    nav_links = {resolve("", href)[0] for href in pages[""].links if resolve("", href)}
    assert "data/" in nav_links, "the data page is in the navigation"


def test_shipped_json_validates_against_the_shipped_schema(built_site: Path, site_url: str):
    for path in (built_site / "data").glob("*.json"):
        if path.name.endswith(".schema.json"):
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        schema_path = urls.schema("timelinejs") if path.name.startswith("timeline-") else \
            urlsplit(document["$schema"]).path.removeprefix(urlsplit(site_url).path)
        schema = json.loads((built_site / schema_path).read_text(encoding="utf-8"))
        assert schema["$id"] == site_url + schema_path
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator,
                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_every_event_has_a_citation_with_the_readers_access_date(built_site: Path, site, site_url: str):
    site_name = load_config(str(ROOT / "mkdocs.yml")).site_name
    built_on = date.today()
    build_dates = {built_on.isoformat(), f"{built_on.day} {MONTHS[built_on.month - 1]} {built_on.year}"}
    for timeline in site.timelines.values():
        citations = head_of(built_site / "timelines" / timeline.id / "index.html").citations
        by_event = {re.search(r"#([a-z0-9-]+)\. Accessed", citation)[1]: citation for citation in citations}
        assert sorted(by_event) == sorted(event.id for event in timeline.events)
        for event in timeline.events:
            citation = by_event[event.id]
            assert f"{site_url}timelines/{timeline.id}/#{event.id}." in citation
            assert " ".join(event.headline.split()) in citation and event.date.display() in citation
            assert site_name in citation and "Accessed [date]." in citation
            if event.date.earliest != built_on:
                assert not any(day in citation for day in build_dates), "the build date is no access date"
