"""Material's stylesheets, trimmed to what the site uses (hooks/publish/stylesheets.py), must draw
every page exactly as the whole stylesheets do: each page and state below is shown twice, once with
the built site's trimmed files and once with Material's own files put in their place, and the two
screenshots must be the same to the pixel. The states include what Material's script changes after
load (the header on scroll, the navigation drawer, a glossary tooltip), the search dialog and print.
(Run once over all 59 pages of the real site at 390 px light, 1280 px dark and in print: the same.)"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Page

from tests.browser.browsing import ARTIFACTS, DESKTOP, PHONE
from tests.conftest import MATERIAL_TEMPLATES

THEME = MATERIAL_TEMPLATES


def _scrolled(page: Page) -> None:
    page.mouse.wheel(0, 900)  # the header shows the page's title and casts a shadow
    page.wait_for_timeout(400)


def _drawer(page: Page) -> None:
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)


def _tooltip(page: Page) -> None:
    page.locator(".md-content abbr[title]").first.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible", timeout=3000)
    page.wait_for_timeout(300)


def _printed(page: Page) -> None:
    page.emulate_media(media="print")  # Material's print rules, and ours
    page.wait_for_timeout(200)


def _search(page: Page) -> None:
    page.keyboard.press("/")
    page.locator(".x-search__input").fill("Seoul")
    page.locator(".x-search__title").first.wait_for(timeout=15_000)


FIRST_ARTICLE = "articles/2024-05-cho-tae-yul-beijing-talks/"
CASES: list[tuple[str, dict, str, Callable[[Page], None] | None]] = [
    # page, screen, colour scheme, what the reader does first (None: nothing, the whole page is compared)
    ("", PHONE, "light", None),
    ("", DESKTOP, "dark", None),
    ("timelines/china-south-korea/", PHONE, "dark", None),
    ("timelines/china-south-korea/", DESKTOP, "light", _scrolled),
    (FIRST_ARTICLE, PHONE, "light", None),
    (FIRST_ARTICLE, DESKTOP, "dark", _tooltip),
    (FIRST_ARTICLE, PHONE, "light", _drawer),
    ("people/cho-tae-yul/", DESKTOP, "light", None),
    ("topics/north-korea/", PHONE, "dark", None),
    ("glossary/", DESKTOP, "light", None),
    ("data/", PHONE, "light", None),
    ("references/", DESKTOP, "dark", None),
    ("search/", PHONE, "light", None),
    ("404.html", DESKTOP, "light", None),
    ("", DESKTOP, "light", _search),
    ("timelines/china-south-korea/", DESKTOP, "light", _printed),
]


_MATERIAL_RULES = """[...document.styleSheets].filter(sheet => (sheet.href || '').includes('/assets/stylesheets/'))
                   .reduce((count, sheet) => count + sheet.cssRules.length, 0)"""


def _serving(css: str) -> Callable:
    return lambda route: route.fulfill(body=css, content_type="text/css")


def _shot(page: Page, whole_page: bool) -> Image.Image:
    png = page.screenshot(full_page=whole_page, animations="disabled", caret="hide")
    return Image.open(BytesIO(png)).convert("RGB")


@pytest.mark.parametrize(("path", "screen", "scheme", "act"), CASES,
                         ids=[f"{path or 'home'}-{screen['width']}-{scheme}-{act.__name__[1:] if act else 'page'}"
                              for path, screen, scheme, act in CASES])
def test_trimmed_stylesheets_draw_what_the_whole_ones_draw(open_page, built_site, path, screen, scheme, act):
    trimmed = sorted((built_site / "assets" / "stylesheets").glob("*.css"))
    assert trimmed, "no Material stylesheets in the built site"
    shots, rules = [], []
    for whole in (False, True):
        page = open_page(path, viewport=screen, color_scheme=scheme)
        if whole:  # Material's own files in place of the trimmed ones
            for sheet in trimmed:
                original = (THEME / sheet.relative_to(built_site)).read_text(encoding="utf-8")
                page.route(f"**/{sheet.relative_to(built_site).as_posix()}", _serving(original))
            page.reload(wait_until="load")
        page.wait_for_timeout(300)  # Material's deferred work (tooltips, sidebar heights) runs after load
        if act:
            act(page)
        shots.append(_shot(page, whole_page=act is None))
        rules.append(page.evaluate(_MATERIAL_RULES))
    assert rules[0] < rules[1], f"Material's own stylesheets were not put in place ({rules} rules)"
    difference = ImageChops.difference(*shots).getbbox() if shots[0].size == shots[1].size else "sizes differ"
    if difference:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = f"trimmed-css-{(path or 'home').strip('/').replace('/', '-')}-{screen['width']}-{scheme}"
        shots[0].save(ARTIFACTS / f"{name}-trimmed.png")
        shots[1].save(ARTIFACTS / f"{name}-whole.png")
    assert not difference, (f"/{path} at {screen['width']} px ({scheme}) looks different with the trimmed "
                            f"stylesheets: {difference} (see tests/artifacts/{name}-*.png)")
