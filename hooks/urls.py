"""Where each generated page lives, and links between pages. These URLs are permalinks: keep them."""

from __future__ import annotations

import posixpath

HOME = "index.md"
ARTICLES = "articles/index.md"
TIMELINES = "timelines/index.md"
PEOPLE = "people/index.md"
TOPICS = "topics/index.md"
QUOTES = "quotes.md"
GLOSSARY = "glossary.md"
REFERENCES = "references.md"


def article(article_id: str) -> str:
    return f"articles/{article_id}.md"


def timeline(timeline_id: str) -> str:
    return f"timelines/{timeline_id}.md"


def person(person_id: str) -> str:
    return f"people/{person_id}.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def page_dir(src_path: str) -> str:
    """The folder a page is served from with directory URLs: 'articles/x.md' -> 'articles/x/'."""
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative URL from one page to another (or an anchor on it), as the browser needs it."""
    target, here = page_dir(to_src), page_dir(from_src)
    relative = posixpath.relpath(target or ".", here or ".")
    url = "./" if relative == "." else f"{relative}/"
    if from_src == to_src and anchor:
        return f"#{anchor}"
    return f"{url}#{anchor}" if anchor else url
