"""The preview's problems overlay (hooks/preview_overlay.py) and how a failed build becomes what it
shows (hooks/preview.py Status): escaped, first in the body, within the site's policy."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort, PluginError

from hooks import preview_overlay
from hooks.content.problems import DataError, Problem
from hooks.preview import Status
from tests.html_safety import unsafe_markup

PROBLEMS = ["data/topics.yml:4: YAML syntax: a tab character is used for indentation; indent with spaces\n"
            "    4 | →title: <script>alert(1)</script>\n      | ^ column 1"]


def test_problems_are_escaped_and_kept_as_written():
    html = preview_overlay.overlay("data/ has 1 problem", PROBLEMS)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<pre>data/topics.yml:4: YAML syntax: a tab character" in html
    assert "\n      | ^ column 1</pre>" in html  # the caret keeps its column
    assert not unsafe_markup(html)


def test_the_overlay_comes_first_in_the_body_and_the_page_is_otherwise_unchanged():
    page = b'<html><head><title>T</title></head><body class="x">\n<p>Text</p></body></html>'
    shown = preview_overlay.with_overlay(page, "title", PROBLEMS)
    banner = preview_overlay.overlay("title", PROBLEMS).encode()
    assert shown == page.replace(b'<body class="x">', b'<body class="x">' + banner)
    assert shown.index(b"x-preview-problems") < shown.index(b"<p>Text</p>")


def test_the_problems_page_carries_the_sites_policy_and_loads_only_its_stylesheet():
    page = preview_overlay.problems_page("The site cannot be built yet", PROBLEMS, "/sub/").decode()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)[1]
    assert "style-src 'self'" in policy and "default-src 'self'" in policy
    assert re.findall(r'(?:href|src)="([^"]+)"', page) == ["/sub/__preview/problems.css"]
    assert preview_overlay.STYLESHEET.is_file()


def failed_build(error: Exception | None, message: str = "report") -> Abort:
    """What MkDocs raises after a plugin's error: Abort, with the PluginError as its context."""
    try:
        try:
            raise PluginError(message) from error
        except PluginError:
            raise Abort("Aborted with a BuildError!")
    except Abort as abort:
        return abort


def test_a_data_error_is_shown_problem_by_problem_with_its_excerpt():
    status = Status()
    status.failed(failed_build(DataError([Problem("data/a.yml", 2, "YAML syntax", "tab", "2 | x\n  | ^ column 1"),
                                          Problem("data/b.yml", 1, "id", "bad")])))
    assert status.shown() == ("The site cannot be built yet: data/ has 2 problems",
                              ["data/a.yml:2: YAML syntax: tab\n    2 | x\n      | ^ column 1", "data/b.yml:1: id: bad"])
    status.succeeded()
    assert status.shown() is None
    status.failed(failed_build(DataError([Problem("data/b.yml", 1, "id", "bad")])))
    assert status.shown()[0] == "Not updated: data/ has 1 problem; this page is the last good build"


@pytest.mark.parametrize("error", [failed_build(None, "docs/x.md: boom"), RuntimeError("boom")])
def test_another_failure_is_shown_in_one_line(error: BaseException):
    status = Status()
    status.failed(error)
    title, [problem] = status.shown()
    assert title == "The site cannot be built yet: the build failed"
    assert "boom" in problem and "terminal" in problem
