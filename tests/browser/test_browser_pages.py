"""How the main pages look and read in a real browser: phone width, accessibility (axe-core), the
language of Hangul and Chinese names, print, and screenshots under tests/artifacts/ to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from hooks.content.load import load_site
from tests.browser.browsing import ARTIFACTS, DESKTOP, PHONE, screenshot

ROOT = Path(__file__).resolve().parents[2]
SERIOUS = {"serious", "critical"}


NAMES = ["home", "timeline", "article", "person"]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """name -> path of one page of each kind, picked from the data (the fullest of each)."""
    site = load_site(ROOT / "data")
    timeline = max(site.timelines.values(), key=lambda t: len(t.events))
    article = max(site.articles.values(), key=lambda a: len(a.paragraphs))
    person = max(site.people.values(), key=lambda p: sum(p.id in e.actors for t in site.timelines.values()
                                                        for e in t.events))
    return {"home": "", "timeline": f"timelines/{timeline.id}/", "article": f"articles/{article.id}/",
            "person": f"people/{person.id}/"}


OVERFLOW = """() => [document.documentElement.scrollWidth, window.innerWidth,
    [...document.querySelectorAll('.md-content *')]
        .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
                      && !el.closest('.md-typeset__scrollwrap, pre')  // these scroll inside themselves
                      && !el.closest('.x-ov__era') && el.tagName !== 'g')  // an overview era clips its label; a group is its parts
        .map(el => el.tagName + '.' + el.className).slice(0, 5)]"""


@pytest.mark.parametrize("name", NAMES)
def test_no_horizontal_scrolling_on_a_phone(open_page, pages, name):
    page = open_page(pages[name], viewport=PHONE)
    toggle = page.locator(".x-filters__toggle")
    if toggle.count():
        toggle.click()  # the unfolded people chips must fit too
    page_width, screen_width, too_wide = page.evaluate(OVERFLOW)
    assert page_width <= screen_width, f"{name} is {page_width} px wide on a {screen_width} px screen"
    assert not too_wide, f"{name}: wider than the screen: {too_wide}"


def one_page_of_each_kind(site: Path) -> list[str]:
    """Every section's index page and its biggest page (the longest names, URLs and tables)."""
    by_section: dict[str, list[Path]] = {}
    for path in site.rglob("index.html"):
        parts = path.relative_to(site).parts
        by_section.setdefault(parts[0] if len(parts) > 2 else "/".join(parts[:-1]), []).append(path)
    chosen = []
    for pages_ in by_section.values():
        chosen += {min(pages_, key=lambda p: len(p.parts)), max(pages_, key=lambda p: p.stat().st_size)}
    return sorted(path.parent.relative_to(site).as_posix().removeprefix(".") + "/" for path in chosen)


def test_one_page_of_each_kind_fits_a_phone(open_page, built_site, site_url):
    paths = one_page_of_each_kind(built_site)
    page = open_page("", viewport=PHONE)
    problems = {}
    for path in paths:
        page.goto(site_url + path.lstrip("/"))
        page_width, screen_width, too_wide = page.evaluate(OVERFLOW)
        if page_width > screen_width or too_wide:
            problems[path] = (page_width, too_wide)
    assert len(paths) > 10, paths
    assert not problems, f"wider than a {PHONE['width']} px phone: {problems}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", NAMES)
def test_no_serious_accessibility_violation(open_page, pages, name, scheme):
    page = open_page(pages[name], color_scheme=scheme)
    if name == "timeline":  # check the filters in use too: people unfolded, a chip pressed
        page.locator(".x-filters__toggle").click()
        page.locator(".x-chip").first.click()
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: {len(v['nodes'])} elements: "
                       + "; ".join(str(n["target"][-1]) for n in v["nodes"][:8]) for v in serious)
    assert not serious, f"{name} ({scheme}):\n{report}"


@pytest.mark.parametrize("name", NAMES)
def test_hangul_and_chinese_text_carries_its_language(open_page, pages, name):
    page = open_page(pages[name])
    unmarked = page.evaluate(r"""() => {
        const cjk = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]/;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!cjk.test(node.data)) continue;
            const lang = node.parentElement.closest('[lang]').lang;
            if (!/^(ko|zh|ja)\b/.test(lang)) found.push(node.data.trim().slice(0, 40) + ' [lang=' + lang + ']');
        }
        return found;
    }""")
    assert not unmarked, f"{name}: CJK text without a ko/zh/ja lang attribute: {unmarked[:10]}"


def test_landmarks_and_heading_order(open_page, pages):
    for name, path in pages.items():
        page = open_page(path)
        assert page.locator("main, [role=main]").count() == 1, f"{name}: one main landmark"
        assert page.locator("header, [role=banner]").count() >= 1, name
        assert page.locator("nav, [role=navigation]").count() >= 1, name
        levels = page.locator(".md-content h1, .md-content h2, .md-content h3, .md-content h4").evaluate_all(
            "hs => hs.filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))")
        assert levels and levels[0] == 1 and levels.count(1) == 1, f"{name}: headings {levels}"
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not skips, f"{name}: heading levels skip: {skips}"


def test_controls_are_reachable_by_keyboard_with_visible_focus(open_page, pages):
    page = open_page(pages["timeline"])
    seen = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {cls: el.className && String(el.className), outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth), shadow: style.boxShadow};
        }""")
        for control in ("x-chip", "x-filters__toggle", "x-copy-link"):
            if control in (focused["cls"] or "").split():
                visible = (focused["outline"] not in ("none", "") and focused["width"] >= 1) or focused["shadow"] != "none"
                assert visible, f"{control} has no visible focus: {focused}"
                seen.add(control)
        if seen == {"x-chip", "x-filters__toggle", "x-copy-link"}:
            break
    assert seen == {"x-chip", "x-filters__toggle", "x-copy-link"}, f"reached by Tab: {seen}"


def test_print_shows_a_clean_list_with_source_addresses(open_page, pages):
    page = open_page(pages["timeline"])
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".x-filters__group", ".x-copy-link"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    source = page.locator(".x-event__sources a").first
    printed = source.evaluate("a => getComputedStyle(a, '::after').content")
    assert source.evaluate("a => a.href") in printed, printed
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "timeline-print.pdf"))


@pytest.mark.parametrize("name", ["home", "timeline", "article"])
def test_screenshots_for_people_to_look_at(open_page, pages, name):
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_page(pages[name], viewport=viewport)
        path = screenshot(page, f"{name}-{label}")
        assert path.stat().st_size > 10_000, f"{path} looks empty"
