"""Where each generated page lives, and links between pages. These URLs are permalinks: keep them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotations only: where a page lives depends on ids and dates alone
    from hooks.content.model import Event, Timeline

HOME = "index.md"
ARTICLES = "articles/index.md"
TIMELINES = "timelines/index.md"
PEOPLE = "people/index.md"
TOPICS = "topics/index.md"
QUOTES = "quotes.md"
GLOSSARY = "glossary.md"
REFERENCES = "references.md"
CORRECTIONS = "corrections.md"
DATA = "data.md"  # the open-data page; the downloads sit beside it in data/

# Files (not pages) generated at build time, by their path in the built site.
FEED = "feed.xml"
EVENTS_JSON = "data/events.json"
EVENTS_CSV = "data/events.csv"
PEOPLE_JSON = "data/people.json"
QUOTES_JSON = "data/quotes.json"


def article(article_id: str) -> str:
    return f"articles/{article_id}.md"


def timeline(timeline_id: str) -> str:
    return f"timelines/{timeline_id}.md"


# A timeline with more events than this lists them on one page per year (`timelines/<id>/<year>/`),
# so that a phone can load each page. Measured on data/ (60 events): an event weighs 3.3 KB in the
# list (sources, quotes, citation) and 0.6 KB in the overview, so 300 make a page of about 1.2 MB.
TIMELINE_PAGE_EVENTS = 300


def timeline_by_year(timeline: Timeline) -> bool:
    return len(timeline.events) > TIMELINE_PAGE_EVENTS


def timeline_year(timeline_id: str, year: int) -> str:
    """One year of a long timeline's events (only for timelines split by year)."""
    return f"timelines/{timeline_id}/{year}.md"


def event(on: Timeline, item: Event) -> str:
    """The page an event lives on, where its id is its anchor: its timeline's page, or the page of the
    year it starts in when the timeline is split by year. Every link to an event goes through here."""
    if timeline_by_year(on):
        return timeline_year(on.id, item.date.start.year)
    return timeline(on.id)


def event_link(from_src: str, on: Timeline, item: Event) -> str:
    """A relative link to an event: its bare anchor on the page it lives on."""
    page = event(on, item)
    return f"#{item.id}" if page == from_src else link(from_src, page, item.id)


def person(person_id: str) -> str:
    return f"people/{person_id}.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def person_year(person_id: str, year: int) -> str:
    """One year of a person's events, quotes and articles (only for people with very many)."""
    return f"people/{person_id}/{year}.md"


def topic_year(topic_id: str, year: int) -> str:
    return f"topics/{topic_id}/{year}.md"


def articles_year(year: int) -> str:
    return f"articles/years/{year}.md"


def timeline_json(timeline_id: str) -> str:
    return f"data/timeline-{timeline_id}.json"


def schema(name: str) -> str:
    return f"data/{name}.schema.json"


def page_dir(src_path: str) -> str:
    """The folder a page is served from with directory URLs: 'articles/x.md' -> 'articles/x/'."""
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative URL from one page to another (or an anchor on it): up to the site root, then down to
    the page, so a link reads the same from every page at one depth."""
    url = f"{up_to_root(from_src)}{page_dir(to_src)}" or "./"
    return f"{url}#{anchor}" if anchor else url


def up_to_root(src_path: str) -> str:
    """'../' once per folder the page is served from: '' for the home page, '../../' for 'articles/x.md'."""
    return "../" * page_dir(src_path).count("/")


def file_link(from_src: str, file_path: str) -> str:
    """A relative URL from a page to a generated file ('data/events.json')."""
    return f"{up_to_root(from_src)}{file_path}"


def absolute(site_url: str, to_src: str, anchor: str = "") -> str:
    """A page's (or anchor's) full address under site_url, for citations, feeds and downloads."""
    url = f"{site_url.rstrip('/')}/{page_dir(to_src)}"
    return f"{url}#{anchor}" if anchor else url


def absolute_file(site_url: str, file_path: str) -> str:
    return f"{site_url.rstrip('/')}/{file_path}"
