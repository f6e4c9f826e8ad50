"""Reading YAML (hooks/content/yaml_source.py): values typed as PyYAML's SafeLoader types them (dates
kept as text), the line and column of every value, and every hostile or broken spelling refused with
a message that names its line and field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.content import yaml_source
from hooks.content.yaml_source import Located, SourceError, parse_yaml, read_text, split_front_matter

ROOT = Path(__file__).resolve().parents[1]


class TextLoader(yaml.SafeLoader):
    """PyYAML's own SafeLoader with the implicit types the site reads (dates and "=" stay text)."""

    yaml_implicit_resolvers = yaml_source._TextResolver.yaml_implicit_resolvers


def typed(value):
    """The value with the type of every part, so that 1, 1.0 and True (equal in Python) tell apart."""
    if isinstance(value, dict):
        return {str(key): typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return type(value).__name__, value if value == value else "nan"


def problem(text: str, first_line: int = 1) -> tuple[int, str, str]:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text, first_line=first_line)
    return caught.value.line, caught.value.field, caught.value.message


# --- Hostile and broken spellings -----------------------------------------------------------------
# Lines as in a document starting on line 1; {line_1} in a message is that line.

NOT_PLAIN = "is not allowed; only plain YAML values are allowed (text, numbers, lists, fields)"
HOSTILE = [
    # (text, line, field, message)
    ("a: &x 1\nb: *x\n", 2, "YAML syntax", "alias *x is not allowed; write the value out in full"),
    ("- &a [*a]\n", 1, "YAML syntax", "alias *a is not allowed; write the value out in full"),
    ("a: x\nb:\n  - !!set {a, b}\n", 3, "b[0]", f"the tag !!set {NOT_PLAIN}"),
    ("a: !!binary aGVsbG8=\n", 1, "a", f"the tag !!binary {NOT_PLAIN}"),
    ("a: !!timestamp 2024-01-01\n", 1, "a", f"the tag !!timestamp {NOT_PLAIN}"),
    ("a: !!python/object/apply:os.system [ls]\n", 1, "a", f"the tag !!python/object/apply:os.system {NOT_PLAIN}"),
    ("a:\n  b: !x 1\n", 2, "a.b", f"the tag !x {NOT_PLAIN}"),
    ("? !!binary aGVsbG8=\n: 1\n", 1, "(top level)", f"the tag !!binary {NOT_PLAIN}"),
    ("- a: 1\n  <<: {b: 2}\n", 2, "[0]", f"a << merge key {NOT_PLAIN}"),
    ("a: !!int abc\n", 1, "a", "'abc' cannot be read as int; put it in quotes to keep it as text"),
    ("a: !!bool maybe\n", 1, "a", "'maybe' cannot be read as bool; put it in quotes to keep it as text"),
    ("a: !!map x\n", 1, "a", "'x' cannot be read as map; put it in quotes to keep it as text"),
    ("a: !!int\n", 1, "a", "'' cannot be read as int; put it in quotes to keep it as text"),
    ("a: " + "9" * 5000 + "\n", 1, "a", f"{'9' * 40!r} cannot be read as int; put it in quotes to keep it as text"),
    ('a:\n  b: "\\ud800"\n', 2, "a.b", "contains a lone surrogate escape (\\uD800-\\uDFFF); remove it"),
    ('- x\n- "\\ud83d\\ude00"\n', 2, "[1]", "contains a lone surrogate escape (\\uD800-\\uDFFF); remove it"),
    ('"\\udfff": 1\n', 1, "(top level)", "contains a lone surrogate escape (\\uD800-\\uDFFF); remove it"),
    ("a: 1\nb: x\x1b[31m\n", 2, "file", "contains the control character U+001B; remove it"),
    ("a: \x00\n", 1, "file", "contains the control character U+0000; remove it"),
    ("[" * 101 + "]" * 101, 1, "YAML syntax", "values are nested too deeply; flatten the structure"),
    ("a: 1\nb: 2\na: 3\n", 3, "a", "duplicate key (first on line {line_1}); keep one"),
    ("- title: x\n  title: y\n", 2, "[0].title", "duplicate key (first on line {line_1}): a new list item probably "
     "starts here without its \"- \" (write \"- title: …\"); if not, keep one"),
    ("1: x\n'1': y\n", 2, "1", "duplicate key (first on line {line_1}); keep one"),  # a non-text key is its text
    ("? [a]\n: 1\n", 1, "(top level)", "a key must be a plain name"),
    ("a:\n  {b: 1}: 2\n", 2, "a", "a key must be a plain name"),
    ('"a\\nb": 1\n', 1, "(top level)",
     "the key 'a\\nb' contains a line break or invisible character; keys are plain names"),
    ('"a\\u200bb": 1\n', 1, "(top level)",
     "the key 'a\\u200bb' contains a line break or invisible character; keys are plain names"),
    ("a: 'unclosed\nb: 2\n", 1, "YAML syntax", "a quoted text starting on this line is never closed; add the closing quote"),
    ("a: 1\n\tb: 2\n", 2, "YAML syntax", "a tab character is used for indentation; indent with spaces"),
    ("---\na: 1\n---\nb: 2\n", 3, "YAML syntax",
     "a data file holds one YAML document; remove the '---' on this line or split the file"),
    ("---\n---\n", 2, "YAML syntax", "a data file holds one YAML document; remove the '---' on this line or split the file"),
    # Like PyYAML, which read the whole document before building it: what stops the reading further on
    # (a syntax error, an alias, a second document) is reported before a problem with a value.
    ('a: "x\nb: "\na: 1\nc: d e: f\n', 4, "YAML syntax",
     "a colon followed by a space inside a text that is not in quotes; put the whole text in quotes (\"…\")"),
    ("a: !!int x\nb: *y\n", 2, "YAML syntax", "alias *y is not allowed; write the value out in full"),
    ("a: !!int x\n---\nb: 1\n", 2, "YAML syntax",
     "a data file holds one YAML document; remove the '---' on this line or split the file"),
    ('a: 1\nb: "\\U00110000"\n', 2, "YAML syntax",  # past the last character: PyYAML's own parser fails on it
     "found invalid Unicode character escape code (while parsing a quoted scalar); check indentation, colons and quotes"),
    ('a: "\\Uffffffff"\n', 1, "YAML syntax",
     "found invalid Unicode character escape code (while parsing a quoted scalar); check indentation, colons and quotes"),
    ('a: "\\ud800"\nb: [\n', 3, "YAML syntax",
     "expected the node content, but found '<stream end>' (while parsing a flow node); check indentation, colons and quotes"),
    # Line breaks to YAML that editors and `git diff` show inside a line: a "comment" that sets a field.
    ("a: 1\n# note\u2028status: scheduled\nb: 2\n", 2, "file", "contains U+2028 (LINE SEPARATOR), which YAML "
     "reads as a line break but editors and git do not show; remove it"),
    ("a: 1\nb: 2 # x\u2029c: 3\n", 2, "file", "contains U+2029 (PARAGRAPH SEPARATOR), which YAML reads as a line "
     "break but editors and git do not show; remove it"),
    ("a: 1\nb: 2\n# \x85c: 3\n", 3, "file", "contains U+0085 (NEXT LINE), which YAML reads as a line break but "
     "editors and git do not show; remove it"),
    ('a: "x\u2028y"\n', 1, "file", "contains U+2028 (LINE SEPARATOR), which YAML reads as a line break but editors "
     "and git do not show; remove it"),
]


