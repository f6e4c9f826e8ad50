"""Share cards (hooks/publish/cards.py): their size, Hangul and Chinese drawn with real glyphs, names
that change only with what is drawn, a card not drawn again when the last build has it, and a clear
error when the font is missing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from hooks.publish import cards
from hooks.publish.cards import Card, FontMissing, draw, font, label, write_cards

NOTDEF = "\U0010fffd"  # a private-use code point no font draws: the .notdef box ("tofu")


def glyph(character: str, face: int) -> Image.Image:
    return font(64, face).getmask(character)


def as_image(mask) -> Image.Image:
    image = Image.new("L", mask.size)
    image.putdata(list(mask))
    return image


@pytest.mark.parametrize(("text", "face"), [("조태열", cards.FACE_KO), ("习近平", cards.FACE_ZH), ("王毅", cards.FACE_ZH)])
def test_hangul_and_chinese_are_drawn_with_real_glyphs_not_boxes(text, face):
    tofu = as_image(glyph(NOTDEF, face))
    for character in text:
        drawn = as_image(glyph(character, face))
        assert drawn.getbbox(), f"{character!r} draws nothing"
        same_size = drawn.size == tofu.size
        assert not same_size or ImageChops.difference(drawn, tofu).getbbox(), f"{character!r} is drawn as .notdef"
    assert cards.face_for(text) == face


def test_a_card_is_a_1200_by_630_png_with_its_title_drawn():
    png = draw(Card("Cho Tae-yul (조태열)", "Person", "Seoul–Beijing explainer"))
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        background = Image.new("RGB", image.size, cards.BACKGROUND)
        text_box = ImageChops.difference(image.convert("RGB"), background).getbbox()
    assert text_box and text_box[2] - text_box[0] > 300  # the title and labels, not an empty card


def test_a_long_title_fits_the_card():
    png = draw(Card("word " * 200, "Topic", "Site"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)
    typeface, lines = cards.title_lines("词" * 400, cards.FACE_ZH)
    assert len(lines) == 5 and lines[-1].endswith("…")
    assert all(typeface.getlength(line) <= 1200 - 2 * cards.MARGIN for line in lines)


def test_the_file_name_changes_with_what_is_drawn_and_only_then():
    card = Card("Title", "Timeline", "Site")
    assert card.file_name == Card("Title", "Timeline", "Site").file_name
    assert len({card.file_name, Card("Title.", "Timeline", "Site").file_name,
                Card("Title", "Person", "Site").file_name, Card("Title", "Timeline", "Site 2").file_name}) == 4


def test_an_unchanged_card_is_copied_from_the_last_build_not_drawn(tmp_path: Path):
    pages = [Card("One", "Timeline", "S"), Card("Two", "Person", "S"), Card("One", "Timeline", "S")]
    assert write_cards(pages, tmp_path / "first") == 2  # the repeated card once
    assert write_cards(pages, tmp_path / "second", previous=tmp_path / "first") == 0
    changed = [Card("One, renamed", "Timeline", "S"), pages[1]]
    assert write_cards(changed, tmp_path / "third", previous=tmp_path / "second") == 1
    assert sorted(p.name for p in (tmp_path / "third" / "cards").iterdir()) == sorted(c.file_name for c in changed)


def test_without_the_font_the_build_stops_naming_the_package(monkeypatch):
    monkeypatch.setattr(cards, "FONT_FILE", "NoSuchFont-Bold.ttc")
    font.cache_clear()
    try:
        with pytest.raises(FontMissing, match="apt-get install fonts-noto-cjk"):
            draw(Card("Title", "Topic", "Site"))
    finally:
        monkeypatch.undo()
        font.cache_clear()


@pytest.mark.parametrize(("meta", "shown"), [
    ({}, "Explainer"), ({"title": "About"}, "Explainer"), ({"search": {"kind": "List"}}, "Explainer"),
    ({"search": {"kind": "Timeline", "item": "Event"}}, "Timeline"), ({"search": {"kind": "Person"}}, "Person"),
    ({"search": {"kind": "Person", "exclude": True}}, "Person"),  # a year of someone named very often
    ({"search": {"kind": "Article"}}, "Source article"), ({"search": {"kind": "Topic"}}, "Topic"),
    ({"search": "odd"}, "Explainer")])
def test_a_card_names_the_kind_the_page_s_front_matter_gives(meta, shown):
    assert label(meta) == shown
