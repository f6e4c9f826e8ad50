"""What's next: scheduled events before and after their date, relative to an injectable "today".

An event with `status: scheduled` is *upcoming* while the last day its date can denote has not
passed ("2026-03" is upcoming until 31 March 2026 included; "2031~" until 31 December 2031). Upcoming
events are listed apart ("Upcoming" on the home page and at the end of their timeline). Once the
date has passed the event takes its place in the timeline by itself, and is listed for review: an
editor should confirm it (`status: confirmed` or `reported`, with sources) or correct it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hooks.model import Event, Site, Timeline
from hooks.problems import Problem
from hooks.validate import event_index
from hooks.yaml_source import SourceError, parse_yaml, read_text


def is_upcoming(event: Event, today: date) -> bool:
    return event.status == "scheduled" and today <= event.when.latest


def is_overdue(event: Event, today: date) -> bool:
    """Scheduled, but its date has passed: shown in the timeline, and flagged for review."""
    return event.status == "scheduled" and event.when.latest < today


def upcoming_events(site: Site, today: date) -> list[tuple[Timeline, Event]]:
    """Upcoming events across all timelines, soonest first."""
    pairs = [(timeline, event) for timeline, event in site.events.values() if is_upcoming(event, today)]
    return sorted(pairs, key=lambda pair: (pair[1].when.sort_key(), pair[1].id))


def review_notes(site: Site, data_dir: Path, today: date) -> list[Problem]:
    """Scheduled events whose date has passed, as `path:line: field: message` for an editor.

    These are notices, not errors: the site already shows such an event in its timeline.
    """
    notes = []
    for timeline in site.timelines.values():
        overdue = [event for event in timeline.events if is_overdue(event, today)]
        if not overdue:
            continue
        positions = _status_positions(Path(data_dir) / "timelines" / f"{timeline.id}.yml")
        for event in overdue:
            index, line = positions.get(event.id, (None, 1))
            field = f"events[{index}].status" if index is not None else "status"
            notes.append(Problem(
                timeline.path, line, field,
                f"event {event.id!r} is 'scheduled' for {event.when.display()}, which has passed, so it now shows "
                "in the timeline. Review it: set status to 'confirmed' or 'reported' and cite what happened, "
                "or correct the date"))
    return sorted(notes)


def _status_positions(path: Path) -> dict[str, tuple[int, int]]:
    """Each event's index and the line of its `status:` in a timeline file (already validated)."""
    try:
        located = parse_yaml(read_text(path))
    except (OSError, SourceError):
        return {}
    return {event_id: (index, located.line_of(("events", index, "status")))
            for event_id, index in event_index(located).items()}
