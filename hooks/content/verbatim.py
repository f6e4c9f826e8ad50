"""Whether a quote is word for word in a paragraph, as a reader comparing the two would judge it.

Both texts are compared in one Unicode form (NFC): "café" typed as "e" and a combining accent is the
same text as "café" typed with "é", and neither contains "cafe". A quote must also start and end where
the paragraph's words do: "agreed on tariffs" is not in "disagreed on tariffs", nor "said the caf" in
"said the café". Scripts written without spaces between words (Chinese, Japanese kana, Thai, ...) have
no such boundaries: any run of their characters can be quoted. Korean puts spaces between words but
writes particles and endings onto them (조태열은, 'Cho Tae-yul' + topic particle), so a Hangul quote must
start where a word does and may end before its particle.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from hooks.content.scripts import is_hangul

# Unicode character-name prefixes of the scripts that do not separate words with spaces.
_UNSPACED = ("CJK ", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA", "IDEOGRAPHIC", "THAI", "LAO", "KHMER",
             "MYANMAR", "TIBETAN")


@dataclass(frozen=True)
class Finding:
    """Where a quote is in a paragraph (both in NFC): found whole, or only inside longer words."""

    found: bool
    inside_words: str | None = None  # the first place it occurs only as part of longer words, as shown


def find_quote(quote: str, paragraph: str) -> Finding:
    quote, paragraph = unicodedata.normalize("NFC", quote), unicodedata.normalize("NFC", paragraph)
    first_inside = None
    start = paragraph.find(quote)
    while start != -1:
        end = start + len(quote)
        if not _cuts(paragraph, start, at_end=False) and not _cuts(paragraph, end, at_end=True):
            return Finding(True)
        if first_inside is None:
            first_inside = _widened(paragraph, start, end)
        start = paragraph.find(quote, start + 1)
    return Finding(False, first_inside)


def _cuts(text: str, index: int, *, at_end: bool) -> bool:
    """Whether a quote starting (or ending) at `index` would cut a character or a word of `text` in two."""
    if index <= 0 or index >= len(text):
        return False
    before, after = text[index - 1], text[index]
    if unicodedata.category(after).startswith("M"):  # a combining mark belongs to the character before it
        return True
    if not (before.isalnum() and after.isalnum()) or _unspaced(before) or _unspaced(after):
        return False
    return not (at_end and is_hangul(before) and is_hangul(after))  # a particle may follow a Hangul quote


def _unspaced(character: str) -> bool:
    return unicodedata.name(character, "").startswith(_UNSPACED)


def _widened(text: str, start: int, end: int) -> str:
    """The quote's place widened to the whole words it cuts, to show an editor what the paragraph says."""
    while start > 0 and _cuts(text, start, at_end=False):
        start -= 1
    while end < len(text) and _cuts(text, end, at_end=True):
        end += 1
    return text[start:end]
