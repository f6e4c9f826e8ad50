"""Loading data/: what an editor sees when it is right, and when it is wrong (`path:line: field: message`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from hooks.content.load import load_site, parse_body
from hooks.content.model import Block
from hooks.content.problems import DataError

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "minimal" / "data"

TIMELINE = "timelines/example-relations.yml"
HARBOUR = "articles/example-harbour-talks.md"
FERRY = "articles/example-ferry-agreement.md"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based number of the nth line containing `needle`."""
    hits = [number for number, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} is not in the edited text {nth} time(s); has the fixture changed?"
    return hits[nth - 1]


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return [str(problem) for problem in caught.value.problems]


# --- the real data ------------------------------------------------------------------------------------

def test_real_data_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    try:
        site = load_site(Path("data"))
    except DataError as error:
        pytest.fail(f"data/ does not validate:\n{error.report()}")
    assert site.articles, "data/articles/ has no articles"
    for article in site.articles.values():
        assert article.paragraphs, f"{article.path} has no paragraphs"


# --- the fixture, loaded --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE_DATA)


def raw(name: str):
    return yaml.safe_load((FIXTURE_DATA / name).read_text(encoding="utf-8"))


def test_fixture_counts(site) -> None:
    timeline_files = sorted((FIXTURE_DATA / "timelines").glob("*.yml"))
    assert sorted(site.articles) == sorted(path.stem for path in (FIXTURE_DATA / "articles").glob("*.md"))
    assert sorted(site.timelines) == [path.stem for path in timeline_files]
    assert len(site.events) == sum(len(raw(f"timelines/{path.name}")["events"]) for path in timeline_files)
    assert sorted(site.people) == sorted(item["id"] for item in raw("people.yml"))
    assert sorted(site.topics) == sorted(item["id"] for item in raw("topics.yml"))
    assert sorted(site.terms) == sorted(item["id"] for item in raw("glossary.yml"))
    assert sorted(site.references) == sorted(item["id"] for item in raw("references.yml"))
    # The sizes the fixture promises (tests/fixtures/minimal/README.md).
    sizes = (len(site.articles), len(site.timelines), len(site.events), len(site.people), len(site.topics),
             len(site.terms), len(site.references))
    assert sizes == (2, 1, 4, 3, 2, 3, 1)


