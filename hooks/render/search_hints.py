"""What the search index is told beyond a page's text (hooks/publish/search_index.py reads the pages).

Pagefind matches whole words and their beginnings. A Korean or Chinese name is one word to it, and
its segmenter does not always split one (it finds 태열 in 조태열 but not 재명 in 이재명), so a reader
typing only the given name would find nothing. A person's page therefore lists the name's endings
for the index, in an attribute that readers and screen readers never see.
"""

from __future__ import annotations

from hooks.content.scripts import is_han, is_hangul
from hooks.render.common import NAME_WEIGHT
from hooks.render.html import text

MIN_PART = 2  # a single syllable or character (毅, 열) would match far too much


def _is_cjk(word: str) -> bool:
    return all(is_hangul(char) or is_han(char) for char in word)


def name_parts(native_name: str) -> list[str]:
    """The endings of each Hangul or Han word of a name, of at least two characters: 조태열 -> 태열."""
    parts = []
    for word in native_name.split():
        if _is_cjk(word):
            parts += [word[start:] for start in range(1, len(word) - MIN_PART + 1)]
    return parts


def name_attributes(native_name: str) -> str:
    """Attributes for the element that shows a person's names: weighted highest, with the name's parts."""
    parts = name_parts(native_name)
    indexed = f' data-pagefind-index-attrs="data-name-parts" data-name-parts="{text(" ".join(parts))}"' if parts else ""
    return f' data-pagefind-weight="{NAME_WEIGHT}"{indexed}'
