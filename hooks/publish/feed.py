"""The Atom feed (RFC 4287) of articles and timeline events, newest first.

Atom rather than RSS 2.0: every entry has both `published` and `updated` (corrections bump
`updated`), ids are required and permanent, and dates are RFC 3339. Written with the standard
library's ElementTree, which does the part that is easy to get wrong (escaping, encoding,
namespaces); a feed library such as feedgen would add lxml and python-dateutil to the build for
the dozen elements used here. Tests parse the result with feedparser, as feed readers do.

Dates have a precision; a feed needs a timestamp. A date becomes noon UTC on the first day it can
mean: "2024-05-13" -> 2024-05-13T12:00:00Z, "2024-05" -> 2024-05-01T12:00:00Z, "2017~" ->
2017-01-01T12:00:00Z, a range -> its first day. The first day sorts as the timeline does and never
points into the future for the current month; noon UTC keeps the calendar date the same from UTC-11
to UTC+11 (in Seoul, Beijing and Washington alike). The entry's text states the date as written.
"""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree as ET

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.content.model import Article, Event, Site, Timeline
from hooks.content.schedule import is_upcoming

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50  # readers only want what is new; the full record is in the downloads

ET.register_namespace("", ATOM)


def timestamp(when: EdtfDate) -> str:
    """RFC 3339 timestamp of a date with precision: noon UTC on its first day."""
    return f"{when.earliest.isoformat()}T12:00:00Z"


def _updated(published: EdtfDate, corrections) -> EdtfDate:
    """The latest correction's date, or the publication date when there is none."""
    dates = [published, *(c.date for c in corrections)]
    return max(dates, key=lambda when: when.earliest)


def _entry(entry_id: str, title: str, summary: str, published: EdtfDate, updated: EdtfDate,
           categories: list[tuple[str, str]]) -> dict:
    return {"id": entry_id, "title": title, "summary": summary, "published": timestamp(published),
            "updated": timestamp(updated), "categories": categories}


def article_entry(site: Site, site_url: str, article: Article) -> dict:
    meta = article.meta
    summary = f"Article, published {article.meta.published.display()}. {meta.summary}"
    summary += "".join(f" Corrected {c.date.display()}: {c.note}" for c in meta.corrections)
    return _entry(urls.absolute(site_url, urls.article(article.id)), meta.title, summary, article.meta.published,
                  _updated(article.meta.published, meta.corrections), [(t, site.topics[t].title) for t in meta.topics])


def event_entry(site: Site, site_url: str, timeline: Timeline, event: Event) -> dict:
    summary = f"{event.date.display()}, {timeline.title}. {event.summary}"
    summary += "".join(f" Corrected {c.date.display()}: {c.note}" for c in event.corrections)
    return _entry(urls.absolute(site_url, urls.event(timeline, event), event.id), event.headline, summary,
                  event.date, _updated(event.date, event.corrections), [(t, site.topics[t].title) for t in event.topics])


def feed_entries(site: Site, site_url: str, today: date) -> list[dict]:
    """Articles and events (not upcoming ones: they have not happened), most recently updated first."""
    entries = [article_entry(site, site_url, article) for article in site.articles.values()]
    entries += [event_entry(site, site_url, timeline, event) for timeline, event in site.events.values()
                if not is_upcoming(event, today)]
    entries.sort(key=lambda entry: (entry["updated"], entry["published"], entry["id"]), reverse=True)
    return entries[:MAX_ENTRIES]


def atom_feed(site: Site, *, site_url: str, site_name: str, language: str = "en", today: date | None = None) -> bytes:
    """The feed document. Its `updated` is its newest entry's, so an unchanged site gives the same bytes."""
    entries = feed_entries(site, site_url, today or date.today())
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    _text(feed, "id", urls.absolute_file(site_url, urls.FEED))
    _text(feed, "title", site_name)
    _text(feed, "subtitle", "New and updated articles and timeline events")
    _text(feed, "updated", max((e["updated"] for e in entries), default="1970-01-01T00:00:00Z"))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=urls.absolute_file(site_url, urls.FEED))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=urls.absolute(site_url, urls.HOME))
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", site_name)
    for entry in entries:
        element = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(element, "id", entry["id"])
        _text(element, "title", entry["title"])
        ET.SubElement(element, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=entry["id"])
        _text(element, "published", entry["published"])
        _text(element, "updated", entry["updated"])
        for term, label in entry["categories"]:
            ET.SubElement(element, f"{{{ATOM}}}category", term=term, label=label)
        _text(element, "summary", entry["summary"], type="text")
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, value: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    element.text = " ".join(value.split())
    return element
