"""The pure renderer: golden Markdown for the fixture data, and the rules every page relies on."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from hooks import render, urls
from hooks.load import load_site, read_site
from hooks.model import Term
from hooks.problems import DataError
from hooks.render import jobs, render_site
from hooks.render.common import Context, paragraph_link
from hooks.render.html import Glossary, inert_markdown, link, text

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


def test_html_made_once_per_depth_is_what_each_page_would_make_alone(pages):
    site = load_site(FIXTURE)
    alone = {}
    for job in jobs(site):  # each page with a context of its own: nothing made for another page is reused
        alone |= job(golden_context(site))
    assert alone == pages


def test_rendering_is_deterministic(pages):
    site = load_site(FIXTURE)
    assert render_site(site, golden_context(site)) == pages


def test_the_check_runs_while_another_process_renders_and_a_failing_one_stops_it(data_copy, monkeypatch):
    monkeypatch.setattr(render, "PARALLEL_FROM", 0)  # the small fixture in two processes
    timeline = data_copy / "timelines" / "example-relations.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("- example-minister-kim\n", "- nobody\n"),
                        encoding="utf-8")
    with pytest.raises(DataError) as loading:
        load_site(data_copy)
    site, check = read_site(data_copy)
    rendering_beside = []

    def checking() -> None:
        rendering_beside.append(len(multiprocessing.active_children()))
        check()

    with pytest.raises(DataError) as rendering:
        render_site(site, processes=2, check=checking)
    assert rendering_beside == [1]
    assert multiprocessing.active_children() == []  # stopped, its pages dropped
    assert rendering.value.problems == loading.value.problems
    assert "unknown person 'nobody'" in str(rendering.value)


def test_a_passing_check_gives_the_pages_of_a_checked_site(pages, monkeypatch):
    monkeypatch.setattr(render, "PARALLEL_FROM", 0)
    site, check = read_site(FIXTURE)
    checks = []
    checked = render_site(site, golden_context(site), processes=2, check=lambda: checks.append(check()))
    assert checks == [None]
    assert checked == pages
    assert list(checked) == list(pages)


def test_relative_links_between_pages():
    assert urls.link(urls.article("a"), urls.timeline("t"), "ev") == "../../timelines/t/#ev"
    assert urls.link(urls.HOME, urls.person("p")) == "people/p/"
    assert urls.link(urls.QUOTES, urls.article("a"), "p3") == "../articles/a/#p3"
    assert urls.link(urls.person("p"), urls.PEOPLE) == "../../people/"
    assert urls.link(urls.HOME, urls.HOME) == "./"
    assert urls.link(urls.person_year("p", 2024), urls.person("p"), "quotes") == "../../../people/p/#quotes"
    assert urls.file_link(urls.DATA, urls.EVENTS_JSON) == "../data/events.json"


def test_a_link_is_written_alike_from_every_page_at_one_depth():
    """So that per_depth may make HTML that links to other pages once per depth, not once per page."""
    for target, anchor in [(urls.timeline("t"), "ev"), (urls.person("p"), ""), (urls.HOME, "")]:
        assert urls.link(urls.timeline("t"), target, anchor) == urls.link(urls.person("q"), target, anchor)
    assert urls.link(urls.timeline("t"), urls.timeline("t"), "ev") == "../../timelines/t/#ev"  # a jump within the page


@pytest.mark.parametrize("title", ["Plain", 'Tom & "Jerry" <i>', "Spaced  out\tand trailing ", " leading", "x,"])
def test_a_paragraph_link_is_the_link_written_out_in_full(title):
    """paragraph_link puts the number into parts made once per article; the result is link()'s own."""
    site = load_site(FIXTURE)
    article = next(iter(site.articles.values()))
    site.articles[article.id] = replace(article, meta=article.meta.model_copy(update={"title": title}))
    here = urls.person("p")
    in_full = link(urls.link(here, urls.article(article.id), "p12"), "¶12", class_="x-source",
                   aria_label=f"{title}, paragraph 12")
    assert paragraph_link(golden_context(site), here, article.id, 12) == in_full


def test_text_is_escaped_and_markdown_inert():
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    inert = inert_markdown("**bold** [x](javascript:y) {: .c} <b>")
    for active in ("*", "[", "{", "<"):
        assert active not in inert


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
