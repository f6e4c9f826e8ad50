"""Editors' mistakes (tests/fixtures/mistakes/): lay one over a copy of the minimal fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal" / "data"
MISTAKES = ROOT / "tests" / "fixtures" / "mistakes"

# Each mistake, with the `path:line: field` of every problem `make check` must report (no more),
# and a phrase of the message that tells the editor what to do.
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "bad-date": [("data/timelines/example-relations.yml:13: events[1].date", 'did you mean "2030-03-04"?')],
    "impossible-date": [("data/timelines/example-relations.yml:13: events[1].date", "February 2030 has days 01 to 28")],
    "unknown-status": [("data/timelines/example-relations.yml:8: events[0].status",
                        "input should be 'confirmed', 'reported' or 'scheduled'")],
    "unknown-person": [("data/timelines/example-relations.yml:18: events[1].actors[1]",
                        "did you mean 'example-minister-wang'?")],
    "misspelt-field": [("data/timelines/example-relations.yml:12: events[1].summary", "is missing"),
                       ("data/timelines/example-relations.yml:15: events[1].sumary", "did you mean 'summary'?")],
    "duplicate-id": [("data/timelines/example-second.yml:4: events[0].id",
                      "duplicate event id 'example-harbour-meeting' (also in data/timelines/example-relations.yml)")],
    "wrong-paragraph": [("data/timelines/example-relations.yml:20: events[1].sources[0]", "has paragraphs p1 to p4")],
    "quote-not-in-article": [("data/timelines/example-relations.yml:22: events[1].quotes[0].text",
                              "is not word for word in example-harbour-talks#p2")],
    "tab-indentation": [("data/topics.yml:5: YAML syntax", "indent with spaces")],
    "unclosed-quote": [("data/timelines/example-relations.yml:14: YAML syntax", "add the closing quote")],
    "empty-field-after-import": [("data/articles/example-harbour-talks.md:2: title", "is empty")],
    "unknown-lanes": [("data/timelines/example-relations.yml:40: lanes", "input should be 'topic' or 'actor'")],
    "era-ends-before-it-starts": [("data/timelines/example-relations.yml:44: eras[0].end",
                                   "'2029-12' is before the start '2030-02'")],
}


def names() -> list[str]:
    return sorted(path.name for path in MISTAKES.iterdir() if path.is_dir())


def data_with_mistake(name: str, parent: Path) -> Path:
    """parent/data: the minimal fixture with the mistake's files laid over it."""
    data = parent / "data"
    shutil.copytree(MINIMAL, data)
    shutil.copytree(MISTAKES / name, data, dirs_exist_ok=True)
    return data
