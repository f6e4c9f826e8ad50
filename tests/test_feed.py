"""The Atom feed as a feed reader sees it (feedparser): dates with precision become documented
timestamps, corrections make an entry "updated", and text from data/ is escaped."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import feedparser
import yaml

from hooks.content.dates import parse_date
from hooks.publish.feed import MAX_ENTRIES, atom_feed, timestamp
from hooks.content.load import load_site
from hooks.content.schedule import is_upcoming

SITE_URL = "https://example.org/explainer/"
TODAY = date(2030, 6, 1)


def parsed(site, **kwargs):
    feed = feedparser.parse(atom_feed(site, site_url=SITE_URL, site_name=kwargs.pop("site_name", "Example"),
                                      today=TODAY, **kwargs))
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_a_date_becomes_noon_utc_on_the_first_day_it_can_mean():
    assert timestamp(parse_date("2024-05-13")) == "2024-05-13T12:00:00Z"
    assert timestamp(parse_date("2024-05")) == "2024-05-01T12:00:00Z"
    assert timestamp(parse_date("2017~")) == "2017-01-01T12:00:00Z"
    assert timestamp(parse_date("2024-05-26/2024-05-27")) == "2024-05-26T12:00:00Z"


def test_entries_carry_their_dates_and_link_to_their_permalinks(data_copy):
    site = load_site(data_copy)
    feed = parsed(site)
    entries = {entry.id: entry for entry in feed.entries}
    for timeline, event in site.events.values():
        if event.status == "scheduled":
            continue
        entry = entries[f"{SITE_URL}timelines/{timeline.id}/#{event.id}"]
        assert entry.link == entry.id and entry.title == " ".join(event.headline.split())
        assert calendar.timegm(entry.published_parsed) == calendar.timegm(event.date.earliest.timetuple()) + 12 * 3600
        assert event.date.display() in entry.summary
    for article in site.articles.values():
        entry = entries[f"{SITE_URL}articles/{article.id}/"]
        assert entry.title == article.meta.title
        assert entry.published_parsed[:3] == article.meta.published.earliest.timetuple()[:3]


def test_a_correction_updates_the_entry_and_brings_it_to_the_top(data_copy):
    path = data_copy / "timelines" / "example-relations.yml"
    timeline = yaml.safe_load(path.read_text(encoding="utf-8"))
    event = next(e for e in timeline["events"] if e["id"] == "example-white-paper-published")
    event["corrections"] = [{"date": "2030-05-02", "note": "The invented route was misnamed."}]
    path.write_text(yaml.safe_dump(timeline, allow_unicode=True, sort_keys=False), encoding="utf-8")
    feed = parsed(load_site(data_copy))
    first = feed.entries[0]
    assert first.id.endswith("#example-white-paper-published")
    assert first.published_parsed[:3] == (2030, 2, 1), "published: its own date (February 2030)"
    assert first.updated_parsed[:3] == (2030, 5, 2), "updated: the correction's date"
    assert "The invented route was misnamed." in first.summary
    assert feed.feed.updated_parsed[:3] == (2030, 5, 2), "the feed is as new as its newest entry"


def test_text_from_data_is_escaped(data_copy):
    path = data_copy / "timelines" / "example-relations.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "headline: Example ministers meet at Example Harbour",
        "headline: 'Ministers <b>meet</b> & talk ]]> \"here\"'"), encoding="utf-8")
    feed = parsed(load_site(data_copy), site_name="Tom & Jerry <explainer>")
    assert feed.feed.title == "Tom & Jerry <explainer>"
    assert any(entry.title == 'Ministers <b>meet</b> & talk ]]> "here"' for entry in feed.entries)


def test_the_feed_keeps_only_the_newest_entries(monkeypatch):
    site = load_site(Path(__file__).resolve().parents[1] / "data")
    everything = parsed(site).entries
    happened = sum(not is_upcoming(event, TODAY) for _, event in site.events.values())
    assert len(everything) == min(MAX_ENTRIES, len(site.articles) + happened)
    monkeypatch.setattr("hooks.publish.feed.MAX_ENTRIES", 3)
    assert [entry.id for entry in parsed(site).entries] == [entry.id for entry in everything[:3]]
    newest = max(event.date.earliest for _, event in site.events.values() if not is_upcoming(event, TODAY))
    assert date(*everything[0].updated_parsed[:3]) >= newest
