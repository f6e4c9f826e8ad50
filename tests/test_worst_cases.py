"""Inputs that used to be quadratic to check or render (bench/worst_cases.py), at sizes where quadratic
code would take many minutes: each finishes, and gives the same answer as before. No timings here;
`make bench` reports them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.worst_cases import glossary_terms, glossary_text, long_paragraph, misspelled_references, reference_id
from hooks.content.hints import Suggestions, near
from hooks.content.load import load_site
from hooks.content.problems import DataError
from hooks.render.html import Glossary, text


def test_five_thousand_misspelled_references_each_get_their_hint(tmp_path: Path):
    # difflib over every id for every unknown id: over 10 minutes at this size.
    n = 5000
    with pytest.raises(DataError) as caught:
        load_site(misspelled_references(tmp_path / "data", n))
    hints = [problem.message for problem in caught.value.problems if "unknown reference" in problem.message]
    assert len(hints) == n
    for i in (0, 7, 123, 4999):
        misspelled = reference_id(i).replace("statement", "statment")
        assert f"unknown reference {misspelled!r} (did you mean {reference_id(i)!r}?); expected an id from references.yml" in hints


def test_a_hint_is_the_closest_id_among_many_alike():
    ids = [f"cho-tae-yul-{i}" for i in range(3000)] + ["cho-tae-yul", "yoon-suk-yeol", "wang-yi"]
    suggestions = Suggestions(ids)
    assert suggestions.closest("cho-tae-yool") == "cho-tae-yul"
    assert suggestions.closest("yoon-suk-yol") == "yoon-suk-yeol"
    assert suggestions.closest("cho-tae-yul-2999x") == "cho-tae-yul-2999"
    assert suggestions.closest("entirely-different") is None


def test_a_wrong_quote_in_a_long_paragraph_is_shown_what_the_paragraph_says():
    # difflib's matcher over a 400,000-character paragraph and a 40,000-character quote: many minutes.
    paragraph, quote = long_paragraph(400_000)
    hint = near(quote, paragraph)
    shown = re.fullmatch(r"; the paragraph says: '(.*)'", hint, re.DOTALL)[1]
    assert paragraph.find(shown) == paragraph.find(quote.replace('"', "\u201c", 1)[:40]) or \
        shown.replace("\u201c", '"').replace("\u201d", '"').startswith(quote[:200])


def test_the_wrong_quote_hint_points_at_the_passage_the_quote_misquotes():
    paragraph = "Before anything else. The minister said \u201cwe will keep talking\u201d on Monday. After."
    assert near('The minister said "we will keep talking" on Monday.', paragraph) == \
        "; the paragraph says: 'The minister said \u201cwe will keep talking\u201d on Monday. After.'"
    assert near("nothing of the kind", paragraph) == ""


def test_five_thousand_terms_over_two_mebibytes_with_a_term_inside_words():
    # The whole-word regex of 5,000 forms at every position of 2 MiB: its cost is terms x words.
    terms, sentence = glossary_terms(5000), glossary_text(2 * 2**20)
    marked = Glossary(terms).mark(sentence)
    repeats = sentence.count("UNDER")
    assert marked.count('<abbr title="United Nations: The UN.">UN</abbr>') == repeats  # not inside UNDER
    assert marked.count("<abbr") == 3 * repeats  # UN, TERMBC and TERMB, once each per sentence
    assert re.sub(r"<abbr[^>]*>|</abbr>", "", marked) == str(text(sentence))
