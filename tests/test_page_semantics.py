"""Every built page, read as markup: Hangul, kana and Chinese text carries a ko/zh/ja lang attribute
(screen readers switch voice, fonts pick the right glyphs), and headings go down one level at a time.
The browser tests check the main pages as rendered; this covers every page cheaply."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CJK_LANGS = ("ko", "zh", "ja")


class _PageReader(HTMLParser):
    """Collects CJK text outside a ko/zh/ja element, and the heading levels inside the content."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None, str]] = []  # (tag, lang, class) of each open element
        self.unmarked: list[str] = []
        self.headings: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = dict(attrs)
        self.open.append((tag, values.get("lang"), values.get("class") or ""))
        if re.fullmatch(r"h[1-6]", tag) and self._in_content():
            self.headings.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not CJK.search(data) or any(tag in ("script", "style") for tag, _, _ in self.open):
            return
        lang = next((lang for _, lang, _ in reversed(self.open) if lang), "")
        if not lang.startswith(CJK_LANGS):
            self.unmarked.append(f"{data.strip()[:40]!r} (lang={lang or 'none'})")

    def _in_content(self) -> bool:
        return any("md-content__inner" in classes for _, _, classes in self.open)


def read(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def test_cjk_text_carries_its_language_on_every_page(built_site: Path):
    problems = {}
    for path in sorted(built_site.rglob("*.html")):
        unmarked = read(path).unmarked
        if unmarked:
            problems[path.relative_to(built_site).as_posix()] = unmarked[:5]
    assert not problems, f"CJK text without lang=ko/zh/ja: {problems}"


def test_cjk_names_are_found_at_all(built_site: Path):
    """The check above means something only if the site shows native names."""
    people_page = (built_site / "people" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'lang="ko"[^>]*>[^<]*[\uac00-\ud7af]', people_page)
    assert re.search(r'lang="zh"[^>]*>[^<]*[\u3400-\u9fff]', people_page)


def test_headings_go_down_one_level_at_a_time_on_every_page(built_site: Path):
    problems = {}
    for path in sorted(built_site.rglob("*.html")):
        levels = read(path).headings
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if not levels or levels[0] != 1 or levels.count(1) != 1 or skips:
            problems[path.relative_to(built_site).as_posix()] = levels[:12]
    assert not problems, f"heading levels (one h1 first, no skipped level): {problems}"
