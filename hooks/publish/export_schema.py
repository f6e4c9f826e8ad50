"""The published JSON Schemas (draft 2020-12) of the downloads, and the CSV's columns.

One source for three things: the schema files shipped in the site (data/<name>.schema.json), the
field tables on the open-data page (every field's `description`), and the tests that validate the
exports. Field names are a contract with whoever reuses the data: add fields, never rename them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from hooks import urls

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
DAY = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
URL = {"type": "string", "format": "uri", "pattern": "^https?://"}


def _text(description: str) -> dict:
    return {"type": "string", "minLength": 1, "description": description}


def _nullable(schema: dict, description: str) -> dict:
    return {"anyOf": [schema, {"type": "null"}], "description": description}


def _object(description: str, properties: dict[str, dict], optional: tuple[str, ...] = (), title: str = "") -> dict:
    """An object with exactly these fields; a `title` marks a shared one, documented once under that name."""
    schema = {"title": title} if title else {}
    return {**schema, "type": "object", "description": description, "additionalProperties": False,
            "required": [name for name in properties if name not in optional], "properties": properties}


def _list(description: str, items: dict) -> dict:
    return {"type": "array", "description": description, "items": items}


DATE = _object("A date with its precision (dates in the sources are often known only to the month or year).", {
    "edtf": _text('The date as written in the data, in Library of Congress EDTF: "2024-05-13", "2024-05", "2017", '
                  '"2026-01~" (approximate), "2026-01?" (uncertain), "2026-01%" (both), "2024-05-26/2024-05-27" '
                  "(a range)."),
    "display": _text('The date as the site shows it: "13 May 2024", "c. January 2026", "26–27 May 2024".'),
    "precision": {"enum": ["day", "month", "year"], "description": "How precisely the date (its start, for a range) "
                                                                   "is known."},
    "start": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
              "description": 'The date, or the start of a range, at its precision: "2024", "2024-05" or "2024-05-13".'},
    "end": _nullable({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                     "The end of a range at its precision; null when the date is not a range."),
    "earliest": {**DAY, "description": "The first day the date can mean (1 May 2024 for \"2024-05\")."},
    "latest": {**DAY, "description": "The last day the date can mean (31 May 2024 for \"2024-05\")."},
    "approximate": {"type": "boolean", "description": 'True when the date is approximate ("c.", EDTF "~" or "%").'},
    "uncertain": {"type": "boolean", "description": 'True when the date is uncertain (EDTF "?" or "%").'},
}, title="Date")

NOTE = _object("An editors' note on an article paragraph, in the site's own voice.", {
    "date": {**DATE, "description": "When the note was written."},
    "text": _text("The note."),
    "sources": {**_list('What the note rests on, at least one: source ids ("<article-id>#p<N>" or the id of '
                        "another source, listed on the Sources page).", _text("A source id.")), "minItems": 1},
})

SOURCE = _object("A source resolved: an article paragraph on this site or an entry in the list of other sources.", {
    "id": _text('The source as the data cites it: "<article-id>#p<N>" or the id of another source.'),
    "kind": {"enum": ["article-paragraph", "reference"],
             "description": "article-paragraph: a numbered paragraph of an article on this site; reference: "
                            "another source (a document, report or page) listed on the Sources page."},
    "article": _nullable(ID, "The article id, for an article paragraph; otherwise null."),
    "paragraph": _nullable({"type": "integer", "minimum": 1}, "The paragraph number (¶), for an article "
                                                              "paragraph; otherwise null."),
    "title": _text("The article's or the source's title."),
    "publisher": _nullable({"type": "string"}, "The publisher; null when the source does not say (never guessed)."),
    "date": _nullable(DATE, "When the article or source was published; null when not recorded."),
    "url": {**URL, "description": "Where to read it on this site: the paragraph's anchor "
                                  "(…/articles/<id>/#p<N>) or the entry on the Sources page."},
    "original_url": _nullable(URL, "The original address, only when known for certain; otherwise null."),
    "notes": _list("The site's editors' notes on an article paragraph: context the record adds to it, dated "
                   "and sourced, in the order the data lists them; empty when there are none (always for "
                   "a reference).", NOTE),
}, title="Source")

QUOTE_IN_EVENT = _object("A verbatim quote.", {
    "text": _text("The words, exactly as in the cited paragraph."),
    "said_by": {**ID, "description": "Who said it: a person id (see people.json)."},
    "source": _text('The paragraph it comes from: "<article-id>#p<N>".'),
})

CORRECTION = _object("A correction made after publication on this site.", {
    "date": {**DATE, "description": "When the correction was made."},
    "note": _text("What was corrected."),
})

EVENT = _object("One event on a timeline.", {
    "id": {**ID, "description": "The event's id: unique across all timelines and its permalink anchor."},
    "timeline": {**ID, "description": "The id of the timeline it belongs to (its page is /timelines/<id>/)."},
    "url": {**URL, "description": "The event's permalink: …/timelines/<timeline>/#<id>, or, on a timeline of "
                                  f"more than {urls.TIMELINE_PAGE_EVENTS} events, …/timelines/<timeline>/<year>/#<id> "
                                  "(one page a year)."},
    "date": {**DATE, "description": "When it happened (or, for a scheduled event, is due to)."},
    "date_basis": _nullable({"type": "string"}, "How the date is known, when it is inferred rather than stated "
                                                "by the sources; otherwise null."),
    "headline": _text("One line saying what happened."),
    "summary": _text("A few sentences, supported by the sources."),
    "status": {"enum": ["confirmed", "reported", "scheduled"],
               "description": "confirmed (the default); reported: known only from media reports; scheduled: "
                              "announced, not yet happened when last reviewed."},
    "actors": _list("The people involved: person ids (see people.json).", ID),
    "topics": _list("The topics: topic ids (each has a page at /topics/<id>/).", ID),
    "sources": {**_list("What the event rests on; at least one.", SOURCE), "minItems": 1},
    "quotes": _list("Verbatim quotes about the event.", QUOTE_IN_EVENT),
    "corrections": _list("Corrections to the event, oldest first.", CORRECTION),
})

ROLE = _object("A position a person held.", {
    "title": _text("The position, e.g. Foreign Minister of South Korea."),
    "start": {**DATE, "description": "When it began."},
    "end": _nullable(DATE, "When it ended; null while held or not recorded."),
    "sources": _list("What the role rests on.", SOURCE),
})

PERSON = _object("A person the site names or quotes.", {
    "id": {**ID, "description": "The person's id (their page is /people/<id>/)."},
    "url": {**URL, "description": "The person's page."},
    "name": _text("The name as in English-language press."),
    "native_name": _text("The name in Hangul, Chinese characters or kana/kanji."),
    "native_lang": {"enum": ["ko", "zh", "ja", "en"], "description": "The language of native_name (BCP 47)."},
    "country": {"type": "string", "pattern": "^[a-z]{2}$", "description": "ISO 3166 country code, lowercase: kr, cn, "
                                                                          "jp, us, kp, ru, tw."},
    "country_name": _text("The country's name in English."),
    "aliases": _list("Other spellings found in the sources.", {"type": "string"}),
    "summary": _nullable({"type": "string"}, "Who they are, in a sentence; null when not written."),
    "roles": _list("Positions held, with dates.", ROLE),
    "sources": _list("What the person's entry rests on.", SOURCE),
    "events": _list("The events they take part in or are quoted in: event ids (see events.json).", ID),
})

QUOTE = _object("A verbatim quote, where it appears.", {
    "text": _text("The words, exactly as in the cited paragraph."),
    "said_by": {**ID, "description": "Who said it: a person id (see people.json)."},
    "said_by_name": _text("That person's name."),
    "source": SOURCE,
    "event": _nullable(ID, "The event it is quoted in; null for a quote listed with its article."),
    "event_url": _nullable(URL, "That event's permalink; null when event is null."),
})


def _collection(title: str, description: str, key: str, item: dict) -> dict:
    return {"$schema": DRAFT, "title": title, "description": description, "type": "object",
            "additionalProperties": False, "required": ["$schema", key],
            "properties": {"$schema": {**URL, "description": "The address of this schema."},
                           key: _list(f"The {key}.", item)}}


TL_DATE = _object("A TimelineJS date object.", {
    "year": {"type": "integer", "description": "The year (required by TimelineJS)."},
    "month": {"type": "integer", "minimum": 1, "maximum": 12, "description": "The month, 1-12, when known."},
    "day": {"type": "integer", "minimum": 1, "maximum": 31, "description": "The day, when known."},
    "display_date": _text("The date as the site shows it."),
}, optional=("month", "day", "display_date"))

TL_TEXT = _object("A TimelineJS text object; both fields are HTML (escaped text from the data).", {
    "headline": _text("The event's headline (the timeline's title on the title slide)."),
    "text": _text("The summary, linked sources and permalink (the timeline's intro on the title slide)."),
})

TIMELINEJS = {
    "$schema": DRAFT, "title": "A timeline in Knight Lab TimelineJS's JSON format",
    "description": "Load it in TimelineJS (timeline.knightlab.com) to embed the timeline elsewhere. Only the parts "
                   "of the format this site uses; TimelineJS accepts more (media, eras, backgrounds).",
    "type": "object", "additionalProperties": False, "required": ["events"],
    "properties": {
        "title": {**_object("The title slide.", {"text": TL_TEXT})},
        "events": {**_list("One slide per event, in date order.", _object("A slide.", {
            "unique_id": {**ID, "description": "The event's id on this site (so slide links survive edits)."},
            "start_date": TL_DATE,
            "end_date": TL_DATE,
            "display_date": _text('The date as the site shows it, with "c." or "(uncertain)" when so.'),
            "text": TL_TEXT,
            "group": _text("The title of the event's first topic (TimelineJS allows one group), as HTML with everything escaped."),
        }, optional=("end_date", "group"))), "minItems": 1},
    },
}

SCHEMAS: dict[str, dict] = {
    "events": _collection("Events", "Every event on every timeline, with dates, people, topics and resolved sources.",
                          "events", EVENT),
    "people": _collection("People", "Everyone the site names or quotes.", "people", PERSON),
    "quotes": _collection("Quotes", "Every verbatim quote, with its speaker and paragraph.", "quotes", QUOTE),
    "timelinejs": TIMELINEJS,
}

CSV_COLUMNS: list[tuple[str, str]] = [
    ("id", "The event's id (its permalink anchor)."),
    ("timeline", "The id of its timeline."),
    ("url", "The event's permalink."),
    ("date", "The date as written, in EDTF (see date.edtf)."),
    ("date_display", "The date as the site shows it."),
    ("date_precision", "day, month or year."),
    ("date_earliest", "The first day the date can mean (YYYY-MM-DD)."),
    ("date_latest", "The last day the date can mean (YYYY-MM-DD)."),
    ("approximate", "true or false."),
    ("uncertain", "true or false."),
    ("date_basis", "How the date is known, when inferred; empty otherwise."),
    ("headline", "One line saying what happened."),
    ("summary", "A few sentences, supported by the sources."),
    ("status", "confirmed, reported or scheduled."),
    ("actors", "Person ids, separated by spaces."),
    ("topics", "Topic ids, separated by spaces."),
    ("sources", "Source ids (<article-id>#p<N> or another source's id), separated by spaces."),
    ("source_urls", "Where to read each source on this site, in the same order, separated by spaces."),
]


def schema_document(name: str, site_url: str) -> str:
    """A schema as published, with its own address as `$id`."""
    schema = {"$id": f"{site_url.rstrip('/')}/data/{name}.schema.json", **SCHEMAS[name]}
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


SHARED = {"Date": DATE, "Source": SOURCE}  # documented once each, referred to by name elsewhere


def field_rows(schema: dict, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(field path, type, description) for every field, depth first: 'events[].date'. Shared objects
    (a Date, a Source) are named, not expanded: their own fields are listed once, from SHARED."""
    for name, field in schema.get("properties", {}).items():
        if name == "$schema":
            continue
        here = f"{path}.{name}" if path else name
        yield here, type_name(field), field.get("description", "")
        target = _object_part(field)
        if target is not None and "title" not in target:
            yield from field_rows(target, here + ("[]" if _is_list(field) else ""))


def type_name(field: dict) -> str:
    if "anyOf" in field:
        kinds = [type_name(option) for option in field["anyOf"]]
        return " or ".join(kinds)
    if "enum" in field:
        return "one of " + ", ".join(field["enum"])
    if field.get("type") == "array":
        return f"list of {type_name(field['items'])}"
    if field.get("type") == "object" and "title" in field:
        return f"{field['title']} object"
    return {"string": "text", "integer": "integer", "boolean": "true/false", "object": "object",
            "null": "null"}.get(field.get("type", ""), "value")


def _is_list(field: dict) -> bool:
    return field.get("type") == "array"


def _object_part(field: dict) -> dict | None:
    """The object schema a field holds (directly, as list items, or as the non-null option)."""
    if field.get("type") == "object":
        return field
    if _is_list(field) and field["items"].get("type") == "object":
        return field["items"]
    for option in field.get("anyOf", []):
        if option.get("type") == "object":
            return option
    return None
