"""Readers report a mistake: with a repository address (REPO_URL, as CI sets it) the About and corrections
pages link the issue form and each page's edit button opens the file behind it; without one, the pages
say how in words and link nowhere. The footer and the About page state the licences. Real builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.render.report import data_file
from tests.conftest import build_site
from tests.fixture_site import fixture_project

REPO = "https://github.com/example-org/example-explainer"  # a made-up address; nothing is fetched from it


def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repo_url: str | None) -> Path:
    if repo_url:
        monkeypatch.setenv("REPO_URL", repo_url)
    else:
        monkeypatch.delenv("REPO_URL", raising=False)
    project = fixture_project(tmp_path / "project")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return tmp_path / "site"


def edit_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"[^>]*rel="edit"', html)


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_with_a_repository_readers_get_the_form_and_edit_links_to_the_data_file(tmp_path, monkeypatch):
    site = built(tmp_path, monkeypatch, REPO)
    form = f'href="{REPO}/issues/new?template=correction.yml"'
    assert form in page(site, "about") and form in page(site, "corrections")
    expected = {
        "articles/example-harbour-talks": f"{REPO}/edit/main/data/articles/example-harbour-talks.md",
        "timelines/example-relations": f"{REPO}/edit/main/data/timelines/example-relations.yml",
        "people/example-minister-kim": f"{REPO}/edit/main/data/people.yml",
        "glossary": f"{REPO}/edit/main/data/glossary.yml",
        "references": f"{REPO}/edit/main/data/references.yml",
        "about": f"{REPO}/edit/main/docs/about.md",
    }
    for path, url in expected.items():
        assert edit_links(page(site, path)) == [url], path
    for path in ("timelines", "articles", "quotes", "corrections"):  # gathered from many files: no single file to edit
        assert edit_links(page(site, path)) == [], path
    header = page(site, "about")
    assert f'<a href="{REPO}" title="Go to repository" class="md-source">' in header
    assert 'data-md-component="source"' not in header  # Material would fetch api.github.com, which the CSP blocks


def test_without_a_repository_the_pages_say_how_in_words_and_link_nowhere(tmp_path, monkeypatch):
    site = built(tmp_path, monkeypatch, None)
    about = page(site, "about")
    assert "Found a mistake? Please tell whoever published this copy of the site" in about
    assert "Found a mistake?" in page(site, "corrections")
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert 'rel="edit"' not in html and "md-source" not in html and "issues/new" not in html, html_file


def test_the_footer_and_the_about_page_state_the_licences(built_site: Path):
    for path in ("", "about", "timelines/china-south-korea", "data"):
        footer = page(built_site, path).split('<div class="md-copyright">', 1)[1][:800]
        assert "MIT licence" in footer and "CC BY 4.0" in footer and "quoted here for commentary" in footer, path
    about = page(built_site, "about")
    assert 'id="licence"' in about and "creativecommons.org/licenses/by/4.0/" in about
    assert "CC BY 4.0" in page(built_site, "data") and (Path(__file__).parents[1] / "LICENSE").read_text().startswith("MIT License")


@pytest.mark.parametrize(("page_path", "expected"), [
    ("articles/2024-05-x.md", "data/articles/2024-05-x.md"), ("articles/index.md", None),
    ("articles/years/2024.md", None), ("timelines/china.md", "data/timelines/china.yml"),
    ("people/cho-tae-yul.md", "data/people.yml"), ("people/cho-tae-yul/2024.md", "data/people.yml"),
    ("topics/taiwan.md", "data/topics.yml"), ("glossary.md", "data/glossary.yml"), ("quotes.md", None),
    ("index.md", None), ("data.md", None)])
def test_each_generated_page_edits_the_file_it_is_made_from(page_path: str, expected: str | None):
    assert data_file(page_path) == expected
