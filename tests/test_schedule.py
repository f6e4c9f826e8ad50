"""What's next: scheduled events wait in "Upcoming" until their date has passed, then join the timeline
and are flagged for review. "Today" is fixed in every test (the fixture's scheduled event is "2031~")."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest

from hooks import urls
from hooks.check import main as check_main
from hooks.publish.export import generated_files
from hooks.publish.feed import atom_feed
from hooks.content.load import load_site
from hooks.render import render_site
from hooks.render.common import OVERDUE_LABEL, Context
from hooks.render.home import latest_events, upcoming_block
from hooks.content.schedule import is_upcoming, review_notes
from tests.conftest import FIXTURE_DATA, build_site, copy_project

SCHEDULED = "example-ferry-review"  # status: scheduled, date "2031~" (any day of 2031)
BEFORE, LAST_DAY, AFTER = date(2030, 6, 1), date(2031, 12, 31), date(2032, 1, 1)
SITE_URL = "https://example.org/"


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE_DATA)


def timeline_parts(site, today: date) -> tuple[str, str]:
    """The timeline page split at its "Upcoming" heading: (the timeline, the upcoming section)."""
    page = render_site(site, Context(site, site_url=SITE_URL, today=today))[urls.timeline("example-relations")]
    main, _, upcoming = page.partition('<h2 id="upcoming">')
    return main, upcoming


def test_an_event_is_upcoming_until_the_last_day_its_date_can_mean(site):
    _, event = site.events[SCHEDULED]
    assert is_upcoming(event, BEFORE) and is_upcoming(event, LAST_DAY)
    assert not is_upcoming(event, AFTER)
    confirmed = [e for _, e in site.events.values() if e.status != "scheduled"]
    assert confirmed and not any(is_upcoming(e, BEFORE) for e in confirmed), "only scheduled events are upcoming"


def test_before_its_date_it_is_upcoming_on_the_home_page_and_apart_on_its_timeline(site):
    ctx = Context(site, site_url=SITE_URL, today=BEFORE)
    block = upcoming_block(ctx)
    assert block.startswith("## Upcoming")
    assert f'href="timelines/example-relations/#{SCHEDULED}"' in block
    assert SCHEDULED not in latest_events(ctx), "not among the latest events before it happens"
    main, upcoming = timeline_parts(site, BEFORE)
    assert f'id="{SCHEDULED}"' in upcoming and f'data-event="{SCHEDULED}"' not in main
    assert "3 events" in main


def test_after_its_date_it_moves_into_the_timeline_labelled_for_what_it_is(site):
    ctx = Context(site, site_url=SITE_URL, today=AFTER)
    assert upcoming_block(ctx) == "", "no Upcoming section when nothing is upcoming"
    assert SCHEDULED in latest_events(ctx)
    main, upcoming = timeline_parts(site, AFTER)
    assert upcoming == ""
    assert f'id="{SCHEDULED}"' in main and OVERDUE_LABEL in main
    assert main.index('data-event="example-ferry-agreement-signed"') < main.index(f'data-event="{SCHEDULED}"'), \
        "in date order"


def test_the_feed_carries_it_only_once_its_date_has_passed(site):
    def entry_ids(today):
        feed = feedparser.parse(atom_feed(site, site_url=SITE_URL, site_name="Example", today=today))
        return {entry.id for entry in feed.entries}
    permalink = f"{SITE_URL}timelines/example-relations/#{SCHEDULED}"
    assert permalink not in entry_ids(LAST_DAY)
    assert permalink in entry_ids(AFTER)


def test_after_its_date_it_is_listed_for_review_with_file_and_line(site, capsys):
    assert review_notes(site, LAST_DAY) == []
    notes = review_notes(site, AFTER)
    assert len(notes) == 1
    note = notes[0]
    lines = (FIXTURE_DATA / "timelines" / "example-relations.yml").read_text(encoding="utf-8").splitlines()
    assert lines[note.line - 1].strip() == "status: scheduled", "the line is the event's status"
    assert note.path.endswith("timelines/example-relations.yml") and SCHEDULED in note.message

    assert check_main([str(FIXTURE_DATA)], today=AFTER) == 0, "a warning, not an error"
    err = capsys.readouterr().err
    assert "warning: 1 scheduled event to review" in err and str(note) in err
    assert check_main([str(FIXTURE_DATA)], today=LAST_DAY) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_strict_build_logs_a_passed_date_without_failing(tmp_path):
    """The review notice is INFO: a date passing must not break `mkdocs build --strict` (publishing)."""
    project = copy_project(tmp_path / "project", data=FIXTURE_DATA)
    timeline = project / "data" / "timelines" / "example-relations.yml"
    soon = date.today().year + 2  # upcoming in every year this test runs
    text = timeline.read_text(encoding="utf-8").replace('date: "2031~"', 'date: "2020~"')
    text = text.replace("events:\n", "events:\n" + (  # first in the list: the file goes on after its events
        f"  - id: example-upcoming-summit\n    date: \"{soon}\"\n    headline: A fictional summit is due\n"
        "    summary: An invented summit, scheduled for tests.\n    status: scheduled\n"
        "    sources: [\"example-ferry-agreement#p4\"]\n"), 1)
    timeline.write_text(text, encoding="utf-8")
    (project / "docs" / "index.md").write_text(
        "# Example\n\n<!-- explainer:upcoming-events -->\n\n## Latest\n\n<!-- explainer:latest-events -->\n",
        encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    assert "INFO" in result.stderr and "to review: data/timelines/example-relations.yml" in result.stderr
    assert SCHEDULED in result.stderr

    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    upcoming = home[home.index('id="upcoming"'):home.index('id="latest"')]
    assert "example-upcoming-summit" in upcoming and SCHEDULED not in upcoming
    page = (tmp_path / "site" / "timelines" / "example-relations" / "index.html").read_text(encoding="utf-8")
    main, _, upcoming = page.partition('<h2 id="upcoming">')
    assert f'id="{SCHEDULED}"' in main and 'id="example-upcoming-summit"' in upcoming
    feed = feedparser.parse((tmp_path / "site" / urls.FEED).read_bytes())
    links = {entry.link.rsplit("#", 1)[-1] for entry in feed.entries}
    assert SCHEDULED in links and "example-upcoming-summit" not in links


def test_files_are_deterministic_for_a_given_today(site):
    args = dict(site_url=SITE_URL, site_name="Example", language="en", today=BEFORE)
    assert generated_files(site, **args) == generated_files(site, **args)
