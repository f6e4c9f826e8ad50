"""Share cards: a 1200 x 630 PNG per page, drawn at build time from the page's title and kind (Pillow).

Hangul and Chinese need a CJK font: Noto Sans CJK, from Debian's fonts-noto-cjk (the Makefile installs
it). Pillow finds it among the system's fonts by file name; nothing is downloaded. A card is named by a
hash of what it is drawn from, so an unchanged page keeps its file name (and social sites their cached
copy) and the build copies the last build's file instead of drawing it again.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hooks.content.scripts import is_hangul, is_kana

SIZE = (1200, 630)
FOLDER = "cards"  # in the built site
FONT_FILE = "NotoSansCJK-Bold.ttc"
FONT_PACKAGE = "fonts-noto-cjk"
# Faces in the collection: Korean, Simplified Chinese and Japanese glyph shapes differ.
FACE_KO, FACE_ZH, FACE_JA = 1, 2, 0
DRAWING_VERSION = "1"  # change it when the drawing changes, so every card is drawn anew

BACKGROUND = (48, 63, 159)  # Material's indigo 700: white text on it is 8.6:1
# Drawn in one channel, as how far each pixel is from the background to white, and saved with a palette
# mapping those 256 levels to colours: a third of the bytes to compress, and a card in 16 ms, not 54.
PALETTE = [round(b + (255 - b) * level / 255) for level in range(256) for b in BACKGROUND]
# zlib's effort: deflate was two thirds of a card at its default (6). At 1 a card takes 4.0 ms of CPU, not
# 6.7 (drawing 200 cards), for 27 KB instead of 21: social sites fetch a card once.
PNG_EFFORT = 1
WHITE = 255
MUTED = 186  # about Material's indigo 100 (197, 202, 233)
MARGIN = 80


class FontMissing(RuntimeError):
    """The CJK font is not installed: the build stops with this message rather than draw boxes."""


@dataclass(frozen=True)
class Card:
    title: str
    kind: str        # 'Timeline', 'Person', …: what the page is, above the title
    site_name: str

    @property
    def file_name(self) -> str:
        """A name from a hash of everything drawn, so a changed title is a new file."""
        key = "\x00".join((DRAWING_VERSION, self.title, self.kind, self.site_name)).encode("utf-8")
        return f"{hashlib.sha256(key).hexdigest()[:20]}.png"

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.file_name}"


# What a card says a page is, from the kind its front matter gives (hooks/render/common.py's page());
# lists, hand-written and other pages are the explainer's own.
LABELS = {"Timeline": "Timeline", "Article": "Source article", "Person": "Person", "Topic": "Topic"}


def label(page_meta: dict) -> str:
    """'Person' for a page whose front matter says `search: {kind: Person}`, else 'Explainer'."""
    search = page_meta.get("search")
    return LABELS.get(search.get("kind"), "Explainer") if isinstance(search, dict) else "Explainer"


@cache
def font(size: int, face: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT_FILE, size, index=face)
    except OSError:
        raise FontMissing(f"share cards need the font {FONT_FILE} (Debian package {FONT_PACKAGE}) to draw Hangul "
                          f"and Chinese; install it with `sudo apt-get install {FONT_PACKAGE}` (make build does "
                          "it when missing)") from None


def face_for(text: str) -> int:
    if any(is_hangul(character) for character in text):
        return FACE_KO
    if any(is_kana(character) for character in text):
        return FACE_JA
    return FACE_ZH  # Latin looks the same in every face; Han characters as in Chinese


def wrap(text: str, typeface: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines no wider than `width`: broken at spaces, or anywhere in a word too long for a line."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if typeface.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for character in word:  # a word wider than the card (or CJK text without spaces)
            if line and typeface.getlength(line + character) > width:
                lines.append(line)
                line = ""
            line += character
    if line:
        lines.append(line)
    return lines


def title_lines(title: str, face: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits in four lines; past that, cut with an ellipsis."""
    width = SIZE[0] - 2 * MARGIN
    for size in (76, 64, 54, 46):
        typeface = font(size, face)
        lines = wrap(title, typeface, width)
        if len(lines) <= 4:
            return typeface, lines
    lines = lines[:5]
    while lines[4] and typeface.getlength(lines[4] + "…") > width:
        lines[4] = lines[4][:-1]
    lines[4] += "…"
    return typeface, lines


def draw(card: Card) -> bytes:
    image = Image.new("L", SIZE, 0)
    pen = ImageDraw.Draw(image)
    face = face_for(card.title)
    pen.text((MARGIN, MARGIN), card.kind.upper(), font=font(30, face), fill=MUTED)
    typeface, lines = title_lines(card.title, face)
    line_height = int(typeface.size * 1.25)
    top = (SIZE[1] - line_height * len(lines)) // 2 + 10
    for index, line in enumerate(lines):
        pen.text((MARGIN, top + index * line_height), line, font=typeface, fill=WHITE)
    pen.rectangle((MARGIN, SIZE[1] - MARGIN - 44, MARGIN + 60, SIZE[1] - MARGIN - 38), fill=MUTED)
    pen.text((MARGIN, SIZE[1] - MARGIN - 26), card.site_name, font=font(30, face_for(card.site_name)), fill=WHITE)
    image.putpalette(PALETTE)  # "L" becomes "P"
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=PNG_EFFORT)
    return out.getvalue()


def write_cards(cards: list[Card], site_dir: Path, previous: Path | None = None) -> int:
    """Each card into site_dir/cards/, copied from the previous build's site when it is there (same
    name, same drawing); returns how many were drawn."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    drawn = 0
    for card in {card.file_name: card for card in cards}.values():
        target = folder / card.file_name
        if target.exists():
            continue
        earlier = previous / FOLDER / card.file_name if previous else None
        if earlier is not None and earlier.is_file():
            shutil.copyfile(earlier, target)
            continue
        target.write_bytes(draw(card))
        drawn += 1
    return drawn
