"""Browser fixtures: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright, and
a record of every request each test's pages make (any host but 127.0.0.1 fails the test)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, sync_playwright

from tests.browser.browsing import CHROMIUM, CHROMIUM_ARGS, DESKTOP

LOCAL_HOST = "127.0.0.1"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the stdlib's name)
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 and a free port, as 'http://127.0.0.1:PORT/'."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium and fonts-noto-cjk)",
                    pytrace=False)
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Error as error:
            pytest.fail(f"Chromium at {CHROMIUM} could not start: {error.message}", pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[Callable[..., Page]]:
    """open_page(path, viewport=DESKTOP, color_scheme="light", **context_options) -> a loaded Page in
    a fresh browser context (so palette choices and permissions never leak between pages).

    After the test, every request made by those pages must have gone to 127.0.0.1 and found its file,
    and no script may have thrown an uncaught exception. (Policy violations are test_browser_csp.py's.)
    """
    contexts: list[BrowserContext] = []
    requested: list[str] = []
    errors: list[str] = []

    def open_(path: str, *, viewport: dict = DESKTOP, color_scheme: str = "light", **context_options) -> Page:
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, locale="en-GB", **context_options)
        context.on("request", lambda request: requested.append(request.url))
        context.on("weberror", lambda error: errors.append(f"{path}: {error.error}"))
        context.on("response", lambda response: errors.append(f"{path}: {response.status} {response.url}")
                   if response.status >= 400 else None)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + path.lstrip("/"), wait_until="load")
        return page

    yield open_
    for context in contexts:
        context.close()
    foreign = sorted({url for url in requested if not _is_local(url)})
    assert not foreign, f"the pages requested other hosts: {foreign}"
    assert requested, "no request was recorded at all (is the request log wired up?)"
    assert not errors, "errors in the browser:\n" + "\n".join(errors)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST
