"""Which form of an era's label fits its band, decided at build time for every width of the drawing.

A band's share of the drawing is known here, its width in pixels only in the browser. So each form of the
label (the full one, then an abbreviated one) gets the drawing width from which it fits, rounded up to one
of WIDTHS, as CSS classes that container queries act on (docs/stylesheets/overview.css): on a phone a band
too narrow for "Kim Dae-jung" shows "Kim D.", or nothing, rather than running into its neighbour's
label. The full name stays in the band's <title>. Text widths are estimated from the characters
(the page's font is the reader's system font), erring wide by about a tenth.
"""

from __future__ import annotations

import unicodedata

FONT_PX = 11        # .x-ov__era text in overview.css
INSET_PX = 3        # the label's x inside its band (templates/overview.html)
GAP_PX = 6          # kept free before the next label
# Drawing widths (px) at which a label may appear or give way; the CSS has a rule for each. None is
# narrower than the first (on a 320 px phone the drawing is 288 px wide).
WIDTHS = (250, 300, 350, 400, 450, 500, 600, 700, 800, 1000, 1200)


NARROW = frozenset(" .,'-ijlftr")
WIDE_LATIN = frozenset("MWmw")


def text_px(text: str) -> float:
    """At most about this wide in Arial and its look-alikes (Material's fallback font on Linux), in em:
    a CJK character 1, M and W 0.95, other capitals and m, w 0.84, narrow marks and letters 0.34, the
    rest 0.56."""
    def em(character: str) -> float:
        if unicodedata.east_asian_width(character) in "WF":
            return 1.0
        if character in NARROW:
            return 0.34
        if character in WIDE_LATIN:
            return 0.95 if character.isupper() else 0.84
        return 0.84 if character.isupper() else 0.56
    return FONT_PX * sum(em(character) for character in text)


def abbreviated(label: str) -> str | None:
    """'Kim Dae-jung' -> 'Kim D.': the first word and the next one's initial; None for one word."""
    words = label.split()
    if len(words) < 2:
        return None
    return f"{words[0]} {words[1][0]}."


def needs(text: str, room: float) -> float:
    """The drawing width (px) from which `text` fits in `room` (% of the drawing's width)."""
    return (INSET_PX + text_px(text) + GAP_PX) / (room / 100) if room > 0 else float("inf")


def _from(width: float) -> int | None:
    """The first of WIDTHS at or above `width`; None when not even the widest is enough."""
    return next((step for step in WIDTHS if step >= width), None)


def fitted(label: str, room: float) -> list[dict]:
    """The forms to draw, each with classes saying from (and below) which drawing width it shows."""
    forms = []
    full_from = _from(needs(label, room))
    if full_from is not None:
        forms.append({"text": label, "classes": _classes(full_from, None)})
    short = abbreviated(label)
    short_from = _from(needs(short, room)) if short else None
    if short is not None and short_from is not None and (full_from is None or short_from < full_from):
        forms.append({"text": short, "classes": _classes(short_from, full_from)})
    return forms


def _classes(shown_from: int, shown_below: int | None) -> str:
    classes = [] if shown_from == WIDTHS[0] else [f"x-ov__from-{shown_from}"]
    if shown_below is not None:
        classes.append(f"x-ov__below-{shown_below}")
    return " ".join(classes)
