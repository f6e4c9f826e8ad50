"""Corrections are first-class: shown on the corrected page and listed, newest first, on /corrections/."""

from __future__ import annotations

import re
from pathlib import Path

from hooks import urls
from hooks.content.load import load_site
from hooks.render import render_site
from tests.html_index import index_site, resolve

EVENT_CORRECTION = """    corrections:
      - date: "2030-03-28"
        note: The meeting was at Example Harbour, not Sample Bay as first written.
      - date: "2030-04"
        note: "Added the minister's quote <as said> & its source."
"""
ARTICLE_CORRECTION = """corrections:
  - date: "2030-04-02"
    note: The agreement was signed by two fictional ministers, not three.
"""


def add_corrections(data: Path) -> None:
    timeline = data / "timelines" / "example-relations.yml"
    text = timeline.read_text(encoding="utf-8")
    anchor = '    sources: ["example-harbour-talks#p1"]\n'
    assert text.count(anchor) == 1
    timeline.write_text(text.replace(anchor, anchor + EVENT_CORRECTION), encoding="utf-8")
    article = data / "articles" / "example-ferry-agreement.md"
    front, _, body = article.read_text(encoding="utf-8").partition("\n---\n")
    article.write_text(f"{front}\n{ARTICLE_CORRECTION}---\n{body}", encoding="utf-8")


def test_corrections_page_lists_every_correction_newest_first_with_links(data_copy: Path):
    add_corrections(data_copy)
    pages = render_site(load_site(data_copy))
    page = pages[urls.CORRECTIONS]
    items = re.findall(r'<li class="x-correction">(.*?)</li>', page, re.DOTALL)
    notes = [re.findall(r"<p>([^<]*)</p>", item)[-1] for item in items]
    assert notes == [
        "The agreement was signed by two fictional ministers, not three.",  # 2 April 2030
        "Added the minister&#39;s quote &lt;as said&gt; &amp; its source.",  # April 2030 (month precision)
        "The meeting was at Example Harbour, not Sample Bay as first written.",  # 28 March 2030
    ]
    assert '<time datetime="2030-03-28">28 March 2030</time>' in items[-1]
    event_link = urls.link(urls.CORRECTIONS, urls.timeline("example-relations"), "example-harbour-meeting")
    article_link = urls.link(urls.CORRECTIONS, urls.article("example-ferry-agreement"))
    assert f'<a href="{event_link}">Example ministers meet at Example Harbour</a>' in page
    assert f'<a href="{article_link}">Fictional example: a ferry agreement is signed</a>' in page
    assert "No corrections so far" not in page


def test_dates_of_any_precision_sort_as_on_the_timelines(data_copy: Path):
    """By earliest possible day, then latest, like events: '2030-04-02' before '2030-04' (from 1 April)."""
    add_corrections(data_copy)
    page = render_site(load_site(data_copy))[urls.CORRECTIONS]
    dates = re.findall(r'<time datetime="([^"]+)">', page)
    assert dates == ["2030-04-02", "2030-04", "2030-03-28"]


def test_the_corrected_pages_show_their_corrections(data_copy: Path):
    add_corrections(data_copy)
    pages = render_site(load_site(data_copy))
    timeline = pages[urls.timeline("example-relations")]
    event = timeline[timeline.index('id="example-harbour-meeting"'):]
    event = event[:event.index("</li>\n<li") if "</li>\n<li" in event else len(event)]
    assert "Corrections" in event and "not Sample Bay as first written" in event
    assert "&lt;as said&gt; &amp; its source" in event  # escaped, never markup
    assert "two fictional ministers, not three" in pages[urls.article("example-ferry-agreement")]


def test_without_corrections_the_page_says_so(data_copy: Path):
    page = render_site(load_site(data_copy))[urls.CORRECTIONS]
    assert "No corrections so far." in page


def test_corrections_page_is_built_and_in_the_navigation(built_site: Path):
    pages = index_site(built_site)
    assert "corrections/" in pages
    assert any((resolve("", href) or ("",))[0] == "corrections/" for href in pages[""].links)
