"""The messages an editor gets for the commonest slips (issue 21): YAML syntax errors with the line
and a caret under the column, indentation in plain words, an event without its "- ", an empty
`sources:` and a date written almost right; and editors' swap and backup files are not data."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.content.dates import parse_date
from hooks.content.load import is_editor_leftover, load_site
from hooks.content.problems import DataError
from hooks.content.yaml_source import SourceError, parse_yaml

TIMELINE = "timelines/example-relations.yml"
PARSER_JARGON = ("<block end>", "<block mapping start>", "found '?'", "while parsing", "while scanning")


def refused(text: str, first_line: int = 1) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text, first_line=first_line)
    return caught.value


def problems_of(data_dir: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return caught.value.problems


# --- YAML syntax: where, with an excerpt and a caret ---------------------------------------------------

SLIPS = [
    # (what the editor did, text, line, column, words the message must use)
    ("a field indented less than its siblings", "events:\n  - id: a\n    date: x\n   headline: y\n", 4, 4,
     "indentation (3 spaces) matches none of the lines above it"),
    ("a field indented like the list's dash", "events:\n  - id: a\n    date: x\n  headline: y\n", 4, 3,
     "indentation (2 spaces) matches none of the lines above it"),
    ("a field indented more than the one above", "events:\n  - id: a\n    date: x\n      headline: y\n", 4, 7,
     "indented more than the field above it"),
    ("a list item indented into the item above", "events:\n  - id: a\n    date: x\n    - id: b\n", 4, 5,
     'this list item ("- ") is indented as if it were inside the entry that starts on line 2'),
    ("a colon inside unquoted text", "title: Talks: part 2\n", 1, 13, "put the whole text in quotes"),
    ("a field without its colon", "title: a\nintro b\nevents: []\n", 2, 1, 'no ": " after its field name'),
    ("a tab for indentation", "a: 1\n\tb: 2\n", 2, 1, "a tab character is used for indentation"),
    ("an unclosed quote", "a: 'unclosed\nb: 2\n", 1, 4, "never closed"),
]


@pytest.mark.parametrize(("slip", "text", "line", "column", "words"), SLIPS, ids=[s[0] for s in SLIPS])
def test_a_syntax_error_names_line_and_column_in_plain_words(slip, text, line, column, words):
    error = refused(text, first_line=5)  # as in front matter: lines count from where the YAML starts
    assert (error.line, error.field) == (line + 4, "YAML syntax")
    assert words in error.message
    assert not any(jargon in error.message for jargon in PARSER_JARGON), error.message
    shown, caret = error.excerpt.split("\n")
    written = text.split("\n")[line - 1].replace("\t", "→")
    assert shown == f"{line + 4} | {written}"
    assert caret == f"{' ' * len(str(line + 4))} | {' ' * (column - 1)}^ column {column}"


def test_the_excerpt_of_a_long_line_is_cut_around_the_column():
    error = refused("a: " + "x" * 300 + ": b\n")
    shown, caret = error.excerpt.split("\n")
    assert len(shown) < 90 and shown.startswith("1 | …")
    assert shown[caret.index("^")] == ":"  # the caret still points at the colon
    assert caret.endswith("^ column 304")


def test_the_report_shows_the_excerpt_under_its_problem(data_copy: Path):
    topics = data_copy / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    topics.write_text(text.replace("  title: Example trade", "\ttitle: Example trade", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    line = text.split("\n").index("  title: Example trade") + 1
    assert caught.value.report().split("\n")[1:] == [
        f"data/topics.yml:{line}: YAML syntax: a tab character is used for indentation; indent with spaces",
        f"    {line} | →title: Example trade",
        f"    {' ' * len(str(line))} | ^ column 1",
    ]
    assert str(caught.value.problems[0]).count("\n") == 0  # one line for annotations and grep


# --- An event without its "- " -------------------------------------------------------------------------

def test_an_event_missing_its_dash_is_not_advised_to_lose_an_id(data_copy: Path):
    path = data_copy / TIMELINE
    text = path.read_text(encoding="utf-8")
    # The second event written straight on from the first, without its "- ".
    path.write_text(text.replace("  - id: example-harbour-meeting", "    id: example-harbour-meeting", 1),
                    encoding="utf-8")
    edited = path.read_text(encoding="utf-8").split("\n")
    first = next(number for number, line in enumerate(edited, start=1) if line.startswith("  - id: "))
    line = edited.index("    id: example-harbour-meeting") + 1
    [problem] = problems_of(data_copy)
    assert (problem.path, problem.line, problem.field) == (f"data/{TIMELINE}", line, "events[0].id")
    assert problem.message == (f'duplicate key (first on line {first}): a new list item probably starts here '
                               f'without its "- " (write "- id: …"); if not, keep one')


def test_a_key_repeated_later_in_an_item_is_still_a_plain_duplicate():
    error = refused("- id: a\n  title: x\n  title: y\n")
    assert error.message == "duplicate key (first on line 2); keep one"


# --- Empty lists and near-miss dates ---------------------------------------------------------------------

def test_an_empty_source_list_says_what_a_source_looks_like(data_copy: Path):
    path = data_copy / TIMELINE
    path.write_text(path.read_text(encoding="utf-8").replace("    sources: [example-white-paper]", "    sources: []"),
                    encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.field.endswith(".sources")
    assert problem.message == ("needs at least one source, e.g. an article paragraph like "
                               "'2024-05-cho-tae-yul-beijing-talks#p7', or a references.yml id")


@pytest.mark.parametrize(("written", "meant"), [
    ("2024-5-3", "2024-05-03"), ("2024-5", "2024-05"), ("2024-05-3~", "2024-05-03~"), ("13 May 2024", "2024-05-13"),
    ("May 13, 2024", "2024-05-13"), ("May 2024", "2024-05"), ("2024-05-26/2024-5-27", "2024-05-27"),
])
def test_a_date_written_almost_right_gets_the_spelling_it_means(written: str, meant: str):
    with pytest.raises(ValueError) as caught:
        parse_date(written)
    assert f'did you mean "{meant}"?' in str(caught.value)
    parse_date(meant)  # the suggestion itself is a valid date


@pytest.mark.parametrize("written", ["2024-2-30", "2024-13-1", "Smarch 2024", "13 May 14, 2024"])
def test_no_suggestion_that_is_not_a_real_date(written: str):
    with pytest.raises(ValueError) as caught:
        parse_date(written)
    assert "did you mean" not in str(caught.value)


# --- Editors' leftovers are not data -----------------------------------------------------------------------

LEFTOVERS = [".example-relations.yml.swp", ".example-relations.yml.swo", ".swp", ".DS_Store", "example-relations.yml~",
             "#example-relations.yml#", "._example-relations.yml", "Thumbs.db"]


@pytest.mark.parametrize("folder", ["articles", "timelines", "."])
def test_editor_leftovers_in_data_are_ignored(data_copy: Path, folder: str):
    for name in LEFTOVERS:
        (data_copy / folder / name).write_bytes(b"\x00 not yaml: [\n")
    (data_copy / folder / ".#example-relations.yml").symlink_to("nowhere@host.12345")  # Emacs' lock: a dangling link
    site = load_site(data_copy)  # no problem reported
    assert set(site.timelines) == {"example-relations"}


@pytest.mark.parametrize("name", ["...md", ".hidden.yml", "notes.txt", "example.yml.bak", "example-relations.yaml"])
def test_other_odd_names_in_a_folder_are_still_reported(data_copy: Path, name: str):
    (data_copy / "timelines" / name).write_text("title: x\n", encoding="utf-8")
    assert not is_editor_leftover(name)
    assert [problem.field for problem in problems_of(data_copy)] == ["file name"]
