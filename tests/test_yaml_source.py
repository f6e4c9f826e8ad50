"""The YAML fast path (libyaml, lines found only when a message needs them) reads exactly what the
careful path reads, and hands everything unusual to the careful path and its messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.content import yaml_source
from hooks.content.yaml_source import SourceError, parse_yaml, read_text, split_front_matter

ROOT = Path(__file__).resolve().parents[1]

PLAIN = [
    "a: 1\nb: yes\nc: ~\nd:\ne: 1.5\nf: 2024-05-13\ng: '2017'\nh: =\n",
    "title: T\nevents:\n  - id: x\n    date: \"2024-05\"\n    summary: >-\n      folded\n      text\n    actors: [a, b]\n",
    "- a\n- {b: [1, 2]}\n- |\n  kept\n  lines\n",
    "2017: a year as a key\ntrue: a bool as a key\n",
    "",
]
UNUSUAL = [
    "a: &x 1\nb: *x",            # anchors and aliases
    "a: !!python/object:os.system x",
    "a: !local 1",
    "<<: {b: 1}",                # merge key
    "a: 1\na: 2",                # duplicate key
    "? [a]\n: 1",                # a list as a key
    "a: \"\\ud800\"",            # an escape that makes a lone surrogate
    "a: \x00",                   # a control character
    "a: 'unclosed\nb: 2",        # a syntax error
    "---\na: 1\n---\nb: 2",      # two documents
    "[" * 100 + "]" * 100,       # deep nesting
]


def data_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted([*ROOT.glob("data/**/*.yml"), *ROOT.glob("data/articles/*.md"),
                        *ROOT.glob("tests/fixtures/**/*.yml"), *ROOT.glob("tests/fixtures/**/*.md")]):
        try:
            text = read_text(path)
            if path.suffix == ".md":
                text = split_front_matter(text)[0]
        except SourceError:
            continue
        texts.append((path.relative_to(ROOT).as_posix(), text))
    return texts


@pytest.mark.parametrize("text", PLAIN)
def test_plain_yaml_takes_the_fast_path_and_reads_the_same(text):
    fast = yaml_source._parse_fast(text)
    assert fast is not yaml_source._UNUSUAL
    assert fast == yaml_source._parse_careful(text, 1).data


def test_every_data_file_reads_the_same_either_way():
    texts = data_texts()
    assert len(texts) > 10
    for name, text in texts:
        fast = yaml_source._parse_fast(text)
        try:
            careful = yaml_source._parse_careful(text, 1).data
        except SourceError:
            assert fast is yaml_source._UNUSUAL, f"{name}: the fast path accepted what the careful path refuses"
            continue
        assert fast is yaml_source._UNUSUAL or fast == careful, name


def typed(value):
    """The value with the type of every part, so that 1, 1.0 and True (equal in Python) tell apart."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return type(value).__name__, value if value == value else "nan"


def reads_alike(text: str) -> None:
    fast = yaml_source._parse_fast(text)
    try:
        careful = yaml_source._parse_careful(text, 1).data
    except SourceError:
        assert fast is yaml_source._UNUSUAL
        return
    assert fast is yaml_source._UNUSUAL or typed(fast) == typed(careful)


# Each implicit type of YAML 1.1 as PyYAML reads it, and near misses that stay text.
SPELLINGS = ["yes", "No", "ON", "off", "y", "true", "False", "~", "null", "NULL", "0", "-17", "+3", "017", "0o17",
             "0x1F", "0b101", "1_000", "1:20", "190:20:30", "1.5", "-.5", "1e3", "1.0e+3", ".inf", "-.Inf", ".NaN",
             "=", "2024-05-13", "2024", "1,000", "Yes please", "nullable", "0x", "1.2.3", "+", ".", "<<", "Trade"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_plain_scalar_has_the_type_the_careful_path_gives_it(spelling):
    reads_alike(f"a: {spelling}\nb: [{spelling}]\n{spelling}: key\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789+-._:eEoOxXbBaAfFlLnNsStTrRuUyY~=<", min_size=1, max_size=9))
def test_any_plain_scalar_has_the_type_the_careful_path_gives_it(spelling):
    reads_alike(f"a: {spelling}\n")


@pytest.mark.parametrize("text", UNUSUAL)
def test_anything_unusual_goes_the_careful_way(text):
    assert yaml_source._parse_fast(text) is yaml_source._UNUSUAL


def test_lines_are_found_when_a_message_needs_one():
    located = parse_yaml("title: T\nevents:\n  - id: x\n    headline: H\n", first_line=3)
    assert located.line_of(("events", 0, "headline")) == 6
    assert located.line_of(("events", 0, "missing")) == 5
