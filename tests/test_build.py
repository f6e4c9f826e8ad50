"""One real `mkdocs build --strict` of the site, with assertions on the HTML a reader gets."""

from __future__ import annotations

import re
from pathlib import Path

from hooks.content.model import PARAGRAPH_SOURCE
from tests.html_index import resolve
from tests.search_fragments import fragments

ROOT = Path(__file__).resolve().parents[1]


def expected_pages(site) -> list[str]:
    fixed = ["", "articles/", "timelines/", "people/", "topics/", "quotes/", "glossary/", "references/", "about/"]
    return (fixed + [f"articles/{a}/" for a in site.articles] + [f"timelines/{t}/" for t in site.timelines]
            + [f"people/{p}/" for p in site.people] + [f"topics/{t}/" for t in site.topics])


def test_every_page_exists(site, pages):
    missing = [url for url in expected_pages(site) if url not in pages]
    assert not missing, f"pages not built: {missing}"


def test_every_event_and_paragraph_has_its_anchor(site, pages):
    for timeline in site.timelines.values():
        ids = pages[f"timelines/{timeline.id}/"].ids
        assert {event.id for event in timeline.events} <= ids
    for article in site.articles.values():
        ids = pages[f"articles/{article.id}/"].ids
        assert {f"p{n}" for n in article.paragraphs} <= ids


def test_every_internal_link_resolves_to_an_existing_page_and_anchor(pages):
    broken = []
    for url, page in pages.items():
        for href in page.links:
            target = resolve(url, href)
            if target is None:
                continue
            path, anchor = target
            if path not in pages and not path.endswith((".json", ".csv", ".xml", ".css", ".js")):
                broken.append(f"{url} -> {href} (no page {path!r})")
            elif anchor and path in pages and anchor not in pages[path].ids:
                broken.append(f"{url} -> {href} (no #{anchor} on {path!r})")
    assert not broken, "\n".join(broken[:30])


def test_event_sources_link_to_the_exact_paragraph(site, pages):
    for timeline in site.timelines.values():
        url = f"timelines/{timeline.id}/"
        links = {resolve(url, href) for href in pages[url].links}
        for event in timeline.events:
            for source in event.sources:
                if match := PARAGRAPH_SOURCE.fullmatch(source):
                    assert (f"articles/{match['article']}/", f"p{match['number']}") in links, (event.id, source)


def test_glossary_terms_are_tooltips_in_article_text(site, pages):
    tooltips = {text for page_url in (f"articles/{a}/" for a in site.articles) for text, _ in pages[page_url].abbrs}
    terms_in_text = {term.term for term in site.terms.values()
                     if any(re.search(rf"(?<![\w-]){re.escape(term.term)}(?![\w-])", block.text)
                            for article in site.articles.values() for block in article.blocks)}
    assert terms_in_text, "expected some glossary term to appear in an article"
    assert terms_in_text <= tooltips, f"terms without tooltip: {terms_in_text - tooltips}"
    home_tooltips = {text for text, _ in pages[""].abbrs}
    assert home_tooltips, "hand-written pages get glossary tooltips too"


def test_the_search_index_holds_each_page_once_with_its_kind_and_clean_titles(built_site: Path):
    assert not (built_site / "search" / "search_index.json").exists(), "Material's one-file index is gone"
    records = {record["url"]: record for record in fragments(built_site)}
    indexed = {"/" + path.relative_to(built_site).parent.as_posix().removeprefix(".") + "/"
               for path in built_site.rglob("index.html") if "data-pagefind-body" in path.read_text(encoding="utf-8")}
    assert set(records) == {url.replace("//", "/") for url in indexed}
    assert "/search/" not in records, "the search page (search: exclude) is not indexed"
    person = records["/people/cho-tae-yul/"]
    assert person["meta"] == {"kind": "Person", "title": "Cho Tae-yul"}
    assert "조태열" in person["content"] and "태열" in person["content"].replace("조태열", "")  # the given name alone
    timeline = records["/timelines/china-south-korea/"]
    assert timeline["meta"]["kind"] == "Timeline" and timeline["meta"]["item"] == "Event"
    events = [anchor for anchor in timeline["anchors"] if anchor["element"] == "h3"]
    assert events and all(not anchor["text"].endswith("#") for anchor in events), "no permalink sign in titles"
    assert {records[url]["meta"]["kind"] for url in records} >= {"Article", "Person", "Topic", "Timeline", "Glossary"}
    assert all("¶" not in record["meta"]["title"] for record in records.values())


def test_no_page_loads_anything_from_another_host(built_site: Path, pages):
    remote = [(url, load) for url, page in pages.items() for load in page.loads
              if load.startswith(("http:", "https:", "//"))]
    assert not remote, remote[:10]
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), f"{css} loads a remote resource"
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))


def test_nothing_is_written_into_docs():
    generated = [p for p in (ROOT / "docs").rglob("*.md") if p.name not in ("index.md", "about.md", "search.md")]
    assert not generated, f"generated pages must stay virtual: {generated}"


def test_provenance_says_what_is_not_recorded(site, built_site: Path):
    for article in site.articles.values():
        html = (built_site / "articles" / article.id / "index.html").read_text(encoding="utf-8")
        if article.meta.publisher is None:
            assert "not recorded" in html
        assert article.meta.source_file in html
