"""Hints in problem messages: the id an editor probably meant, and what a paragraph really says.

Both stay linear in the size of the data however many mistakes there are: a hint is worth a little
time per problem, never a pass over every id or a comparison of every pair of characters.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

LENGTHS = 2        # a close id is at most this many characters longer or shorter
READ_AT_MOST = 1000   # ids read per question (twice at most), from those sharing its rarest trigrams up
CANDIDATES = 20       # ids sharing the most of those pairs, compared in full by difflib


def trigrams(value: str) -> set[str]:
    padded = f" {value} "  # the ends count: 'xyz-2' and 'xyz-20' differ there
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class Suggestions:
    """The closest id to a misspelled one, as difflib judges it, among a bounded few candidates.

    The ids are indexed once by trigram, and by trigram and length. A question reads the ids sharing its
    rarest trigrams, at most READ_AT_MOST of them, and compares the CANDIDATES sharing most in full; only
    if none is close enough, the same by trigram at nearly its length ('cho-tae-yool' finds 'cho-tae-yul'
    among thousands of 'cho-tae-yul-N' because it is the only one of its length). Difflib over every id
    for every unknown id was quadratic: 27 s for 1,000 misspelled references, over 10 minutes at 5,000.
    """

    def __init__(self, ids: Iterable[str]):
        self.ids = list(ids)
        self.having: dict[str | tuple[str, int], list[int]] = {}
        for index, value in enumerate(self.ids):
            for gram in trigrams(value):
                self.having.setdefault(gram, []).append(index)
                self.having.setdefault((gram, len(value)), []).append(index)
        self.answers: dict[str, str | None] = {}  # the same misspelling is often repeated

    def closest(self, value: str) -> str | None:
        if value not in self.answers:
            grams = trigrams(value)
            lengths = range(len(value) - LENGTHS, len(value) + LENGTHS + 1)
            self.answers[value] = (self._closest(value, grams)
                                   or self._closest(value, [(gram, n) for gram in grams for n in lengths]))
        return self.answers[value]

    def _closest(self, value: str, keys: Iterable) -> str | None:
        shared: Counter[int] = Counter()
        budget = READ_AT_MOST
        for having in sorted((having for key in keys if (having := self.having.get(key))), key=len):
            if len(having) > budget:
                break  # and so are the rest, rarest first: common trigrams tell little anyway
            shared.update(having)
            budget -= len(having)
        candidates = [self.ids[index] for index, _ in shared.most_common(CANDIDATES)]
        guess = difflib.get_close_matches(value, candidates, n=1)  # its cutoff decides what is close enough
        return guess[0] if guess else None


ANCHORS = 16  # places in a wrong quote from which its longest passage found in the paragraph is sought
SHOWN_IF_SHARED = 8  # characters a quote must share with its paragraph for the hint to show a passage


def near(text: str, paragraph: str) -> str:
    """The passage of the paragraph closest to a quote that is not in it, to show an editor what the
    paragraph really says: where the longest piece of the quote found in it sits.

    From each of ANCHORS places spread over the quote, the longest piece that the paragraph contains is
    found by halving (each test one linear `in`): O(ANCHORS x log(quote) x paragraph), where difflib's
    matcher took 12.8 s on an 80,000-character paragraph. A piece of at least len(quote)/ANCHORS
    characters in common always contains an anchor, so it is found whole or nearly."""
    step = max(1, len(text) // ANCHORS)
    best_size, best_at, best_from = 0, 0, 0
    for start in range(0, len(text), step):
        low, high = 0, len(text) - start  # low: a length known to be found
        while low < high:
            middle = (low + high + 1) // 2
            if text[start:start + middle] in paragraph:
                low = middle
            else:
                high = middle - 1
        if low > best_size:
            best_size, best_at, best_from = low, paragraph.find(text[start:start + low]), start
    if best_size < SHOWN_IF_SHARED:
        return ""
    begin = max(0, best_at - best_from)
    return f"; the paragraph says: {paragraph[begin:begin + len(text) + 10]!r}"
