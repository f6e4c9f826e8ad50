"""Paragraph fingerprints: what keeps positional citations (`article-id#p7`) honest.

Citations and notes name an article's paragraphs by number, so one stray blank line in a body would
renumber the paragraphs after it and every citation of them would silently point at other text. Each
article records, in its front matter, a short fingerprint of each of its paragraphs in order
(`paragraphs:`, written by the import and by `python -m hooks.paragraphs`); `make check` compares
them with the body and names the first paragraph that is not the one recorded under its number.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

FIELD = "paragraphs"
PER_LINE = 12  # fingerprints on each line of the field, to keep the front matter readable


def fingerprint(text: str) -> str:
    """Six hex digits from a paragraph's words (in NFC, spaces collapsed): the same text, however it is
    wrapped, gives the same fingerprint; a changed word almost surely another."""
    words = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.blake2b(words.encode("utf-8"), digest_size=3).hexdigest()


def fingerprints(paragraphs: Sequence[str]) -> list[str]:
    return [fingerprint(text) for text in paragraphs]


def field_yaml(paragraphs: Sequence[str]) -> str:
    """The front-matter field recording these paragraphs, as YAML lines ending in a newline."""
    prints = fingerprints(paragraphs)
    lines = [" ".join(prints[start:start + PER_LINE]) for start in range(0, len(prints), PER_LINE)]
    return f"{FIELD}: >-\n" + "".join(f"  {line}\n" for line in lines)


def first_difference(recorded: Sequence[str], paragraphs: Sequence[str]) -> tuple[int, str] | None:
    """(index, what happened) for the first paragraph that is not the one recorded under its number;
    None when all are."""
    actual = fingerprints(paragraphs)
    if list(recorded) == actual:
        return None
    index = next((i for i, (was, now) in enumerate(zip(recorded, actual)) if was != now), min(len(recorded), len(actual)))
    if index >= len(recorded):
        return index, "it is new: no paragraph was recorded after the last one (text added at the end?)"
    if index >= len(actual):
        return index, "it is gone: the body ends before it (text removed at the end?)"
    # Tried in this order, as a paragraph added or removed just before the end also looks like a split or a join.
    if actual[index + 1:] == list(recorded[index:]):
        return index, "it is new (text added?), so the paragraphs after it moved"
    if actual[index:] == list(recorded[index + 1:]):
        return index, "the one recorded there is gone (text removed?), so the paragraphs after it moved"
    if actual[index + 2:] == list(recorded[index + 1:]):
        return index, "it was split in two (a blank line added inside it?), so the paragraphs after it moved"
    if actual[index + 1:] == list(recorded[index + 2:]):
        return index, "it was joined with the next (a blank line removed?), so the paragraphs after it moved"
    return index, "its text is not what was recorded"
