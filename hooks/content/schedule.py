"""What's next: scheduled events before and after their date, relative to an injectable "today".

An event with `status: scheduled` is *upcoming* while the last day its date can denote has not
passed ("2026-03" is upcoming until 31 March 2026 included; "2031~" until 31 December 2031). Upcoming
events are listed apart ("Upcoming" on the home page and at the end of their timeline). Once the
date has passed the event takes its place in the timeline by itself, and is listed for review: an
editor should confirm it (`status: confirmed` or `reported`, with sources) or correct it.
"""

from __future__ import annotations

from datetime import date

from hooks.content.model import Event, Site, Timeline
from hooks.content.problems import Problem, field_path
from hooks.content.checks import event_index


def is_upcoming(event: Event, today: date) -> bool:
    return event.status == "scheduled" and today <= event.date.latest


def is_overdue(event: Event, today: date) -> bool:
    """Scheduled, but its date has passed: shown in the timeline, and flagged for review."""
    return event.status == "scheduled" and event.date.latest < today


def upcoming_events(site: Site, today: date) -> list[tuple[Timeline, Event]]:
    """Upcoming events across all timelines, soonest first."""
    pairs = [(timeline, event) for timeline, event in site.events.values() if is_upcoming(event, today)]
    return sorted(pairs, key=lambda pair: (pair[1].date.sort_key(), pair[1].id))


def review_notes(site: Site, today: date) -> list[Problem]:
    """Scheduled events whose date has passed, as `path:line: field: message` for an editor.

    These are notices, not errors: the site already shows such an event in its timeline.
    """
    notes = []
    for timeline in site.timelines.values():
        located = site.located.get(timeline.path)
        positions = event_index(located)
        for event in timeline.events:
            if not is_overdue(event, today):
                continue
            index = positions.get(event.id)
            at = ("events", index, "status") if index is not None else ("status",)
            notes.append(Problem(
                timeline.path, located.line_of(at) if located else 1, field_path(at),
                f"event {event.id!r} is 'scheduled' for {event.date.display()}, which has passed, so it now shows "
                "in the timeline. Review it: set status to 'confirmed' or 'reported' and cite what happened, "
                "or correct the date"))
    return sorted(notes)
