"""What a reader's browser transfers: a first page view, then a first search, in real Chromium.

The built site is served on 127.0.0.1 by a server that counts the bytes of every response it sends,
so what the search's Web Worker fetches is counted too (Playwright's page events do not see it).
Served uncompressed, as the issue's budget is stated. Used by `make bench` at every N and by the
browser tests on the real site (tests/browser/test_browser_search.py).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"  # Debian's (make browser); Playwright's own download does not work here
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
PHONE = {"width": 390, "height": 844}


@dataclass
class Tally:
    """Bytes sent per path, in order; `mark()` starts a new step."""
    sent: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def total(self) -> int:
        with self.lock:
            return sum(size for _, size in self.sent)

    def mark(self) -> int:
        """How many responses so far (a step's own are those after this count)."""
        with self.lock:
            return len(self.sent)

    def since(self, mark: int) -> list[tuple[str, int]]:
        with self.lock:
            return self.sent[mark:]


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    tally: Tally

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the stdlib's name)
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # every step fetches what it needs, as a first visit
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:
        # Count what the body actually is, not its Content-Length (a 304 or a HEAD has none).
        start = source.tell()
        super().copyfile(source, outputfile)
        self.tally.add(self.path, source.tell() - start)


@contextmanager
def serve(site_dir: Path) -> Iterator[tuple[str, Tally]]:
    """The site at 'http://127.0.0.1:PORT/', and the tally of what it sent."""
    tally = Tally()
    handler = functools.partial(type("Handler", (_CountingHandler,), {"tally": tally}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", tally
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class ReaderBytes:
    page_view: int                  # everything a first view of the page fetched, until the network was idle
    first_search: int               # everything opening the search and one query then fetched
    results: list[str]              # the titles of the results shown, in order
    page_files: list[tuple[str, int]]
    search_files: list[tuple[str, int]]


def search_in_page(page, query: str, timeout_ms: int = 30_000) -> list[str]:
    """Open the search with '/', type the query, wait for the answer; the result titles."""
    page.keyboard.press("/")
    box = page.locator(".x-search__input")
    box.fill(query)
    status = page.locator(".x-search__status")
    status.filter(has_text=f"“{query}”").wait_for(timeout=timeout_ms)  # this query's answer, not the last one's
    return page.locator(".x-search__title").all_inner_texts()


def measure_reader(browser, site_dir: Path, page_path: str, query: str) -> ReaderBytes:
    """Bytes of a first view of `page_path` and of a first search for `query`, on a phone-sized screen."""
    with serve(site_dir) as (base, tally):
        context = browser.new_context(viewport=PHONE, service_workers="block")
        try:
            page = context.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            viewed = tally.mark()
            results = search_in_page(page, query)
            page.wait_for_load_state("networkidle")
            searched = tally.mark()
            page_files, search_files = tally.sent[:viewed], tally.sent[viewed:searched]
        finally:
            context.close()
    return ReaderBytes(page_view=sum(size for _, size in page_files), first_search=sum(size for _, size in search_files),
                       results=results, page_files=page_files, search_files=search_files)


# What `make bench` measures at every N: a first view of a page of each kind, then a first search
# from the home page. The query names a leader whom every corpus has (bench/corpus.py keeps real ids).
QUERY = "Xi Jinping"


def pages_to_view(site_dir: Path) -> dict[str, str]:
    """The home page, the main timeline, and the first article and person page of the built site."""
    def first(section: str) -> str:
        return next(f"{section}/{path.parent.name}/" for path in sorted((site_dir / section).glob("*/index.html")))
    return {"home": "", "article": first("articles"), "timeline": "timelines/china-south-korea/",
            "person": first("people")}


def reader_bytes(site_dir: Path) -> dict[str, int]:
    """{'home_view_bytes': …, 'article_view_bytes': …, …, 'first_search_bytes': …} for the built site."""
    from playwright.sync_api import sync_playwright  # the benchmark's only use of the browser

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make browser` (Debian's chromium and fonts-noto-cjk)")
    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for name, path in pages_to_view(site_dir).items():
                measured = measure_reader(browser, site_dir, path, QUERY)
                figures[f"{name}_view_bytes"] = measured.page_view
                if name == "home":
                    if not measured.results:
                        raise RuntimeError(f"searching {QUERY!r} on {site_dir} found nothing")
                    figures["first_search_bytes"] = measured.first_search
        finally:
            browser.close()
    return figures