@pytest.mark.parametrize("first_line", [1, 5])
@pytest.mark.parametrize(("text", "line", "field", "message"), HOSTILE, ids=range(len(HOSTILE)))
def test_each_hostile_or_broken_spelling_has_its_message_line_and_field(text, line, field, message, first_line):
    assert problem(text, first_line) == (line + first_line - 1, field, message.format(line_1=first_line))


def test_anchors_alone_are_harmless():
    assert parse_yaml("a: &x 1\nb: &x [2]\nc: &y {d: 3}\n").data == {"a": 1, "b": [2], "c": {"d": 3}}


def test_nesting_is_capped_at_a_hundred_levels():
    data, depth = parse_yaml("[" * 100 + "]" * 100).data, 0
    while isinstance(data, list):
        data, depth = data[0] if data else None, depth + 1
    assert depth == 100
    assert problem("a:\n  " + "[" * 100 + "]" * 100) == (1, "YAML syntax", "values are nested too deeply; flatten the structure")


def test_a_hundred_thousand_open_brackets_are_a_problem_not_a_crash():
    # libyaml's own composer (yaml.load with CSafeLoader) recurses in C and crashes the process here.
    started = time.perf_counter()
    assert problem("[" * 100_000, first_line=7) == (7, "YAML syntax", "values are nested too deeply; flatten the structure")
    assert problem("- " * 100_000 + "x\n") == (1, "YAML syntax", "values are nested too deeply; flatten the structure")
    assert time.perf_counter() - started < 5


# --- Where values are -----------------------------------------------------------------------------

POSITIONED = """\
title: T
events:
  - id: x
    headline: "H"
    actors: [a, b]
  -
    id: y
    sources:
      - p1
"""


@pytest.mark.parametrize("first_line", [1, 4])
def test_keys_list_items_and_nested_values_have_their_line_and_column(first_line):
    located = parse_yaml(POSITIONED, first_line=first_line)
    shift = first_line - 1
    expected = {
        (): (1, 1), ("title",): (1, 1), ("events",): (2, 1),
        ("events", 0): (3, 5), ("events", 0, "id"): (3, 5), ("events", 0, "headline"): (4, 5),
        ("events", 0, "actors"): (5, 5), ("events", 0, "actors", 0): (5, 14), ("events", 0, "actors", 1): (5, 17),
        ("events", 1): (7, 5), ("events", 1, "id"): (7, 5), ("events", 1, "sources"): (8, 5),
        ("events", 1, "sources", 0): (9, 9),
    }
    assert located.positions == {location: (line + shift, column) for location, (line, column) in expected.items()}
    for location, (line, column) in expected.items():
        assert (located.line_of(location), located.column_of(location)) == (line + shift, column)
    # A location without a value of its own: its nearest ancestor's.
    assert located.line_of(("events", 0, "missing", 3)) == 3 + shift
    assert located.column_of(["events", 1, "date"]) == 5
    assert located.line_of(("nothing",)) == 1 + shift


def test_a_mapping_entry_is_where_its_key_is_and_the_top_level_where_its_value_starts():
    located = parse_yaml("# a comment\n\nkey:\n\n  value\n")
    assert located.positions == {(): (3, 1), ("key",): (3, 1)}
    assert parse_yaml("# c\n- a\n").positions == {(): (2, 1), (0,): (2, 3)}


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n"])
def test_an_empty_document_is_none_at_its_first_line(text):
    assert parse_yaml(text, first_line=3) == Located(None, {(): (3, 1)})
    assert Located(None, {}).line_of(("a",)) == 1


# --- Types ----------------------------------------------------------------------------------------

