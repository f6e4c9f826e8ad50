"""A long timeline split by year (hooks/render/timelines.py), in Chromium: an old permalink
`timelines/<id>/#<event>` still leads to the event, on its year's page."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from bench.long_timeline import LONG_ID
from hooks import urls
from hooks.content.load import load_site
from tests.browser.browsing import DESKTOP, PHONE, screenshot
from tests.browser.conftest import LOCAL_HOST, _QuietHandler
from tests.browser.test_browser_pages import SERIOUS
from tests.conftest import build_site
from tests.fixture_site import fixture_project
from tests.test_long_timelines import long_data


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Iterator[tuple[str, object]]:
    """A timeline just past the threshold, built for real and served on 127.0.0.1: (address, its data)."""
    work = tmp_path_factory.mktemp("long-browser")
    data = long_data(work, urls.TIMELINE_PAGE_EVENTS + 20)
    result = build_site(fixture_project(work / "project", data=data), work / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    server = http.server.ThreadingHTTPServer(
        (LOCAL_HOST, 0), functools.partial(_QuietHandler, directory=str(work / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://{LOCAL_HOST}:{server.server_address[1]}/", load_site(data)
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts", "no-scripts"])
def test_an_old_permalink_leads_to_the_event_on_its_year_page(browser: Browser, long_site, scripts):
    address, site = long_site
    event = site.timelines[LONG_ID].events[len(site.timelines[LONG_ID].events) // 2]
    year_page = f"{address}timelines/{LONG_ID}/{event.date.start.year}/"
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=scripts)
    try:
        page = context.new_page()
        page.goto(f"{address}timelines/{LONG_ID}/#{event.id}", wait_until="load")
        if scripts:  # on to the event itself
            page.wait_for_url(f"{year_page}#{event.id}")
            listed = page.locator(f'.x-event[data-event="{event.id}"]')
            assert listed.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # :target
            assert listed.is_visible()
            screenshot(page, f"long-timeline-old-permalink-{DESKTOP['width']}")
        else:  # the year's line, in view, links there
            line = page.locator(f'li[data-moved-to]:has(#{event.id})')
            assert line.is_visible()
            assert page.evaluate("scrollY") > 0
            line.get_by_role("link", name=str(event.date.start.year)).click()
            assert page.url == year_page
    finally:
        context.close()


@pytest.mark.parametrize("year", [False, True], ids=["main-page", "year-page"])
def test_a_split_timeline_has_no_serious_accessibility_violation(browser: Browser, long_site, year):
    address, site = long_site
    path = f"timelines/{LONG_ID}/" + (f"{site.timelines[LONG_ID].events[0].date.start.year}/" if year else "")
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(address + path, wait_until="load")
        serious = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        assert not serious, [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in serious]
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
        screenshot(page, f"long-timeline-{'year' if year else 'main'}-{PHONE['width']}")
    finally:
        context.close()
