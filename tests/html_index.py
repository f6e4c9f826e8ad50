"""Reading a built site back: each page's ids, links and resource loads (for assertions on HTML)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# Attributes through which a page makes the browser fetch something.
LOADING = {("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"), ("video", "src"),
           ("audio", "src"), ("embed", "src"), ("object", "data"), ("img", "srcset"), ("source", "srcset")}
LOADING_LINK_RELS = {"stylesheet", "preload", "prefetch", "icon", "manifest", "modulepreload", "preconnect",
                     "dns-prefetch", "apple-touch-icon"}


@dataclass
class PageIndex:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)
    abbrs: list[tuple[str, str]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageIndex()
        self._abbr_title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.page.links.append(values["href"])
        if tag == "link" and "href" in values and LOADING_LINK_RELS & set(values.get("rel", "").split()):
            self.page.loads.append(values["href"])
        for name, value in values.items():
            if (tag, name) in LOADING:
                self.page.loads.append(value)
        if tag == "abbr":
            self._abbr_title = values.get("title", "")

    def handle_data(self, data: str) -> None:
        if self._abbr_title is not None:
            self.page.abbrs.append((data, self._abbr_title))
            self._abbr_title = None


def index_page(path: Path) -> PageIndex:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.page


def index_site(site_dir: Path) -> dict[str, PageIndex]:
    """Every HTML page of a built site, keyed by its URL path ('' for home, 'articles/x/' …)."""
    pages = {}
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir).as_posix()
        url = relative.removesuffix("index.html") if relative.endswith("index.html") else relative
        pages[url] = index_page(path)
    return pages


def resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """An internal link as (page URL, anchor); None for links to other hosts or schemes."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = urlsplit(urljoin(f"http://site/{page_url}", href))
    return target.path.lstrip("/"), target.fragment
