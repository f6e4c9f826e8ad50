"""Timeline pages (events as a semantic ordered list with stable anchors; a long timeline's on one page per
year, see urls.event) and the timeline list."""

from __future__ import annotations

from hooks import urls
from hooks.content.model import Event, Timeline
from hooks.render.common import Context, date_html, event_item, page
from hooks.render.filters import timeline_filters
from hooks.render.html import link, text
from hooks.render.lists import SEARCH_EXCLUDE, year_neighbours
from hooks.render.overview import timeline_overview
from hooks.content.schedule import is_upcoming


def timeline_page(ctx: Context, timeline: Timeline) -> str:
    """A timeline's page: its events, or, for a long timeline, its years, each linking to the year's page."""
    here = urls.timeline(timeline.id)
    happened, upcoming = split_upcoming(ctx, timeline.events)
    shown = happened or upcoming
    first, last = shown[0].date, shown[-1].date
    body = (f'<p class="x-lede">{ctx.glossary.mark(timeline.intro)}</p>\n'
            f'<p class="x-muted x-timeline__span">{len(happened)} events, {date_html(first)} to {date_html(last)}. '
            "Every event cites its sources; select one to read the exact paragraph.</p>\n"
            f"{downloads(here, timeline)}\n"
            f"{timeline_overview(ctx, timeline)}\n"
            '<h2 id="events">Events</h2>\n')  # the events are h3s, like on person and topic pages
    if urls.timeline_by_year(timeline):
        body += years_of_timeline(ctx, here, timeline)
    else:
        body += event_lists(ctx, here, timeline, timeline.events)
    return page(timeline.title, body, description=timeline.intro, classes="x-timeline-page",
                kind="Timeline", item="Event")


def split_upcoming(ctx: Context, events) -> tuple[list[Event], list[Event]]:
    """What has happened, and what is still to come."""
    # Scheduled events wait apart until their date has passed; then they join the timeline by themselves.
    return ([event for event in events if not is_upcoming(event, ctx.today)],
            [event for event in events if is_upcoming(event, ctx.today)])


def event_lists(ctx: Context, here: str, timeline: Timeline, events) -> str:
    """The events in full, with their permalink anchors: the filters, what happened, then what is to come."""
    happened, upcoming = split_upcoming(ctx, events)
    items = "\n".join(event_item(ctx, here, timeline, event) for event in happened)
    lists = (f"{timeline_filters(ctx, timeline.id, events)}"
             f'<ol class="x-timeline" data-timeline="{timeline.id}">\n{items}\n</ol>')
    if upcoming:
        items = "\n".join(event_item(ctx, here, timeline, event) for event in upcoming)
        lists += ('\n<h2 id="upcoming">Upcoming</h2>\n<p class="x-muted">Scheduled, not yet happened. Each moves into '
                  "the timeline above once its date has passed.</p>\n"
                  f'<ol class="x-timeline x-timeline--upcoming">\n{items}\n</ol>')
    return lists


def date_span(events: list[Event]) -> str:
    """'1992 to 1993', or one date when the first and the last are the same."""
    first, last = events[0].date, events[-1].date
    return date_html(first) if first == last else f"{date_html(first)} to {date_html(last)}"


def events_by_year(timeline: Timeline) -> dict[int, list[Event]]:
    """A long timeline's events by the year they start in, oldest first (the page each lives on)."""
    years: dict[int, list[Event]] = {}
    for event in timeline.events:
        years.setdefault(event.date.start.year, []).append(event)
    return years


MOVED_EVENTS_SCRIPT = "javascripts/moved-events.js"


def years_of_timeline(ctx: Context, here: str, timeline: Timeline) -> str:
    """One line per year, linking to its page. Each line also holds an empty element per event of the
    year, with the event's id: a permalink from before the timeline was split (`timelines/<id>/#<event>`)
    still lands on the event's year, and docs/javascripts/moved-events.js takes the reader on to the event."""
    items = []
    for year, events in events_by_year(timeline).items():
        year_page = urls.link(here, urls.timeline_year(timeline.id, year))
        upcoming = sum(is_upcoming(event, ctx.today) for event in events)
        counts = f"{len(events)} event{'' if len(events) == 1 else 's'}" + (f", {upcoming} upcoming" if upcoming else "")
        anchors = "".join(f'<span id="{event.id}"></span>' for event in events)
        items.append(f'<li data-moved-to="{year_page}">{link(year_page, str(year))}: {counts}, '
                     f"{date_span(events)}{anchors}</li>")
    script = urls.file_link(here, MOVED_EVENTS_SCRIPT)  # on this page only: every other page stays as it was
    return (f'<p class="x-muted">{len(timeline.events):,} events: too many for one page, so each year has its own.</p>\n'
            f'<ul class="x-years"{SEARCH_EXCLUDE}>\n' + "\n".join(items) + "\n</ul>\n"
            f'<script src="{script}" defer></script>')


def timeline_year_pages(ctx: Context, timeline: Timeline) -> dict[str, str]:
    """A long timeline's events, one page per year, where search finds them and their anchors live."""
    if not urls.timeline_by_year(timeline):
        return {}
    years = events_by_year(timeline)
    newest_first = sorted(years, reverse=True)  # as year_neighbours expects
    page_for = lambda year: urls.timeline_year(timeline.id, year)  # noqa: E731
    pages = {}
    for year, events in years.items():
        here = page_for(year)
        main = link(urls.link(here, urls.timeline(timeline.id)), text(timeline.title))
        body = (f'<p class="x-lede">The events of {year} on the timeline {main}: {len(events):,} of its '
                f"{len(timeline.events):,}, {date_span(events)}.</p>\n"
                f"{year_neighbours(here, newest_first, year, page_for)}\n"
                f"{timeline_overview(ctx, timeline, here=here, events=events)}\n"
                '<h2 id="events">Events</h2>\n'
                f"{event_lists(ctx, here, timeline, events)}")
        pages[here] = page(f"{timeline.title}: {year}", body, description=f"{timeline.title}: the events of {year}.",
                           classes="x-timeline-page x-year-page", kind="Timeline", item="Event")
    return pages


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
