"""Generated blocks for hand-written pages: the latest and the upcoming events, the overview drawing
(tooltips: abbreviations.py)."""

from __future__ import annotations

from itertools import islice

from hooks import urls
from hooks.render.common import Context
from hooks.render.lists import compact_event, event_when, newest_first
from hooks.render.overview import site_overview
from hooks.render.report import REPORT_MARKER, report_html
from hooks.content.schedule import is_upcoming, upcoming_events

LATEST_EVENTS_MARKER = "<!-- explainer:latest-events -->"
UPCOMING_EVENTS_MARKER = "<!-- explainer:upcoming-events -->"
OVERVIEW_MARKER = "<!-- explainer:overview -->"  # every event, drawn to scale (overview.py)
EVENT_MARKERS = (LATEST_EVENTS_MARKER, UPCOMING_EVENTS_MARKER, OVERVIEW_MARKER)  # a page showing events
LATEST_COUNT = 5


def latest_events(ctx: Context, here: str = urls.HOME, count: int = LATEST_COUNT) -> str:
    """The newest events across all timelines, each linking to its permalink."""
    happened = (pair for pair in newest_first(ctx.site.events.values(), event_when) if not is_upcoming(pair[1], ctx.today))
    items = [compact_event(ctx, here, event.id) for _, event in islice(happened, count)]
    return '<ul class="x-latest">\n' + "\n".join(items) + "\n</ul>"


def upcoming_block(ctx: Context, here: str = urls.HOME) -> str:
    """An "Upcoming" section (Markdown heading + list) of scheduled events; nothing when none is."""
    events = upcoming_events(ctx.site, ctx.today)
    if not events:
        return ""
    items = [compact_event(ctx, here, event.id) for _, event in events]
    return "## Upcoming\n\n" + '<ul class="x-upcoming">\n' + "\n".join(items) + "\n</ul>"


def fill_markers(ctx: Context, markdown: str, here: str) -> str:
    """A hand-written page with its markers (events, how to report a mistake) replaced by the generated blocks."""
    if LATEST_EVENTS_MARKER in markdown:
        markdown = markdown.replace(LATEST_EVENTS_MARKER, latest_events(ctx, here))
    if UPCOMING_EVENTS_MARKER in markdown:
        markdown = markdown.replace(UPCOMING_EVENTS_MARKER, upcoming_block(ctx, here))
    if REPORT_MARKER in markdown:
        markdown = markdown.replace(REPORT_MARKER, report_html(ctx.repo_url, here))
    if OVERVIEW_MARKER in markdown:
        markdown = markdown.replace(OVERVIEW_MARKER, site_overview(ctx, here))
    return markdown
