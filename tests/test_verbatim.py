"""The verbatim-quote rule (hooks/content/verbatim.py): one Unicode form on both sides, and a quote
starts and ends where the paragraph's words do, in the scripts that have word boundaries."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hooks.content.verbatim import Finding, find_quote


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(("quote", "paragraph"), [
    ("agreed on tariffs", "The two sides agreed on tariffs."),
    (nfd("said the café"), "He said the café was closed."),  # decomposed quote, composed paragraph
    ("said the café", nfd("He said the café was closed.")),  # and the other way round
    ("한국", nfd("한국과 중국")),
    ("조태열", "조태열은 말했다"),  # a Hangul quote may end before its particle
    ("中国", "他说中国和韩国的关系"),  # no word boundaries in Chinese
    ("グローバル", "これはグローバルな問題"),
    ("“global issue”", "a “global issue” like"),
    ("2024", "in 2024, they"),
])
def test_a_quote_as_the_paragraph_says_it_is_found(quote, paragraph):
    assert find_quote(quote, paragraph).found


@pytest.mark.parametrize(("quote", "paragraph", "inside_words"), [
    ("agreed on tariffs", "They disagreed on tariffs.", "disagreed on tariffs"),
    ("agreed on tariff", "They agreed on tariffs.", "agreed on tariffs"),
    ("said the caf", "He said the café.", "said the café"),
    ("said the cafe", nfd("He said the café."), None),  # the accent is part of the letter: not there at all
    ("하", nfd("한국"), None),  # 한 decomposed starts with the jamo of 하: still another syllable
    ("관계", "무관계", "무관계"),  # a Hangul quote must start where a word does
    ("19", "in 2019", "2019"),
])
def test_a_quote_that_cuts_a_character_or_a_word_is_not_found(quote, paragraph, inside_words):
    assert find_quote(quote, paragraph) == Finding(False, inside_words)


def test_a_later_whole_word_occurrence_is_found_after_one_inside_a_word():
    assert find_quote("agreed", "They disagreed, then agreed.").found


@given(st.text(), st.text(min_size=1), st.text())
def test_a_quote_between_spaces_is_found_whatever_its_unicode_form(before, quote, after):
    assume(not unicodedata.category(nfd(quote)[0]).startswith("M"))  # a leading accent belongs to the space
    assert find_quote(unicodedata.normalize("NFC", quote), f"{before} {nfd(quote)} {after}").found
    assert find_quote(nfd(quote), f"{before} {unicodedata.normalize('NFC', quote)} {after}").found
