"""The open data: every event, person and quote as JSON and CSV, and each timeline for TimelineJS.

Pure functions of the loaded `Site` (plus the address the site is published at), producing the exact
text of each download. The ids are the site's ids; the field names are a published contract (see
`hooks/publish/export_schema.py`, which documents and validates every field): add fields, never rename them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from markupsafe import escape

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.publish.export_schema import CSV_COLUMNS, SCHEMAS, schema_document
from hooks.publish.feed import atom_feed
from hooks.content.model import COUNTRY_NAMES, Event, Person, Site, Timeline, paragraph_of

LIST_SEPARATOR = " "  # ids and URLs never contain whitespace (the loader refuses it), so a space is safe


def date_record(when: EdtfDate) -> dict[str, Any]:
    """A date with its precision, as written and as understood."""
    return {
        "edtf": when.text,
        "display": when.display(),
        "precision": when.precision,
        "start": when.start.iso(),
        "end": when.end.iso() if when.end else None,
        "earliest": when.earliest.isoformat(),
        "latest": when.latest.isoformat(),
        "approximate": when.approximate,
        "uncertain": when.uncertain,
    }


def source_record(site: Site, site_url: str, source: str) -> dict[str, Any]:
    """A source id resolved: the article paragraph or reference, where to read it here and originally."""
    if paragraph := paragraph_of(source):
        article_id, number = paragraph
        article = site.articles[article_id]
        return {
            "id": source, "kind": "article-paragraph", "article": article.id, "paragraph": number,
            "title": article.meta.title, "publisher": article.meta.publisher,
            "date": date_record(article.meta.published),
            "url": urls.absolute(site_url, urls.article(article.id), f"p{number}"),
            "original_url": article.meta.url,
            "notes": [{"date": date_record(note.date), "text": note.text, "sources": list(note.sources)}
                      for note in article.notes_by_paragraph.get(number, ())],
        }
    reference = site.references[source]
    return {
        "id": source, "kind": "reference", "article": None, "paragraph": None,
        "title": reference.title, "publisher": reference.publisher,
        "date": date_record(reference.date) if reference.date else None,
        "url": urls.absolute(site_url, urls.REFERENCES, reference.id),
        "original_url": reference.url,
        "notes": [],
    }


def event_record(site: Site, site_url: str, timeline: Timeline, event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "timeline": timeline.id,
        "url": urls.absolute(site_url, urls.event(timeline, event), event.id),
        "date": date_record(event.date),
        "date_basis": event.date_basis,
        "headline": event.headline,
        "summary": event.summary,
        "status": event.status,
        "actors": list(event.actors),
        "topics": list(event.topics),
        "sources": [source_record(site, site_url, source) for source in event.sources],
        "quotes": [{"text": q.text, "said_by": q.said_by, "source": q.source} for q in event.quotes],
        "corrections": [{"date": date_record(c.date), "note": c.note} for c in event.corrections],
    }


def all_event_records(site: Site, site_url: str) -> list[dict[str, Any]]:
    """Every event of every timeline, in date order (ties: by id), as the site shows them."""
    pairs = sorted(site.events.values(), key=lambda pair: (pair[1].date.sort_key(), pair[1].id))
    return [event_record(site, site_url, timeline, event) for timeline, event in pairs]


def _document(name: str, site_url: str, key: str, items: list) -> str:
    """{"$schema": …, key: [one item per line]}: readable and diff-friendly, and written by json's C
    encoder (indent= makes json use its pure-Python one: seconds on an archive of thousands of events)."""
    schema = json.dumps(urls.absolute_file(site_url, urls.schema(name)), ensure_ascii=False)
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    return f'{{"$schema": {schema}, {json.dumps(key)}: [\n{lines}\n]}}\n'


def events_json(site: Site, site_url: str, records: list[dict[str, Any]] | None = None) -> str:
    return _document("events", site_url, "events", records or all_event_records(site, site_url))


def events_csv(site: Site, site_url: str, records: list[dict[str, Any]] | None = None) -> str:
    """One row per event; list columns hold space-separated ids or URLs. RFC 4180 (CRLF), UTF-8; no
    cell can start a formula (`_inert_in_spreadsheets`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column for column, _ in CSV_COLUMNS])
    for record in records or all_event_records(site, site_url):
        writer.writerow([_csv_cell(value) for value in _csv_row(record)])
    return out.getvalue()


def _csv_row(record: dict[str, Any]) -> list:
    when = record["date"]
    return [
        record["id"], record["timeline"], record["url"], when["edtf"], when["display"], when["precision"],
        when["earliest"], when["latest"], when["approximate"], when["uncertain"], record["date_basis"],
        record["headline"], record["summary"], record["status"], record["actors"], record["topics"],
        [source["id"] for source in record["sources"]], [source["url"] for source in record["sources"]],
    ]


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _inert_in_spreadsheets(LIST_SEPARATOR.join(value))
    return "" if value is None else _inert_in_spreadsheets(str(value))


