"""The pure renderer: golden Markdown for the fixture data, and the rules every page relies on."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from hooks import urls
from hooks.content.load import load_site
from hooks.content.model import Term
from hooks.render import render_site
from hooks.render.common import Context
from hooks.render.html import Glossary, text

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal" / "data"
GOLDEN = ROOT / "tests" / "golden"
# Fixed, so the golden pages do not change with the calendar (scheduled events depend on "today").
GOLDEN_TODAY = date(2026, 1, 1)


def golden_context(site) -> Context:
    return Context(site, site_name="Example explainer", site_url="https://example.org/explainer/", today=GOLDEN_TODAY)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    site = load_site(FIXTURE)
    return render_site(site, golden_context(site))


def test_golden_pages(pages):
    """Compare with tests/golden/; after an intended change, regenerate with UPDATE_GOLDEN=1."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for stale in GOLDEN.rglob("*.md"):
            stale.unlink()
        for path, content in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(content, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, content in pages.items():
        assert content == expected[path], f"{path} differs from tests/golden/{path} (UPDATE_GOLDEN=1 to accept)"


def test_rendering_is_deterministic(pages):
    site = load_site(FIXTURE)
    assert render_site(site, golden_context(site)) == pages


def test_relative_links_between_pages():
    assert urls.link(urls.article("a"), urls.timeline("t"), "ev") == "../../timelines/t/#ev"
    assert urls.link(urls.HOME, urls.person("p")) == "people/p/"
    assert urls.link(urls.QUOTES, urls.article("a"), "p3") == "../articles/a/#p3"
    assert urls.link(urls.person("p"), urls.PEOPLE) == "../../people/"
    assert urls.link(urls.HOME, urls.HOME) == "./"
    assert urls.link(urls.person_year("p", 2024), urls.person("p"), "quotes") == "../../../people/p/#quotes"
    assert urls.file_link(urls.DATA, urls.EVENTS_JSON) == "../data/events.json"


def test_text_is_escaped():
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_glossary_marks_whole_words_longest_first():
    glossary = Glossary([
        Term(id="un", term="UN", definition="United Nations"),
        Term(id="unsc", term="UN Security Council", definition="The council", aliases=["UNSC"]),
    ])
    marked = glossary.mark("The UN Security Council and the UN, not UNESCO; UNSC <b>")
    assert marked.count("<abbr") == 3
    assert '<abbr title="The council">UN Security Council</abbr>' in marked
    assert "UNESCO" in marked and "&lt;b&gt;" in marked


def test_article_page_has_paragraph_anchors_and_provenance(pages):
    page = pages["articles/example-harbour-talks.md"]
    assert 'id="p1"' in page and 'href="#p1"' in page
    assert "not recorded" in page
