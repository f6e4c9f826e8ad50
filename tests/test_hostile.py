"""Hostile and broken inputs (tests/hostile/manifest.yml): each gets its exact problems, or a real
build in which it shows as text and no page carries active markup from content."""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bench.long_timeline import add_long_timeline
from hooks.content.load import load_site
from hooks.content.problems import DataError
from tests.conftest import FIXTURE_DATA, ROOT, build_site
from tests.fixture_site import fixture_project, lay_over
from tests.html_safety import unsafe_markup, visible_text
from tests.search_fragments import fragments

HOSTILE = ROOT / "tests" / "hostile"
CASES = yaml.safe_load((HOSTILE / "manifest.yml").read_text(encoding="utf-8"))
REFUSED = [case for case in CASES if "problems" in case]
SHOWN = [case for case in CASES if "shows" in case]
SITE_NAME = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)[1]


def case_id(case: dict) -> str:
    return case["case"]


def hostile_data(case: dict, parent: Path) -> Path:
    """parent/data: the minimal fixture with the case's folder laid over it and its `make` step done."""
    data = parent / "data"
    shutil.copytree(FIXTURE_DATA, data)
    if (HOSTILE / case["case"]).is_dir():
        lay_over(data, HOSTILE / case["case"])
    make = case.get("make", {})
    if "pad" in make:  # a comment line long enough to reach the size
        path = data / make["pad"]
        size = path.stat().st_size
        path.write_bytes(path.read_bytes() + b"#" + b"x" * (make["bytes"] - size - 2) + b"\n")
        assert path.stat().st_size == make["bytes"]
    if "link" in make:
        path = data / make["link"]
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        os.symlink(make["to"], path)
    if "long_timeline" in make:  # too big for git: bench/long_timeline.py writes it
        add_long_timeline(data, make["long_timeline"])
    return data


def test_every_folder_is_a_case_and_every_case_says_what_it_gets():
    folders = {path.name for path in HOSTILE.iterdir() if path.is_dir()}
    named = [case["case"] for case in CASES]
    assert len(named) == len(set(named)), "a case is listed twice"
    assert folders == {case["case"] for case in CASES if "make" not in case}
    for case in CASES:
        assert case.get("input"), f"{case['case']}: say what the input is"
        assert ("problems" in case) != ("shows" in case), f"{case['case']}: either problems or shows"


@pytest.mark.parametrize("case", REFUSED, ids=case_id)
def test_refused_input_gets_exactly_its_problems(case: dict, tmp_path: Path):
    data = hostile_data(case, tmp_path)
    with pytest.raises(DataError) as caught:
        load_site(data)
    assert [str(problem) for problem in caught.value.problems] == case["problems"]


@pytest.fixture(scope="module")
def shown_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every 'shows' case, built for real (`mkdocs build --strict`), two at a time."""
    def build(case: dict) -> tuple[str, Path]:
        parent = tmp_path_factory.mktemp(case["case"])
        project = fixture_project(parent / "project", data=hostile_data(case, parent))
        result = build_site(project, parent / "site")
        assert result.returncode == 0, f"{case['case']}: the build failed:\n{result.stderr[-3000:]}"
        assert "WARNING" not in result.stderr, f"{case['case']}:\n{result.stderr[-3000:]}"
        assert "Traceback" not in result.stderr
        return case["case"], parent / "site"

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(build, SHOWN))


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", SHOWN, ids=case_id)
def test_hostile_text_is_shown_exactly_as_written(case: dict, shown_sites: dict[str, Path]):
    site = shown_sites[case["case"]]
    for url, texts in case["shows"].items():
        shown = visible_text(page_html(site, url))
        for text in texts:
            assert " ".join(text.split()) in shown, f"{url or 'home'} does not show {text!r} as text"


@pytest.mark.parametrize("case", SHOWN, ids=case_id)
def test_no_page_of_a_hostile_build_carries_active_markup(case: dict, shown_sites: dict[str, Path]):
    site = shown_sites[case["case"]]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    findings = {str(path.relative_to(site)): found for path in pages if (found := unsafe_markup(path.read_text("utf-8")))}
    assert not findings, findings
    # The index holds the pages' text (search.js shows it as text); titles too.
    for record in fragments(site):
        assert not unsafe_markup(record["meta"]["title"]), record["url"]


class _TagCounter(HTMLParser):
    """The tags inside the element with a given class (the article text)."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class, self.depth, self.tags = css_class, 0, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "meta", "link")
            self.tags.append(tag)
        elif self.css_class in dict(attrs).get("class", "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1


@pytest.mark.parametrize("name", ["body-raw-html", "body-markdown-injection"])
def test_article_text_stays_paragraphs_whatever_it_contains(name: str, shown_sites: dict[str, Path]):
    counter = _TagCounter("x-article-text")
    counter.feed(page_html(shown_sites[name], "articles/example-harbour-talks/"))
    # Numbered paragraphs with their ¶ link, glossary tooltips, and `## ` section headings: nothing else.
    assert set(counter.tags) <= {"p", "a", "abbr", "h2"}, set(counter.tags)
    assert counter.tags.count("h2") == (1 if name == "body-raw-html" else 0)


def test_a_title_full_of_syntax_reaches_title_header_and_search_as_written(shown_sites: dict[str, Path]):
    case = next(case for case in SHOWN if case["case"] == "title-special-characters")
    title = case["shows"]["articles/example-harbour-talks/"][0]
    html = page_html(shown_sites[case["case"]], "articles/example-harbour-talks/")

    class Title(HTMLParser):
        inside, text = False, ""

        def handle_starttag(self, tag, attrs):
            self.inside = tag in ("title", "h1")

        def handle_data(self, data):
            if self.inside:
                self.text += data + "\n"
                self.inside = False

    parser = Title(convert_charrefs=True)
    parser.feed(html)
    assert f"{title} - {SITE_NAME}" in parser.text.splitlines()
    assert title in parser.text.splitlines()  # the page heading
    titles = [record["meta"]["title"] for record in fragments(shown_sites[case["case"]])
              if record["url"] == "/articles/example-harbour-talks/"]
    assert titles == [" ".join(title.split())]


def test_a_glossary_term_with_line_breaks_adds_nothing_to_hand_written_pages(shown_sites: dict[str, Path]):
    home = page_html(shown_sites["glossary-term-line-break"], "")
    assert "Injected heading" not in home and "alert(" not in home
    assert home.count("<h1") == 1