# What makes a spreadsheet read a cell as a formula (`=HYPERLINK(…)`, `+1+cmd|…`, `@SUM(…)`), tab and CR
# included: OWASP's CSV injection rule. Such a cell gets a leading `'`, which spreadsheets show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert_in_spreadsheets(cell: str) -> str:
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def person_record(site: Site, site_url: str, person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "url": urls.absolute(site_url, urls.person(person.id)),
        "name": person.name,
        "native_name": person.native_name,
        "native_lang": person.native_lang,
        "country": person.country,
        "country_name": COUNTRY_NAMES[person.country],
        "aliases": list(person.aliases),
        "summary": person.summary,
        "roles": [{"title": role.title, "start": date_record(role.start),
                   "end": date_record(role.end) if role.end else None,
                   "sources": [source_record(site, site_url, s) for s in role.sources]} for role in person.roles],
        "sources": [source_record(site, site_url, source) for source in person.sources],
        "events": [event.id for _, event in site.events_by_person[person.id]],
    }


def people_json(site: Site, site_url: str) -> str:
    people = sorted(site.people.values(), key=lambda person: person.id)
    return _document("people", site_url, "people", [person_record(site, site_url, p) for p in people])


def quotes_json(site: Site, site_url: str) -> str:
    """Every quote where it appears: in an event (with its id) or in an article's front matter."""
    quotes = []
    for use in site.quotes:
        quotes.append({
            "text": use.quote.text,
            "said_by": use.quote.said_by,
            "said_by_name": site.people[use.quote.said_by].name,
            "source": source_record(site, site_url, use.quote.source),
            "event": use.event.id if use.event else None,
            "event_url": urls.absolute(site_url, urls.event(site.events[use.event.id][0], use.event), use.event.id)
            if use.event else None,
        })
    return _document("quotes", site_url, "quotes", quotes)


def _tl_date(point) -> dict[str, Any]:
    date = {"year": point.year}
    if point.month:
        date["month"] = point.month
    if point.day:
        date["day"] = point.day
    return date


def _tl_event(site: Site, site_url: str, timeline: Timeline, event: Event) -> dict[str, Any]:
    """One TimelineJS slide. Its text fields are HTML, so everything from data/ is escaped."""
    when = event.date
    permalink = urls.absolute(site_url, urls.event(timeline, event), event.id)
    sources = "; ".join(
        f'<a href="{escape(record["url"])}">{escape(record["title"])}'
        f'{", ¶" + str(record["paragraph"]) if record["paragraph"] else ""}</a>'
        for record in (source_record(site, site_url, source) for source in event.sources))
    text = (f"<p>{escape(event.summary)}</p><p>Sources: {sources}</p>"
            f'<p><a href="{escape(permalink)}">Permalink</a></p>')
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": {**_tl_date(when.start), "display_date": when.display()},
        "display_date": when.display(),  # keeps "c." and "(uncertain)", which TimelineJS cannot express
        "text": {"headline": escape(event.headline), "text": text},
    }
    if when.end:
        slide["end_date"] = _tl_date(when.end)
    if event.topics:
        # TimelineJS has one group per slide: the event's first topic (events.json has them all).
        # TimelineJS sets the group label as HTML, like the headline.
        slide["group"] = escape(site.topics[event.topics[0]].title)
    return slide


def timelinejs_json(site: Site, site_url: str, timeline: Timeline) -> str:
    """A timeline in Knight Lab TimelineJS's JSON format (title slide + one slide per event, a line each)."""
    title = {"text": {"headline": escape(timeline.title), "text": f"<p>{escape(timeline.intro)}</p>"}}
    slides = ",\n".join(json.dumps(_tl_event(site, site_url, timeline, event), ensure_ascii=False)
                        for event in timeline.events)
    return f'{{"title": {json.dumps(title, ensure_ascii=False)}, "events": [\n{slides}\n]}}\n'


def downloads(site: Site, site_url: str) -> dict[str, str]:
    """Every download and its schema, keyed by its path in the built site."""
    records = all_event_records(site, site_url)  # once for both formats
    files = {
        urls.EVENTS_JSON: events_json(site, site_url, records),
        urls.EVENTS_CSV: events_csv(site, site_url, records),
        urls.PEOPLE_JSON: people_json(site, site_url),
        urls.QUOTES_JSON: quotes_json(site, site_url),
    }
    files |= {urls.timeline_json(t.id): timelinejs_json(site, site_url, t) for t in site.timelines.values()}
    files |= {urls.schema(name): schema_document(name, site_url) for name in SCHEMAS}
    return files


def generated_files(site: Site, *, site_url: str, site_name: str, language: str, today: date) -> dict[str, str | bytes]:
    """Every file (not page) the build adds: the downloads, their schemas and the feed."""
    return downloads(site, site_url) | {
        urls.FEED: atom_feed(site, site_url=site_url, site_name=site_name, language=language, today=today)}
