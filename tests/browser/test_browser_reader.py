"""What a reader does in a real browser: filter a timeline, follow and copy permalinks (search:
test_browser_search.py)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect


ROOT = Path(__file__).resolve().parents[2]


def busiest_timeline(site):
    return max(site.timelines.values(), key=lambda timeline: len(timeline.events))


def narrowing_choice(events, field: str) -> str:
    """The most frequent topic (or actor) that some events lack, so choosing it really narrows the list."""
    counts = Counter(value for event in events for value in getattr(event, field))
    return next(value for value, count in counts.most_common() if count < len(events))


def shown_event_ids(page: Page) -> list[str]:
    return page.locator("ol.x-timeline > li.x-event:visible").evaluate_all("items => items.map(li => li.dataset.event)")


def test_filter_chips_narrow_the_timeline_and_the_url_keeps_the_state(open_page, site):
    timeline = busiest_timeline(site)
    events = timeline.events
    topic = narrowing_choice(events, "topics")
    with_topic = [event for event in events if topic in event.topics]
    actor = narrowing_choice(with_topic, "actors")
    both = [event.id for event in with_topic if actor in event.actors]
    page = open_page(f"timelines/{timeline.id}/")
    count = page.locator(".x-filters__count")

    assert len(shown_event_ids(page)) == len(events), "without a filter every event shows"
    expect(count).to_have_text(f"{len(events)} of {len(events)} events")
    expect(count).to_have_attribute("aria-live", "polite")

    topic_chip = page.locator(f'.x-chip[data-filter="topic"][data-value="{topic}"]')
    topic_chip.focus()
    page.keyboard.press("Enter")  # chips work from the keyboard
    expect(topic_chip).to_have_attribute("aria-pressed", "true")
    expect(count).to_have_text(f"{len(with_topic)} of {len(events)} events")
    assert sorted(shown_event_ids(page)) == sorted(event.id for event in with_topic)

    page.locator(".x-filters__toggle").click()  # people are folded away at first
    page.locator(f'.x-chip[data-filter="actor"][data-value="{actor}"]').click()
    expect(count).to_have_text(f"{len(both)} of {len(events)} events")
    assert sorted(shown_event_ids(page)) == sorted(both)
    assert parse_qs(urlsplit(page.url).query) == {"topic": [topic], "actor": [actor]}

    page.reload()
    expect(count).to_have_text(f"{len(both)} of {len(events)} events")
    assert sorted(shown_event_ids(page)) == sorted(both)
    expect(page.locator(f'.x-chip[data-value="{actor}"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f'.x-chip[data-value="{actor}"]')).to_be_visible()  # unfolded to show the choice

    page.locator(".x-filters__clear").click()
    expect(count).to_have_text(f"{len(events)} of {len(events)} events")
    assert urlsplit(page.url).query == ""


def test_without_javascript_every_event_shows_and_no_dead_control(open_page, site):
    timeline = busiest_timeline(site)
    topic = narrowing_choice(timeline.events, "topics")
    page = open_page(f"timelines/{timeline.id}/?topic={topic}", java_script_enabled=False)
    assert len(shown_event_ids(page)) == len(timeline.events)
    expect(page.locator(".x-filters")).to_be_hidden()
    assert page.locator(".x-copy-link").count() == 0


def by_id(element_id: str) -> str:
    """A selector for an id (event ids start with a date, which '#id' does not allow)."""
    return f'[id="{element_id}"]'


def in_viewport(page: Page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }")


def test_paragraph_permalink_scrolls_to_and_highlights_the_paragraph(open_page, site):
    article = max(site.articles.values(), key=lambda a: len(a.paragraphs))
    number = sorted(article.paragraphs)[len(article.paragraphs) * 2 // 3]  # well down the page
    for scheme in ("light", "dark"):
        page = open_page(f"articles/{article.id}/#p{number}", color_scheme=scheme)
        target = f"#p{number}"
        assert page.evaluate("() => window.scrollY") > 0, "the page did not scroll"
        assert in_viewport(page, target), f"{target} is not on screen ({scheme})"
        header_bottom = page.locator(".md-header").evaluate("el => el.getBoundingClientRect().bottom")
        assert page.locator(target).evaluate("el => el.getBoundingClientRect().top") >= header_bottom - 1, \
            "the fixed header covers the paragraph"
        highlighted = page.locator(target).evaluate("el => getComputedStyle(el).outlineStyle")
        plain = page.locator(".x-para:not(:target)").first.evaluate("el => getComputedStyle(el).outlineStyle")
        assert highlighted == "solid" and plain == "none", (scheme, highlighted, plain)
        background = page.locator(target).evaluate("el => getComputedStyle(el).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background


def test_event_permalink_highlights_the_event_even_when_a_filter_would_hide_it(open_page, site):
    timeline = busiest_timeline(site)
    topic = narrowing_choice(timeline.events, "topics")
    hidden_event = next(event for event in timeline.events if topic not in event.topics)
    page = open_page(f"timelines/{timeline.id}/?topic={topic}#{hidden_event.id}")
    item = page.locator(f'li.x-event[data-event="{hidden_event.id}"]')
    expect(item).to_be_visible()
    assert in_viewport(page, by_id(hidden_event.id))
    header_bottom = page.locator(".md-header").evaluate("el => el.getBoundingClientRect().bottom")
    date_top = item.locator(".x-event__date").evaluate("el => el.getBoundingClientRect().top")
    assert date_top >= header_bottom - 1, "the fixed header covers the event's date"
    assert item.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


def test_copy_link_copies_the_absolute_permalink_and_says_so(open_page, site):
    article = next(iter(site.articles.values()))
    page = open_page(f"articles/{article.id}/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button = page.locator("#p2 .x-copy-link")
    expect(button).to_have_accessible_name(re.compile("Copy link to paragraph 2"))
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_contain_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url.split("#")[0].split("?")[0] + "#p2"
    timeline = busiest_timeline(site)
    page = open_page(f"timelines/{timeline.id}/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first = timeline.events[0].id
    page.locator(f"{by_id(first)} .x-copy-link").click()
    expect(page.locator(f"{by_id(first)} .x-copy-link")).to_contain_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()").endswith(f"/timelines/{timeline.id}/#{first}")
