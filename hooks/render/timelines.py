"""Timeline pages (events as a semantic ordered list with stable anchors) and the timeline list."""

from __future__ import annotations

from hooks import urls
from hooks.model import Timeline
from hooks.render.common import Context, date_html, event_item, page
from hooks.render.filters import timeline_filters
from hooks.render.html import link, text


def timeline_page(ctx: Context, timeline: Timeline) -> str:
    here = urls.timeline(timeline.id)
    events = "\n".join(event_item(ctx, here, timeline, event) for event in timeline.events)
    first, last = timeline.events[0].when, timeline.events[-1].when
    body = (f'<p class="x-lede">{ctx.glossary.mark(timeline.intro)}</p>\n'
            f'<p class="x-muted x-timeline__span">{len(timeline.events)} events, {date_html(first)} to {date_html(last)}. '
            "Every event cites its sources; select one to read the exact paragraph.</p>\n"
            f"{timeline_filters(ctx, timeline)}"
            f'<ol class="x-timeline" data-timeline="{timeline.id}">\n{events}\n</ol>')
    return page(timeline.title, body, description=timeline.intro, classes="x-timeline-page")


def timelines_index(ctx: Context) -> str:
    here = urls.TIMELINES
    items = []
    for timeline in sorted(ctx.site.timelines.values(), key=lambda t: -len(t.events)):
        title = link(urls.link(here, urls.timeline(timeline.id)), text(timeline.title))
        span = f"{date_html(timeline.events[0].when)} to {date_html(timeline.events[-1].when)}"
        items.append(f'<li class="x-card"><h2 class="x-card__title">{title}</h2>'
                     f'<p class="x-muted">{len(timeline.events)} events, {span}</p>'
                     f"<p>{ctx.glossary.mark(timeline.intro)}</p></li>")
    return page("Timelines", '<ul class="x-cards">\n' + "\n".join(items) + "\n</ul>",
                description="Curated, sourced timelines of China–South Korea relations.")