@pytest.mark.parametrize("article_id", ["example-harbour-talks", "example-ferry-agreement"])
def test_paragraphs_are_the_blank_line_separated_blocks_numbered_from_1(site, article_id: str) -> None:
    text = (FIXTURE_DATA / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    expected = [block for block in body.strip().split("\n\n") if not block.startswith("## ")]
    article = site.articles[article_id]
    assert [article.paragraphs[n].text for n in sorted(article.paragraphs)] == expected
    assert sorted(article.paragraphs) == list(range(1, len(expected) + 1))
    for number, block in article.paragraphs.items():
        assert block.anchor == f"p{number}"
        assert line_of(text, block.text) == block.line  # the line the paragraph starts on, for messages


def test_a_body_splits_into_blocks_whatever_its_blank_lines_and_last_line() -> None:
    body = "\n  \nFirst line\n  wrapped line  \n\t\n## Heading\n\n\nLast paragraph, no line end"
    assert parse_body(body, 5) == (Block("paragraph", "First line wrapped line", 7, 1),
                                   Block("heading", "Heading", 10),
                                   Block("paragraph", "Last paragraph, no line end", 13, 2))


def test_a_heading_is_a_block_but_not_a_numbered_paragraph(site) -> None:
    text = (FIXTURE_DATA / FERRY).read_text(encoding="utf-8")
    article = site.articles["example-ferry-agreement"]
    kinds = [(block.kind, block.number) for block in article.blocks]
    assert kinds == [("paragraph", 1), ("paragraph", 2), ("heading", None), ("paragraph", 3), ("paragraph", 4)]
    heading = article.blocks[2]
    assert heading.text == "Why It Matters"  # without the '## '
    assert heading.anchor == ""
    assert heading.line == line_of(text, "## Why It Matters")
    assert all(block.kind == "paragraph" for block in site.articles["example-harbour-talks"].blocks)


def test_events_are_sorted_by_date_not_file_order(site) -> None:
    timeline = site.timelines["example-relations"]
    written = [event["id"] for event in raw(TIMELINE)["events"]]
    loaded = [event.id for event in timeline.events]
    assert sorted(loaded) == sorted(written)
    assert loaded != written, "the fixture should list its events out of order, or this test proves nothing"
    assert loaded == ["example-white-paper-published", "example-harbour-meeting",
                      "example-ferry-agreement-signed", "example-ferry-review"]
    keys = [event.date.sort_key() for event in timeline.events]
    assert keys == sorted(keys)


def test_event_fields_and_defaults(site) -> None:
    _, review = site.events["example-ferry-review"]
    _, meeting = site.events["example-harbour-meeting"]
    assert review.status == "scheduled"
    assert meeting.status == "confirmed"  # the default when none is written
    assert review.date.display() == "c. 2031"
    assert site.events["example-ferry-agreement-signed"][1].date.display() == "26–27 March 2030"
    assert meeting.quotes[0].said_by == "example-minister-kim"


def test_indexes_pages_need(site) -> None:
    by_person = {person: [event.id for _, event in uses] for person, uses in site.events_by_person.items()}
    assert by_person["example-minister-kim"] == ["example-harbour-meeting"]
    assert set(by_person["example-minister-wang"]) == {"example-harbour-meeting", "example-ferry-agreement-signed",
                                                        "example-ferry-review"}
    by_topic = {topic: {event.id for _, event in uses} for topic, uses in site.events_by_topic.items()}
    assert by_topic["example-fisheries"] == {"example-ferry-agreement-signed", "example-white-paper-published"}
    citing = {event.id: numbers for _, event, numbers in site.events_citing_article["example-ferry-agreement"]}
    assert citing == {"example-ferry-agreement-signed": [1, 2], "example-ferry-review": [4]}
    quoted = sorted((use.article_id, use.paragraph, use.event.id if use.event else "") for use in site.quotes)
    assert quoted == [("example-harbour-talks", 2, ""), ("example-harbour-talks", 2, "example-harbour-meeting")]


def test_unquoted_dates_keep_their_precision(data_copy: Path) -> None:
    timeline = data_copy / TIMELINE
    text = timeline.read_text(encoding="utf-8")
    text = text.replace('date: "2030-02"', "date: 2030-02").replace('date: "2030-03-04"', "date: 2030-03-04")
    timeline.write_text(text, encoding="utf-8")
    events = {event.id: event for event in load_site(data_copy).timelines["example-relations"].events}
    assert events["example-white-paper-published"].date.display() == "February 2030"
    assert events["example-harbour-meeting"].date.display() == "4 March 2030"


@pytest.mark.parametrize("written", ["2031", "0x7EF", "2_0_3_1", "33:51", "2031.0", "03757"])
def test_a_date_yaml_reads_as_a_number_is_refused_not_guessed(data_copy: Path, written: str) -> None:
    """Unquoted, each of these is the number 2031 (or 2031.0) to YAML: never the year the editor may
    or may not have meant."""
    timeline = data_copy / TIMELINE
    text = timeline.read_text(encoding="utf-8").replace('date: "2031~"', f"date: {written}")
    timeline.write_text(text, encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.startswith(f"data/{TIMELINE}:{line_of(text, f'date: {written}')}: events[3].date: got the number ")
    assert problem.endswith('write the date as text, in quotes, e.g. "1999"')


def test_crlf_and_bom_files_load_with_the_same_lines(data_copy: Path) -> None:
    for path in [data_copy / TIMELINE, data_copy / FERRY]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    site = load_site(data_copy)
    original = load_site(FIXTURE_DATA)
    assert site.articles["example-ferry-agreement"].blocks == original.articles["example-ferry-agreement"].blocks
    assert site.timelines["example-relations"].events == original.timelines["example-relations"].events



def test_a_rule_inside_a_front_matter_field_stays_in_the_field(data_copy: Path) -> None:
    """A correction note with a `---` rule, indented like its text: the note keeps it, the body is unchanged."""
    article = data_copy / HARBOUR
    article.write_text(article.read_text(encoding="utf-8").replace(
        "paragraphs: >-\n",
        "corrections:\n  - date: \"2030-04-02\"\n    note: |\n"
        "      An earlier version misnamed the harbour.\n      ---\n      It now names Example Harbour.\nparagraphs: >-\n", 1),
        encoding="utf-8")
    loaded = load_site(data_copy).articles["example-harbour-talks"]
    assert loaded.meta.corrections[0].note == "An earlier version misnamed the harbour.\n---\nIt now names Example Harbour.\n"
    original = load_site(FIXTURE_DATA).articles["example-harbour-talks"].blocks
    assert [(b.kind, b.text, b.number) for b in loaded.blocks] == [(b.kind, b.text, b.number) for b in original]

# --- each kind of problem: one small edit, one message at the right place --------------------------------

@dataclass(frozen=True)
class Case:
    id: str
    file: str  # relative to data/
    old: str | None  # text replaced (must occur once); "" appends; None creates the file
    new: str | bytes | None  # None deletes the file
    field: str
    message: str
    at: str | None = None  # text on the expected line of the edited file; None means line 1
    nth: int = 1  # which line containing `at`
    alone: bool = True  # the only problem reported (no cascade)


CASES = [
    Case("unknown-field", TIMELINE, "    headline: Example ministers meet", "    headlin: Example ministers meet",
         "events[1].headlin", "unknown field; did you mean 'headline'?", at="headlin:", alone=False),
    Case("missing-field", "topics.yml",
         "  summary: An invented topic for tests about fishing near the fictional ports.\n", "",
         "[1].summary", "is missing; this field is required", at="- id: example-fisheries"),
    Case("missing-field-in-front-matter", FERRY, "language: en\n", "",
         "language", "is missing; this field is required", at="title:"),
    Case("bad-day-for-month", TIMELINE, 'date: "2030-03-04"', 'date: "2024-02-30"',
         "events[1].date", "'2024-02-30' has day 30; February 2024 has days 01 to 29", at="2024-02-30"),
    Case("bad-date-in-front-matter", HARBOUR, 'published: "2030-03-04"', 'published: "May 2024"',
         "published", "'May 2024' is not a date as the site writes them; did you mean \"2024-05\"?", at="published:"),
    Case("range-ends-before-start", TIMELINE, '"2030-03-26/2030-03-27"', '"2030-03-27/2030-03-26"',
         "events[0].date", "ends before it starts", at="2030-03-27/2030-03-26"),
    Case("unknown-person-in-actors", TIMELINE, "      - example-minister-wang\n", "      - example-minister-wong\n",
         "events[1].actors[1]", "unknown person 'example-minister-wong' (did you mean 'example-minister-wang'?); "
         "expected an id from data/people.yml", at="example-minister-wong"),
    Case("unknown-person-in-quote", HARBOUR, "    said_by: example-minister-kim", "    said_by: kim",
         "quotes[0].said_by", "unknown person 'kim'", at="said_by: kim"),
    Case("unknown-topic", TIMELINE, "topics: [example-fisheries]", "topics: [example-fishing]",
         "events[2].topics[0]", "unknown topic 'example-fishing'", at="example-fishing"),
    Case("unknown-topic-in-article", FERRY, "topics: [example-trade, example-fisheries]",
         "topics: [example-trade, fisheries]", "topics[1]", "unknown topic 'fisheries'", at="topics:"),
    Case("unknown-reference", TIMELINE, "sources: [example-white-paper]", "sources: [example-white-papr]",
         "events[2].sources[0]", "unknown reference 'example-white-papr' (did you mean 'example-white-paper'?)",
         at="example-white-papr"),
    Case("paragraph-does-not-exist", TIMELINE, '"example-ferry-agreement#p4"', '"example-ferry-agreement#p99"',
         "events[3].sources[0]", "'example-ferry-agreement#p99': article 'example-ferry-agreement' has "
         "paragraphs p1 to p4", at="#p99"),
    Case("unknown-article", TIMELINE, 'sources: ["example-harbour-talks#p1"]', 'sources: ["example-harbor-talks#p1"]',
         "events[1].sources[0]", "unknown article 'example-harbor-talks' (did you mean 'example-harbour-talks'?)",
         at="example-harbor-talks"),
    Case("malformed-source", TIMELINE, 'sources: ["example-harbour-talks#p1"]', 'sources: ["example-harbour-talks p1"]',
         "events[1].sources[0]", "is not a source; expected an article paragraph", at="example-harbour-talks p1"),
    Case("quote-not-verbatim", TIMELINE, "until the ferries run on time", "until the ferries run on schedule",
         "events[1].quotes[0].text", "is not word for word in example-harbour-talks#p2", at="run on schedule"),
    Case("quote-in-wrong-paragraph", HARBOUR, 'source: "example-harbour-talks#p2"', 'source: "example-harbour-talks#p1"',
         "quotes[0].text", "is not word for word in example-harbour-talks#p1", at="text: \"We will keep talking\""),
    Case("no-sources", TIMELINE, "    sources: [example-white-paper]", "    sources: []",
         "events[2].sources", "needs at least one source, e.g. an article paragraph like", at="sources: []"),
    Case("unknown-status", TIMELINE, "status: reported", "status: rumoured",
         "events[0].status", "got 'rumoured'", at="status: rumoured"),
    Case("duplicate-person-id", "people.yml", "",
         "- id: example-minister-kim\n  name: Example Minister Kim Again\n  native_name: 예시 김\n"
         "  native_lang: ko\n  country: kr\n",
         "[3].id", "duplicate id 'example-minister-kim'", at="- id: example-minister-kim", nth=2),
    Case("duplicate-event-across-timelines", "timelines/example-second.yml", None,
         "title: Fictional second timeline\nintro: An invented timeline for tests.\nevents:\n"
         "  - id: example-harbour-meeting\n    date: \"2030-03-04\"\n    headline: Repeated\n"
         "    summary: Repeated.\n    sources: [\"example-harbour-talks#p1\"]\n",
         "events[0].id", "duplicate event id 'example-harbour-meeting' (also in data/timelines/example-relations.yml)",
         at="- id: example-harbour-meeting"),
    Case("duplicate-event-in-one-timeline", TIMELINE, "  - id: example-ferry-review\n",
         "  - id: example-harbour-meeting\n", "events[3].id", "duplicate event id 'example-harbour-meeting'",
         at="- id: example-harbour-meeting", nth=2),
    Case("non-slug-id", "glossary.yml", "- id: sample-bay", "- id: Sample_Bay",
         "[2].id", "'Sample_Bay' is not an id; expected lowercase letters", at="Sample_Bay"),
    Case("tab-indentation", TIMELINE, "    headline: The fictional ferry agreement", "\theadline: The fictional ferry agreement",
         "YAML syntax", "a tab character is used for indentation; indent with spaces", at="\theadline"),
    Case("unclosed-quote", "topics.yml", "  title: Example trade", '  title: "Example trade',
         "YAML syntax", "a quoted text starting on this line is never closed", at='"Example trade'),
    Case("unclosed-quote-in-front-matter", FERRY, 'for the test fixture"', "for the test fixture",
         "YAML syntax", "a quoted text starting on this line is never closed", at="date_basis:"),
    Case("duplicate-yaml-key", "topics.yml", "  title: Example trade\n",
         "  title: Example trade\n  title: Example commerce\n",
         "[0].title", "duplicate key (first on line ", at="title: Example commerce"),
    Case("yaml-alias", "people.yml", "  native_lang: ko\n  country: kr", "  native_lang: &lang ko\n  country: *lang",
         "YAML syntax", "alias *lang is not allowed; write the value out in full", at="*lang"),
    Case("python-tag", "references.yml", "  title: Fictional", "  title: !!python/name:os.system Fictional",
         "[0].title", "only plain YAML values are allowed", at="!!python"),
    Case("javascript-url", "references.yml", "url: https://example.org/white-paper", 'url: "javascript:alert(1)"',
         "[0].url", "'javascript:alert(1)' is not an allowed URL", at="javascript:"),
    Case("javascript-url-in-article", FERRY, "url: https://example.org/ferry-agreement", "url: javascript:alert(1)",
         "url", "is not an allowed URL", at="javascript:"),
    Case("not-utf8", "topics.yml", "fishing near", b"fishing n\xe9ar",
         "file", "is not UTF-8 (byte 0xe9); save it as UTF-8", at="fishing n"),
    Case("unexpected-file-in-folder", "timelines/foo.yaml", None, "title: Wrong extension\n",
         "file name", "expected '<id>.yml'"),
    Case("unexpected-file-in-data", "notes.txt", None, "editor notes\n", "file", "is not read by the site"),
    # Nothing cascades: references to a missing file, or to an entry or article with problems of its own,
    # are not reported again as "unknown" (the cases above that change a referenced entry check this too).
    Case("missing-people-file", "people.yml", None, None, "file", "is missing"),
    Case("no-front-matter", HARBOUR, "---\ntitle:", "title:", "front matter", "must start with a line '---'"),
    # Editors' notes on paragraphs (issue 19) and topic statuses.
    Case("note-on-missing-paragraph", HARBOUR, "  - paragraph: 1\n", "  - paragraph: 9\n", "notes[0].paragraph",
         "9: article 'example-harbour-talks' has paragraphs p1 to p4; expected one of those", at="paragraph: 9"),
    Case("note-unknown-reference", HARBOUR, "    sources: [example-white-paper]", "    sources: [example-white-papr]",
         "notes[0].sources[0]", "unknown reference 'example-white-papr' (did you mean 'example-white-paper'?); "
         "expected an id from references.yml", at="example-white-papr"),
    Case("note-without-sources", HARBOUR, "    sources: [example-white-paper]", "    sources: []",
         "notes[0].sources", "needs at least one source, e.g. an article paragraph like", at="sources: []"),
    Case("note-unknown-field", HARBOUR, "  - paragraph: 1\n", "  - paragraf: 1\n", "notes[0].paragraf",
         "unknown field; did you mean 'paragraph'?", at="paragraf:", alone=False),
    Case("status-paragraph-does-not-exist", "topics.yml", "example-ferry-agreement#p4", "example-ferry-agreement#p9",
         "[0].status.sources[0]", "'example-ferry-agreement#p9': article 'example-ferry-agreement' has paragraphs "
         "p1 to p4; expected one of those", at="#p9"),
    Case("status-without-date", "topics.yml", "    date: '2030-04'\n", "", "[0].status.date",
         "is missing; this field is required", at="status:"),
]


def apply(data_dir: Path, case: Case) -> str:
    """Make the case's edit; return the edited file's text (for computing the expected line)."""
    target = data_dir / case.file
    if case.new is None:
        target.unlink()
        return ""
    new = case.new if isinstance(case.new, bytes) else case.new.encode("utf-8")
    if case.old is None:
        content = new
    else:
        original = target.read_bytes()
        old = case.old.encode("utf-8")
        if old:
            assert original.count(old) == 1, f"{case.old!r} must occur once in the fixture's {case.file}"
            content = original.replace(old, new)
        else:
            content = original + new
    target.write_bytes(content)
    return content.decode("utf-8", errors="replace")


def expected_prefix(case: Case, text: str) -> str:
    line = line_of(text, case.at, case.nth) if case.at else 1
    return f"data/{case.file}:{line}: {case.field}: "


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_problem_names_file_line_and_field(data_copy: Path, case: Case) -> None:
    text = apply(data_copy, case)
    problems = problems_of(data_copy)  # a DataError and nothing else: no traceback
    prefix = expected_prefix(case, text)
    matching = [problem for problem in problems if problem.startswith(prefix)]
    assert matching, f"no problem starts with {prefix!r}; got:\n" + "\n".join(problems)
    assert any(case.message in problem for problem in matching), "\n".join(problems)
    if case.alone:
        assert problems == matching[:1], "expected this one problem only; got:\n" + "\n".join(problems)


def test_notes_and_status_load(site) -> None:
    harbour = site.articles["example-harbour-talks"]
    [note] = harbour.meta.notes
    assert (note.paragraph, note.date.text, note.sources) == (1, "2030-04-01", ["example-white-paper"])
    assert harbour.notes_by_paragraph == {1: [note]}
    assert site.articles["example-ferry-agreement"].notes_by_paragraph == {}
    status = site.topics["example-trade"].status
    assert (status.date.text, status.sources) == ("2030-04", ["example-ferry-agreement#p4", "example-white-paper"])
    assert site.topics["example-fisheries"].status is None


def test_a_quote_in_an_article_and_an_event_is_listed_once(data_copy: Path) -> None:
    """The same quote (text, speaker, source) in an article's front matter and in an event is one quote on
    person and topic pages: the event's, listed first; the article page still lists its own."""
    harbour = data_copy / HARBOUR
    harbour.write_text(harbour.read_text(encoding="utf-8").replace(
        '"We will keep talking"', '"We will keep talking until the ferries run on time"'), encoding="utf-8")
    site = load_site(data_copy)
    assert len(site.quotes) == 2  # every use is still there (quotes.json lists each where it appears)
    kim = site.quotes_by_person["example-minister-kim"]
    assert [(use.quote.text, use.event.id if use.event else None) for use in kim] == \
        [("We will keep talking until the ferries run on time", "example-harbour-meeting")]
    trade = site.quotes_by_topic["example-trade"]
    assert [use.event.id if use.event else None for use in trade if use.quote.said_by == "example-minister-kim"] == \
        ["example-harbour-meeting"]
    assert [use.event for use in site.quotes_in_article["example-harbour-talks"]] == [None]


def test_duplicate_key_names_the_line_of_the_first(data_copy: Path) -> None:
    case = next(case for case in CASES if case.id == "duplicate-yaml-key")
    text = apply(data_copy, case)
    first = line_of(text, "title: Example trade")
    assert problems_of(data_copy) == [f"{expected_prefix(case, text)}duplicate key (first on line {first}); keep one"]


def test_every_problem_is_reported_together(data_copy: Path) -> None:
    chosen = ["bad-day-for-month", "javascript-url", "duplicate-yaml-key", "non-slug-id", "duplicate-person-id",
              "paragraph-does-not-exist", "unexpected-file-in-data", "unknown-person-in-quote"]
    cases = [case for case in CASES if case.id in chosen]
    assert len(cases) == len(chosen)
    # The edits of cases in the same file are made one after the other, so each expected line is
    # computed from the file's final text.
    for case in cases:
        apply(data_copy, case)
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    problems = [str(problem) for problem in caught.value.problems]
    texts = {case.file: (data_copy / case.file).read_bytes().decode("utf-8", "replace") for case in cases}
    for case in cases:
        prefix = expected_prefix(case, texts[case.file])
        assert any(p.startswith(prefix) and case.message in p for p in problems), f"{prefix}{case.message}"
    assert len(problems) == len(cases)
    report = str(caught.value)
    assert report.splitlines()[0] == f"data/ has {len(cases)} problems:"
    assert report.splitlines()[1:] == problems


def test_a_broken_event_leaves_its_siblings_checked(data_copy: Path) -> None:
    """Events are kept or reported one by one: the event after a broken one is still checked against
    the rest of the site (here: its unknown person is reported too), and nothing else is reported."""
    path = data_copy / TIMELINE
    text = path.read_text(encoding="utf-8").replace('date: "2030-03-26/2030-03-27"', 'date: "2030-02-30"')
    text = text.replace("      - example-minister-kim\n", "      - example-minister-nobody\n")
    path.write_text(text, encoding="utf-8")
    problems = problems_of(data_copy)
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"data/{TIMELINE}:{line_of(text, '2030-02-30')}: events[0].date: ")
    assert problems[1].startswith(f"data/{TIMELINE}:{line_of(text, 'example-minister-nobody')}: events[1].actors[0]: ")
    assert "example-minister-nobody" in problems[1]


JUNK = [b"", b"\n", b"just some text\n", b"- - -\n", b"[1, 2\n", b"{a: 1}\n", b"- 1\n- 2\n", b"\x00\x01\x02",
        b"\xff\xfe\x00", b"---\n---\n", b"? [a]\n: b\n", b"- id: [x]\n", b"- id: {a: 1}\n  title: [b]\n",
        b"title: t\nintro: i\nevents:\n  - id: [x]\n", b"title: t\nintro: i\nevents: 5\n",
        b"title: t\nintro: i\nevents:\n  - id: a\n    date: \"0000\"\n    headline: h\n    summary: s\n"
        b"    sources: [example-white-paper]\n",
        b"- !!binary aGVsbG8=\n", b"- !!set {a, b}\n", b"- !!timestamp 2024-01-01\n", b"- &a [*a]\n",
        b"[" * 400 + b"]" * 400, b"a:\n" + b"- " * 400 + b"x\n", b"---\ntitle: \x00\n---\n\ntext\n",
        b"---\ntitle: [\n---\n\ntext\n", b"---\n- a\n---\n\ntext\n"]
FILES = [HARBOUR, TIMELINE, "people.yml", "topics.yml", "glossary.yml", "references.yml"]


@pytest.mark.parametrize("file", FILES)
@pytest.mark.parametrize("content", JUNK, ids=range(len(JUNK)))
def test_any_broken_file_gives_a_data_error_not_a_traceback(data_copy: Path, file: str, content: bytes) -> None:
    (data_copy / file).write_bytes(content)
    problems = problems_of(data_copy)
    assert problems
    assert all(re.match(r"data/[^:]+:\d+: [^:]+: \S", problem) for problem in problems), problems


def test_deeply_nested_yaml_is_a_problem_not_a_crash(data_copy: Path) -> None:
    (data_copy / "glossary.yml").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    assert problems_of(data_copy) == ["data/glossary.yml:1: YAML syntax: values are nested too deeply; flatten the structure"]


def test_an_unreadable_folder_is_a_problem_not_a_traceback(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scandir = os.scandir

    def refusing(path):  # as for a folder without read permission (root, who runs the tests, reads all)
        if Path(path).name == "timelines":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert problems_of(data_copy) == ["data/timelines:1: folder: cannot be read (Permission denied)"]


def test_missing_data_folder(tmp_path: Path) -> None:
    problems = problems_of(tmp_path / "data")
    assert problems == ["data:1: folder: does not exist; expected data/"]


# --- python -m hooks.check ------------------------------------------------------------------------------

def run_check(data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "hooks.check", str(data_dir)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=60)


def test_check_passes_on_the_fixture(data_copy: Path) -> None:
    result = run_check(data_copy)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip().startswith(f"{data_copy}: OK: 2 articles, 1 timelines with 4 events, 3 people")
    assert "::error" not in result.stdout


PROBLEM_LINE = re.compile(r"(?P<path>data/[^:]+):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.+)")


def broken_copy(data_copy: Path) -> list[Case]:
    cases = [case for case in CASES if case.id in ("bad-day-for-month", "javascript-url", "non-slug-id")]
    for case in cases:
        apply(data_copy, case)
    return cases


def test_check_fails_with_one_line_per_problem(data_copy: Path) -> None:
    cases = broken_copy(data_copy)
    result = run_check(data_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"data/ has {len(cases)} problems:"
    assert len(lines[1:]) == len(cases)
    assert all(PROBLEM_LINE.fullmatch(line) for line in lines[1:]), lines
    assert {PROBLEM_LINE.fullmatch(line)["path"] for line in lines[1:]} == {f"data/{case.file}" for case in cases}
    assert "::error" not in result.stdout


def test_check_annotates_problems_under_github_actions(data_copy: Path) -> None:
    cases = broken_copy(data_copy)
    result = run_check(data_copy, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    problems = [PROBLEM_LINE.fullmatch(line) for line in result.stderr.strip().splitlines()[1:]]
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == len(problems) == len(cases)
    for problem, annotation in zip(problems, annotations):
        assert annotation.startswith(f"::error file={problem['path']},line={problem['line']},")
        assert annotation.endswith(f"::{problem['field']}: {problem['message']}")


def test_check_on_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    result = run_check(tmp_path / "data")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "does not exist" in result.stderr
