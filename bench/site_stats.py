"""What a built site weighs: pages, bytes, page sizes, the search index and the readable text."""

from __future__ import annotations

import html
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from hooks.publish.search_index import OUTPUT_FOLDER

_TAG = re.compile(r"<[^>]+>")
_ARTICLE_START = '<article class="md-content__inner'


@dataclass
class SiteStats:
    pages: int
    output_bytes: int
    median_page_bytes: int
    max_page_bytes: int
    max_page: str
    search_index_bytes: int  # Pagefind's folder, all of it (a reader fetches only the chunks a search needs)
    text_bytes: int  # the readable text of every page's main content, whitespace collapsed (UTF-8)


def page_text(page_html: str) -> str:
    """The text a reader reads in the page's <article> (what the search plugin indexes)."""
    start = page_html.find(_ARTICLE_START)
    if start < 0:
        return ""
    end = page_html.find("</article>", start)
    body = page_html[start:end]
    return " ".join(html.unescape(_TAG.sub(" ", body)).split())


def measure(site_dir: Path) -> SiteStats:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    pages = sorted((p for p in files if p.suffix == ".html"), key=lambda p: p.stat().st_size)
    sizes = [p.stat().st_size for p in pages]
    index = [p for p in files if p.relative_to(site_dir).parts[0] == OUTPUT_FOLDER]
    text_bytes = sum(len(page_text(p.read_text(encoding="utf-8")).encode()) for p in pages)
    return SiteStats(
        pages=len(pages),
        output_bytes=sum(p.stat().st_size for p in files),
        median_page_bytes=int(statistics.median(sizes)) if sizes else 0,
        max_page_bytes=sizes[-1] if sizes else 0,
        max_page=pages[-1].relative_to(site_dir).as_posix() if pages else "",
        search_index_bytes=sum(p.stat().st_size for p in index),
        text_bytes=text_bytes,
    )
