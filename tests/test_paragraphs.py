"""Positional citations stay honest: a body whose paragraphs no longer match their recorded
fingerprints is a problem naming the first paragraph that moved; `python -m hooks.paragraphs`
records them again after a deliberate change."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import paragraphs as command
from hooks.content.fingerprints import fingerprint
from hooks.content.load import load_site
from hooks.content.problems import DataError

HARBOUR = "articles/example-harbour-talks.md"
P2 = '"We will keep talking until the ferries run on time," Example Minister Kim told reporters after the meeting.'


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(problem) for problem in caught.value.problems]


def edit(data: Path, old: str, new: str) -> str:
    path = data / HARBOUR
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if needle in line)


@pytest.mark.parametrize(("old", "new", "at", "what"), [
    (" Example Minister Kim told", "\n\nExample Minister Kim told", '"We will keep talking until',
     "paragraph 2 is not the one recorded as p2: it was split in two (a blank line added inside it?), so the "
     "paragraphs after it moved"),
    ("meeting.\n\nExample Minister Wang", "meeting.\nExample Minister Wang", '"We will keep talking until',
     "paragraph 2 is not the one recorded as p2: it was joined with the next (a blank line removed?), so the "
     "paragraphs after it moved"),
    ("told reporters after", "told journalists after", '"We will keep talking until',
     "paragraph 2 is not the one recorded as p2: its text is not what was recorded"),
    ("\nThe ministers will meet again", "\nA new paragraph.\n\nThe ministers will meet again", "A new paragraph",
     "paragraph 4 is not the one recorded as p4: it is new (text added?), so the paragraphs after it moved"),
])
def test_a_renumbered_or_changed_paragraph_is_named_with_what_to_do(data_copy: Path, old, new, at, what):
    text = edit(data_copy, old, new)
    assert problems(data_copy) == [
        f"data/{HARBOUR}:{line_of(text, at)}: body: {what}. Undo the change; if the text really had to change, "
        f"correct every citation of p{what.split()[1]} onward, then record the paragraphs again with "
        f"`python -m hooks.paragraphs data/{HARBOUR}`"]


def test_rewrapping_a_paragraph_changes_nothing(data_copy: Path):
    edit(data_copy, " Example Minister Kim told", "\nExample Minister Kim told")
    load_site(data_copy)


def test_an_article_without_the_record_is_told_how_to_make_it(data_copy: Path):
    path = data_copy / HARBOUR
    text = path.read_text(encoding="utf-8")
    field = text[text.index("paragraphs: >-"):text.index("---\n", 4)]
    path.write_text(text.replace(field, ""), encoding="utf-8")
    assert problems(data_copy) == [
        f"data/{HARBOUR}:2: paragraphs: is missing: record the paragraphs citations number, once the text is "
        f"final, with `python -m hooks.paragraphs data/{HARBOUR}`"]


def test_the_command_records_the_body_and_changes_nothing_else(data_copy: Path, capsys):
    path = data_copy / HARBOUR
    original = path.read_text(encoding="utf-8")
    edited = edit(data_copy, " Example Minister Kim told", "\n\nExample Minister Kim told")
    assert command.main([str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: 5 paragraphs recorded\n"
    recorded = path.read_text(encoding="utf-8")
    assert fingerprint("Example Minister Kim told reporters after the meeting.") in recorded
    assert recorded.replace(recorded[recorded.index("paragraphs:"):recorded.index("---\n", 4)], "") == \
        edited.replace(edited[edited.index("paragraphs:"):edited.index("---\n", 4)], "")
    load_site(data_copy)  # the citations of p2 now mean its first half: the editor's to check, as told
    assert command.main([str(path)]) == 0 and path.read_text(encoding="utf-8") == recorded  # idempotent
    assert original != recorded


def test_the_command_refuses_a_file_without_front_matter(tmp_path: Path, capsys):
    path = tmp_path / "x.md"
    path.write_text("No front matter\n", encoding="utf-8")
    assert command.main([str(path)]) == 1
    assert "cannot record its paragraphs" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "No front matter\n"


def test_the_fingerprint_ignores_wrapping_and_unicode_form_only():
    assert fingerprint("a  b\nc") == fingerprint("a b c")
    assert fingerprint("cafe\u0301") == fingerprint("café")
    assert fingerprint("agreed") != fingerprint("disagreed")
