"""Which script a character is written in, read from its Unicode name: one rule for the verbatim-quote
check (hooks/content/verbatim.py), the search hints (hooks/render/search_hints.py) and the share
cards' typeface (hooks/publish/cards.py)."""

from __future__ import annotations

import unicodedata


def is_hangul(character: str) -> bool:
    return unicodedata.name(character, "").startswith("HANGUL")


def is_han(character: str) -> bool:
    return unicodedata.name(character, "").startswith("CJK UNIFIED")


def is_kana(character: str) -> bool:
    return unicodedata.name(character, "").startswith(("HIRAGANA", "KATAKANA"))
