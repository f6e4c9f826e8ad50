"""What the search index is told about names beyond the page text (hooks/render/search_hints.py)."""

from __future__ import annotations

import pytest

from hooks.render.search_hints import name_attributes, name_parts


@pytest.mark.parametrize("native,parts", [
    ("조태열", ["태열"]),            # a Korean name: the given name alone finds the person
    ("이재명", ["재명"]),
    ("남궁민수", ["궁민수", "민수"]),  # two-syllable family names too
    ("习近平", ["近平"]),
    ("王毅", []),                   # one-character given name: 王 already finds 王毅 as its beginning
    ("Wang Yi", []),                # Latin names are split into words by the engine itself
    ("", []),
])
def test_name_parts_are_the_endings_of_each_hangul_or_han_word(native, parts):
    assert name_parts(native) == parts


def test_the_parts_are_an_escaped_attribute_and_the_names_weigh_most():
    assert name_attributes("조태열") == ' data-pagefind-weight="10" data-pagefind-index-attrs="data-name-parts" data-name-parts="태열"'
    assert name_attributes("Cho") == ' data-pagefind-weight="10"'
