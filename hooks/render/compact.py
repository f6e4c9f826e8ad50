"""Built pages without the theme's indentation: Material's templates indent every line of the page
around the content, a sixth of a typical page. Outside the <article> that holds the content, a run of
whitespace that starts a line becomes that line break alone, which renders the same (the theme keeps
no preformatted text there). The content itself, where <pre> and <code> live, is left as it is."""

from __future__ import annotations

import re

_INDENT = re.compile(r"\n[ \t\r\n]+")
_CONTENT_START = "<article"
_CONTENT_END = "</article>"


def compact_html(page_html: str) -> str:
    start, end = page_html.find(_CONTENT_START), page_html.rfind(_CONTENT_END)
    if start < 0 or end < start:
        return page_html  # not a theme page (a redirect, a 404 of another shape): as it is
    return (_INDENT.sub("\n", page_html[:start]) + page_html[start:end]
            + _INDENT.sub("\n", page_html[end:]))