# Each implicit type of YAML 1.1 as PyYAML reads it, and near misses that stay text.
SPELLINGS = ["yes", "No", "ON", "off", "y", "true", "False", "~", "null", "NULL", "", "0", "-17", "+3", "017", "0o17",
             "0x1F", "0b101", "1_000", "1:20", "190:20:30", "1.5", "-.5", "1e3", "1.0e+3", ".inf", "-.Inf", ".NaN",
             "=", "2024-05-13", "2024-05", "2024", "2001-12-14t21:59:43.10-05:00", "1,000", "Yes please", "nullable",
             "0x", "1.2.3", "+", ".", "Trade", "'1'", '"true"', "! 5", "!!str 5", "!!float 1", "!!null x",
             "!!int 0x1F", "!!bool yes"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_scalar_has_the_type_pyyaml_safeloader_gives_it(spelling):
    text = f"a: {spelling}\nb: [{spelling}]\n"
    assert typed(parse_yaml(text).data) == typed(yaml.load(text, Loader=TextLoader))


def test_some_types_by_name():
    data = parse_yaml("- 017\n- 0o17\n- .inf\n- ~\n- 2024-05-13\n- =\n- No\n- 1_000\n- '1'\n").data
    # YAML 1.1, as PyYAML reads it: 017 is octal, 0o17 (YAML 1.2's spelling) is text.
    assert typed(data) == typed([15, "0o17", float("inf"), None, "2024-05-13", "=", False, 1000, "1"])
    assert parse_yaml("2017: a\ntrue: b\n~: c\n1.5: d\n").data == {"2017": "a", "True": "b", "None": "c", "1.5": "d"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789+-._:eEoOxXbBaAfFlLnNsStTrRuUyY~=<", min_size=1, max_size=9))
def test_any_plain_scalar_has_the_type_pyyaml_safeloader_gives_it(spelling):
    text = f"a: {spelling}\nb: [{spelling}]\n{spelling}: key\n"
    try:
        expected = yaml.load(text, Loader=TextLoader)
    except (yaml.YAMLError, ValueError):
        with pytest.raises(SourceError):
            parse_yaml(text)
        return
    if len(expected) < 3:  # the spelling is "a" or "b": a duplicate key, which PyYAML lets win
        with pytest.raises(SourceError, match="duplicate key"):
            parse_yaml(text)
        return
    assert typed(parse_yaml(text).data) == typed(expected)


# --- The real data --------------------------------------------------------------------------------

def real_documents() -> list[tuple[str, str, int]]:
    """(name, YAML text, first line) of every .yml in data/ and every article's front matter."""
    documents = []
    for path in sorted(ROOT.glob("data/**/*.yml")):
        documents.append((path.relative_to(ROOT).as_posix(), read_text(path), 1))
    for path in sorted(ROOT.glob("data/articles/*.md")):
        documents.append((path.relative_to(ROOT).as_posix(), split_front_matter(read_text(path))[0], 2))
    return documents


def test_the_real_data_is_read_on_the_one_path(monkeypatch):
    """Nothing in data/ needs PyYAML's pure-Python parser, which only words syntax errors."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(yaml_source, "_explain_syntax_error", refuse)
    monkeypatch.setattr(yaml.parser.Parser, "__init__", refuse)
    documents = real_documents()
    assert len(documents) >= 8
    for name, text, first_line in documents:
        located = parse_yaml(text, first_line=first_line)
        assert located.data, name
        assert located.line_of(()) >= first_line


def test_the_real_data_reads_as_pyyaml_safeloader_reads_it():
    for name, text, _ in real_documents():
        assert typed(parse_yaml(text).data) == typed(yaml.load(text, Loader=TextLoader)), name


# --- Reading files --------------------------------------------------------------------------------

def test_read_text_takes_utf8_with_a_bom_and_crlf(tmp_path):
    path = tmp_path / "a.yml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    assert read_text(path) == "a: 1\nb: 2\n"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(SourceError, match=r"is not UTF-8 \(byte 0xe9\)") as caught:
        read_text(path)
    assert caught.value.line == 2


def test_front_matter_is_split_from_the_body():
    assert split_front_matter("---\ntitle: T\n---\n\nBody\n") == ("title: T", "\nBody\n", 4)
    with pytest.raises(SourceError, match="must start with a line '---'"):
        split_front_matter("title: T\n")


def test_read_text_reads_no_more_than_the_size_limit(tmp_path):
    """A 256 MiB file (sparse: no disk used) is refused after reading the limit and one byte."""
    import tracemalloc

    path = tmp_path / "huge.yml"
    with path.open("wb") as file:
        file.truncate(256 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(SourceError) as caught:
            read_text(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (caught.value.line, caught.value.field) == (1, "file")
    assert caught.value.message == "is 268,435,456 bytes; the limit is 2,097,152"
    assert peak < 3 * yaml_source.MAX_FILE_BYTES


@pytest.mark.parametrize(("text", "line", "marker"), [
    ("a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> their-branch\n", 2, "<<<<<<<"),
    ("a: 1\nb: 3\n>>>>>>> their-branch\n", 3, ">>>>>>>"),  # half resolved
    ("First paragraph.\n\n=======\n\nSecond.\n", 3, "======="),
    ("x\n||||||| merged common ancestors\n", 2, "|||||||"),
])
def test_merge_conflict_markers_are_named_at_their_line(text, line, marker):
    with pytest.raises(SourceError) as caught:
        yaml_source.refuse_conflict_markers(text)
    assert (caught.value.line, caught.value.field) == (line, "file")
    assert caught.value.message.startswith(f"has an unresolved merge conflict (the line {marker!r}); keep the right")


@pytest.mark.parametrize("text", ["Setext\n==============\n", "a <<<<<<< b\n", "<<<<<<<< eight\n", "= = =\n",
                                  "  =======\n", ">>>>>>>x\n"])
def test_text_that_only_resembles_a_conflict_marker_passes(text):
    yaml_source.refuse_conflict_markers(text)


def test_a_rule_inside_a_front_matter_field_stays_in_the_field():
    text = "---\ntitle: T\nnote: |\n  Before\n  ---\n  After\nlanguage: en\n---\n\nBody\n"
    front, body, first_line = split_front_matter(text)
    assert parse_yaml(front, first_line=2).data == {"title": "T", "note": "Before\n---\nAfter\n", "language": "en"}
    assert (body, first_line) == ("\nBody\n", 9)


def test_a_rule_at_the_start_of_a_line_inside_a_field_is_refused_not_half_read():
    text = "---\ntitle: T\nnote: |\n  Before\n---\n  After\nlanguage: en\n---\n\nBody\n"
    with pytest.raises(SourceError) as caught:
        split_front_matter(text)
    assert (caught.value.line, caught.value.field) == (6, "front matter")
    assert caught.value.message.startswith("the front matter ended at the '---' on line 5, but this line is indented")
