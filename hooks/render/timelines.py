"""Timeline pages (events as a semantic ordered list with stable anchors) and the timeline list."""

from __future__ import annotations

from hooks import urls
from hooks.content.model import Timeline
from hooks.render.common import Context, date_html, event_item, page
from hooks.render.filters import timeline_filters
from hooks.render.html import link, text
from hooks.render.lists import SEARCH_EXCLUDE
from hooks.render.overview import timeline_overview
from hooks.content.schedule import is_upcoming


def timeline_page(ctx: Context, timeline: Timeline) -> str:
    here = urls.timeline(timeline.id)
    # Scheduled events wait apart until their date has passed; then they join the timeline by themselves.
    happened = [event for event in timeline.events if not is_upcoming(event, ctx.today)]
    upcoming = [event for event in timeline.events if is_upcoming(event, ctx.today)]
    events = "\n".join(event_item(ctx, here, timeline, event) for event in happened)
    shown = happened or upcoming
    first, last = shown[0].date, shown[-1].date
    body = (f'<p class="x-lede">{ctx.glossary.mark(timeline.intro)}</p>\n'
            f'<p class="x-muted x-timeline__span">{len(happened)} events, {date_html(first)} to {date_html(last)}. '
            "Every event cites its sources; select one to read the exact paragraph.</p>\n"
            f"{downloads(here, timeline)}\n"
            f"{timeline_overview(ctx, timeline)}\n"
            '<h2 id="events">Events</h2>\n'  # the events are h3s, like on person and topic pages
            f"{timeline_filters(ctx, timeline)}"
            f'<ol class="x-timeline" data-timeline="{timeline.id}">\n{events}\n</ol>')
    if upcoming:
        items = "\n".join(event_item(ctx, here, timeline, event) for event in upcoming)
        body += ('\n<h2 id="upcoming">Upcoming</h2>\n<p class="x-muted">Scheduled, not yet happened. Each moves into '
                 "the timeline above once its date has passed.</p>\n"
                 f'<ol class="x-timeline x-timeline--upcoming">\n{items}\n</ol>')
    return page(timeline.title, body, description=timeline.intro, classes="x-timeline-page",
                kind="Timeline", item="Event")


def downloads(here: str, timeline: Timeline) -> str:
    """Links to this timeline's data and to all events, for reuse (see the open-data page)."""
    files = [(urls.timeline_json(timeline.id), "this timeline for TimelineJS (JSON)"),
             (urls.EVENTS_JSON, "all events (JSON)"), (urls.EVENTS_CSV, "all events (CSV)")]
    items = " · ".join(link(urls.file_link(here, path), text(label), download="") for path, label in files)
    about = link(urls.link(here, urls.DATA), "what the fields mean")
    return f'<p class="x-downloads"><span class="x-label">Download:</span> {items} · {about}</p>'


INDEX_CARDS = 50  # timelines shown as cards with their intro; more are listed one line each


def timelines_index(ctx: Context) -> str:
    here = urls.TIMELINES
    timelines = sorted(ctx.site.timelines.values(), key=lambda t: -len(t.events))
    items = []
    for timeline in timelines:
        title = link(urls.link(here, urls.timeline(timeline.id)), text(timeline.title))
        span = f"{date_html(timeline.events[0].date)} to {date_html(timeline.events[-1].date)}"
        if len(timelines) > INDEX_CARDS:
            items.append(f'<li>{title} <span class="x-muted">{len(timeline.events)} events, {span}</span></li>')
            continue
        items.append(f'<li class="x-card"><h2 class="x-card__title">{title}</h2>'
                     f'<p class="x-muted">{len(timeline.events)} events, {span}</p>'
                     f"<p>{ctx.glossary.mark(timeline.intro)}</p></li>")
    # The intros are the timelines' own ledes, which search finds on the timelines.
    kind = "x-compact" if len(timelines) > INDEX_CARDS else "x-cards"
    return page("Timelines", f'<ul class="{kind}"{SEARCH_EXCLUDE}>\n' + "\n".join(items) + "\n</ul>",
                description="Curated, sourced timelines of China–South Korea relations.", kind="List")
