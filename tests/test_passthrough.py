"""Generated pages skip Markdown (hooks/render/passthrough.py): skipping it must change nothing.

Markdown with the site's own extensions hands every generated page back unchanged, and the anchors
the adapter reports are exactly those MkDocs finds itself, so its check of #anchor links still holds.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils.meta import get_data

from hooks.content.load import load_site
from hooks.render import passthrough, render_site
from hooks.render.common import Context

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=["tests/fixtures/minimal/data", "data"])
def bodies(request) -> dict[str, str]:
    site = load_site(ROOT / request.param)
    pages = render_site(site, Context(site, site_name="Example", site_url="https://example.org/"))
    return {src: get_data(content)[0] for src, content in pages.items()}


def test_markdown_would_hand_every_generated_page_back_unchanged(bodies):
    config = load_config(str(ROOT / "mkdocs.yml"))
    for src, body in bodies.items():
        converted = markdown.Markdown(extensions=config["markdown_extensions"],
                                      extension_configs=config["mdx_configs"] or {}).convert(body)
        assert converted.strip() == body.strip(), src


def test_the_anchors_named_are_those_mkdocs_finds(bodies):
    for src, body in bodies.items():
        handler = _HTMLHandler()
        handler.feed(body)
        handler.close()
        assert passthrough.anchor_ids(body) == handler.present_anchor_ids, src


def test_the_html_goes_back_where_markdown_left_the_placeholder():
    assert passthrough.restore(f"<p>x</p>\n{passthrough.PLACEHOLDER}\n", "<div>y</div>\n") == "<p>x</p>\n<div>y</div>\n"
    with pytest.raises(ValueError):
        passthrough.restore("<p>no placeholder</p>", "<div>y</div>")
