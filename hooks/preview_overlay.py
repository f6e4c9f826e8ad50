"""What the open page shows under `mkdocs serve` while data/ is broken: the problems, over the page.

Pure: HTML in, HTML out. hooks/preview_server.py puts it into every page the preview serves (the last
good build, or this alone when there is none yet); a good rebuild reloads the page without it. Every
problem is escaped and shown as written (an excerpt's caret needs the spaces kept), and nothing
needs more than the site's own Content-Security-Policy allows: the styles are a file the preview
serves itself (there may be no built site to hold it), the policy is the site's own partial.
"""

from __future__ import annotations

import html
from pathlib import Path

from jinja2 import Environment

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = Path(__file__).resolve().parent / "preview_assets" / "problems.css"
STYLESHEET_URL = "__preview/problems.css"  # under the site's mount path; no page of the site is named so
_POLICY = ROOT / "overrides" / "partials" / "x-csp.html"


def overlay(title: str, problems: list[str], mount_path: str = "/") -> str:
    """The problems as a banner over the page: a heading, what to do, each problem as written."""
    items = "".join(f"<li><pre>{html.escape(problem)}</pre></li>" for problem in problems)
    return (f'<link rel="stylesheet" href="{html.escape(mount_path + STYLESHEET_URL)}">'
            '<section class="x-preview-problems" role="alert" aria-labelledby="x-preview-problems-title">'
            f'<h2 id="x-preview-problems-title">{html.escape(title)}</h2>'
            "<p>Fix, then save: this page reloads by itself as soon as the site builds again.</p>"
            f"<ol>{items}</ol></section>")


def with_overlay(page: bytes, title: str, problems: list[str], mount_path: str = "/") -> bytes:
    """The page with the overlay first in its body (read first by a screen reader, too)."""
    banner = overlay(title, problems, mount_path).encode("utf-8")
    body = page.find(b"<body")
    opened = page.find(b">", body) + 1 if body >= 0 else 0
    return page[:opened] + banner + page[opened:]


def problems_page(title: str, problems: list[str], mount_path: str = "/") -> bytes:
    """A page of its own for when there is no good build to show under the overlay."""
    policy = Environment(autoescape=True).from_string(_POLICY.read_text(encoding="utf-8")).render(x_live_reload=True)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">{policy}'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{html.escape(title)}</title></head>"
            f"<body>{overlay(title, problems, mount_path)}</body></html>").encode("utf-8")
