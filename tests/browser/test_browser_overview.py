"""The overview drawings and glossary tooltips in a real browser: every timeline's overview at 1280,
390 and 320 px, with scripts on and off (screenshots in tests/artifacts/overview-*.png), the keyboard's
way through the marks, the event in the URL's fragment, and a glossary term's definition on a tap."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.content.load import load_site
from tests.browser.browsing import ARTIFACTS, DESKTOP, PHONE

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT / "data")
WIDTHS = {"1280": DESKTOP, "390": PHONE, "320": {**PHONE, "width": 320}}

DOTS = """overview => [...overview.querySelectorAll('a.x-ov__mark')].map(mark => {
    const box = mark.querySelector('.x-ov__dot').getBoundingClientRect();
    return [mark.dataset.mark, box.left, box.right, box.width];
})"""


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts", "no-scripts"])
@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("timeline_id", sorted(SITE.timelines))
def test_each_overview_draws_every_event_on_screen(open_page, timeline_id, width, scripts):
    page = open_page(f"timelines/{timeline_id}/", viewport=WIDTHS[width], java_script_enabled=scripts)
    overview = page.locator(".x-ov").first
    dots = overview.evaluate(DOTS)
    events = SITE.timelines[timeline_id].events
    assert sorted(mark for mark, *_ in dots) == sorted(event.id for event in events)
    screen = page.evaluate("window.innerWidth")
    off_screen = [mark for mark, left, right, size in dots if left < 0 or right > screen or size <= 0]
    assert not off_screen, f"marks not drawn on a {screen} px screen: {off_screen}"
    # An era's band clips its label (getBoundingClientRect does not know), and a group's box is its children's.
    too_wide = overview.evaluate("""overview => [overview, ...overview.querySelectorAll('*')]
        .filter(e => !e.closest('.x-ov__era') && e.tagName !== 'g')
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName)""")
    assert not too_wide, f"parts of the overview stick out of a {screen} px screen: {too_wide}"
    # Era labels: each one shown is whole inside its band and clear of the next (none run together).
    labels = overview.evaluate("""overview => [...overview.querySelectorAll('.x-ov__era')].map(band => {
        const shown = [...band.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none');
        const box = band.querySelector('rect').getBoundingClientRect();  // a nested <svg> has no box of its own
        return [band.querySelector('title').textContent, box.left, box.right,
                shown.map(t => [t.textContent, t.getBoundingClientRect().left, t.getBoundingClientRect().right])];
    })""")
    shown = [(text, left, right) for _, _, _, texts in labels for text, left, right in texts]
    assert all(len(texts) <= 1 for *_, texts in labels), "an era shows two forms of its label"
    for (_, band_left, band_right, texts) in labels:
        assert all(band_left <= left and right <= band_right + 0.5 for _, left, right in texts), (texts, band_right)
    assert all(a[2] < b[1] for a, b in zip(shown, shown[1:])), f"era labels run together: {shown}"
    if SITE.timelines[timeline_id].eras and width == "1280":
        assert len(shown) >= len(labels) // 2, f"most era labels should show at {width} px: {shown}"
    if scripts:  # without scripts Material's own header title is wider than a phone (not ours to fix)
        assert page.evaluate("document.documentElement.scrollWidth") <= screen, "the page scrolls sideways"
    assert page.locator(".x-timeline > .x-event").count() >= 1, "the event list stays"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    overview.screenshot(path=str(ARTIFACTS / f"overview-{timeline_id}-{width}-{'scripts' if scripts else 'no-scripts'}.png"),
                        animations="disabled")


@pytest.mark.parametrize("path", ["", "people/lee-jae-myung/", "topics/north-korea/"])
def test_small_overviews_on_home_person_and_topic_pages(open_page, path):
    page = open_page(path, viewport=PHONE)
    overview = page.locator(".x-ov--small")
    assert overview.count() == 1
    dots = overview.evaluate(DOTS)
    assert dots and all(0 <= left and right <= PHONE["width"] for _, left, right, _ in dots)
    name = path.strip("/").replace("/", "-") or "home"
    overview.screenshot(path=str(ARTIFACTS / f"overview-{name}-390.png"), animations="disabled")


def test_the_keyboard_reaches_every_mark_in_date_order_with_a_visible_ring(open_page):
    timeline = max(SITE.timelines.values(), key=lambda t: len(t.events))
    page = open_page(f"timelines/{timeline.id}/")
    for _ in range(300):  # Tab from the top of the page until the first mark has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('x-ov__mark')"):
            break
    visited = []
    for _ in timeline.events:
        mark, ring = page.evaluate("""() => [document.activeElement.dataset.mark,
            getComputedStyle(document.activeElement.querySelector('.x-ov__ring')).visibility]""")
        assert ring == "visible", f"no focus ring on {mark}"
        visited.append(mark)
        page.keyboard.press("Tab")
    assert visited == [event.id for event in timeline.events]  # the timeline's own (date) order
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith(f"#{timeline.events[-1].id}")


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts", "no-scripts"])
def test_the_event_in_the_fragment_is_highlighted(open_page, scripts):
    timeline = max(SITE.timelines.values(), key=lambda t: len(t.events))
    event = timeline.events[len(timeline.events) // 2]
    page = open_page(f"timelines/{timeline.id}/#{event.id}", java_script_enabled=scripts)
    listed = page.locator(f'.x-event[data-event="{event.id}"]')
    assert listed.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # CSS alone (:target)
    ring = page.locator(f'a.x-ov__mark[data-mark="{event.id}"] .x-ov__ring')
    if scripts:
        assert ring.evaluate("e => getComputedStyle(e).visibility") == "visible"
        other = page.locator("a.x-ov__mark--current")
        assert other.count() == 1
        page.locator(f'a.x-ov__mark[data-mark="{timeline.events[0].id}"]').click()
        assert page.locator("a.x-ov__mark--current").get_attribute("data-mark") == timeline.events[0].id


def test_a_tap_on_a_glossary_term_shows_its_definition(open_page):
    term = next(iter(SITE.terms.values()))
    article = next(a for a in SITE.articles.values()
                   if any(term.term in block.text for block in a.blocks))
    page = open_page(f"articles/{article.id}/", viewport=PHONE, has_touch=True, is_mobile=True)
    abbr = page.locator(".md-content abbr", has_text=term.term).first
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert term.definition[:40] in " ".join(tooltip.inner_text().split())
    page.screenshot(path=str(ARTIFACTS / "glossary-tap-390.png"))


def test_a_glossary_term_shows_its_definition_on_keyboard_focus(open_page):
    page = open_page("articles/" + next(iter(SITE.articles)) + "/")
    abbr = page.locator(".md-content abbr[title]").first
    definition = abbr.get_attribute("title")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert definition[:30] in " ".join(tooltip.inner_text().split())
