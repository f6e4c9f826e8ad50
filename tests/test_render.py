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


def test_editors_note_follows_its_paragraph_in_the_sites_voice(pages):
    page = pages["articles/example-harbour-talks.md"]
    paragraph, note, next_paragraph = page.index('id="p1"'), page.index('<aside class="x-note"'), page.index('id="p2"')
    assert paragraph < note < next_paragraph  # right after the paragraph it qualifies
    assert page.count('<aside class="x-note"') == 1
    aside = page[note:page.index("</aside>", note)]
    assert 'aria-label="Editors\' note on paragraph 1"' in aside
    assert 'Editors\' note, <time datetime="2030-04-01">1 April 2030</time>' in aside
    assert "The invented white paper had proposed the ferry route" in aside
    assert '<span class="x-label">Sources:</span> <a href="../../references/#example-white-paper"' in aside


def test_events_citing_a_noted_paragraph_show_the_note(pages):
    page = pages["timelines/example-relations.md"]
    event = page[page.index('data-event="example-harbour-meeting"'):]
    event = event[:event.index("</li>")]
    assert ('aria-label="Editors\' note on paragraph 1 of Fictional example: ministers meet at Example Harbour"'
            in event)
    assert '<a href="../../articles/example-harbour-talks/#p1">¶1 of <cite>' in event
    assert page.count('<aside class="x-note"') == 1  # only the event citing harbour-talks p1


def test_note_and_status_text_is_escaped(data_copy):
    harbour = data_copy / "articles" / "example-harbour-talks.md"
    harbour.write_text(harbour.read_text(encoding="utf-8").replace(
        "The invented white paper had", "<script>alert(1)</script> The invented white paper had"), encoding="utf-8")
    topics = data_copy / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "text: The fictional ferry agreement", "text: <b>The</b> fictional ferry agreement"), encoding="utf-8")
    site = load_site(data_copy)
    rendered = render_site(site, golden_context(site))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered["articles/example-harbour-talks.md"]
    assert "<script>" not in rendered["timelines/example-relations.md"]
    assert "<p>&lt;b&gt;The&lt;/b&gt; fictional ferry agreement" in rendered["topics/example-trade.md"]


def test_topic_status_follows_the_lede(pages):
    page = pages["topics/example-trade.md"]
    lede, status = page.index('<p class="x-lede">'), page.index('<section class="x-status-now" aria-labelledby="now">')
    assert lede < status and page.index("</p>", lede) < status
    section = page[status:page.index("</section>", status)]
    assert '<h2 id="now">Where things stand</h2>' in section
    assert '<p class="x-muted">As of <time datetime="2030-04">April 2030</time></p>' in section
    assert "<p>The fictional ferry agreement is signed and due for review in 2031.</p>" in section
    assert '<p class="x-muted">Sources: <cite>' in section and "#example-white-paper" in section
    assert "x-status-now" not in pages["topics/example-fisheries.md"]


def test_a_quote_in_an_article_and_an_event_shows_once_on_the_person_page():
    """Cho Tae-yul's p14 quote stands in the article's front matter and in an event: listed once."""
    site = load_site(ROOT / "data")
    pages = render_site(site, golden_context(site))
    [use] = [use for use in site.quotes if use.quote.source == "2024-05-cho-tae-yul-beijing-talks#p14"
             and use.event is not None]
    words = text(use.quote.text)
    assert use.quote.said_by == "cho-tae-yul"
    person = pages[urls.person("cho-tae-yul")]
    said = person[person.index('<h2 id="quotes">'):person.index("<h2", person.index('<h2 id="quotes">') + 1)]
    assert said.count(f"<blockquote><p>{words}</p></blockquote>") == 1  # (its event, listed below, shows it too)
    assert pages["quotes.md"].count(f"<blockquote><p>{words}</p></blockquote>") == 1
