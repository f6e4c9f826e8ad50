"""Built pages lose the theme's indentation and nothing else: the content inside <article> is as
MkDocs made it, and outside it only whitespace at the start of lines goes."""

from __future__ import annotations

import re
from pathlib import Path

from hooks.render.compact import compact_html


def test_only_leading_whitespace_outside_the_content_goes():
    page = ("<html>\n    <head>\n      <title>T</title>\n    </head>\n  <body>\n    <nav>\n      <a href=x>A</a> <a>B</a>\n"
            '    </nav>\n    <article class="md-content__inner">\n<pre>\n    kept\n</pre>\n  <code>a\n   b</code>\n'
            "    </article>\n  </body>\n</html>\n")
    compacted = compact_html(page)
    assert "<pre>\n    kept\n</pre>\n  <code>a\n   b</code>\n    " in compacted
    assert "<html>\n<head>\n<title>T</title>\n</head>\n<body>\n<nav>\n<a href=x>A</a> <a>B</a>\n</nav>\n" in compacted
    assert compacted.endswith("</article>\n</body>\n</html>\n")


def test_a_page_without_content_is_left_alone():
    assert compact_html("<p>\n   x</p>") == "<p>\n   x</p>"


def test_built_pages_are_compact_and_keep_their_text(built_site: Path):
    page = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    head = page[: page.find("<article")]
    assert not re.search(r"\n[ \t]+<", head), "indentation before the content"
    assert "<article" in page and "</html>" in page
