"""Generated pages skip Markdown: each is one block of finished, escaped HTML, which Python-Markdown
would hand back unchanged, but only after parsing all of it with a pure-Python HTML parser, twice
(its raw-HTML extraction and MkDocs' anchor scan): most of a large build's time. The adapter gives
Markdown a placeholder instead and puts the HTML back in its place afterwards, naming the anchors
the page holds so MkDocs can still check links to them.
"""

from __future__ import annotations

import re

PLACEHOLDER = "<!-- explainer:generated-page -->"
# Generated HTML writes every attribute in double quotes (html.attr), ids included.
_ID = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"<>]*)"')


def anchor_ids(html: str) -> set[str]:
    """The ids in a generated page: what `#anchor` links to it may point at."""
    return set(_ID.findall(html))


def restore(content: str, html: str) -> str:
    """Put the page's HTML where Markdown left the placeholder."""
    if PLACEHOLDER not in content:
        raise ValueError("the generated page's placeholder is missing from the converted Markdown")
    return content.replace(PLACEHOLDER, html.strip(), 1)
