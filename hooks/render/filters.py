"""Filter chips for a timeline page: one toggle button per topic and per person on that timeline.

The block is rendered `hidden`: without JavaScript every event stays listed and no dead button shows.
docs/javascripts/timeline-filters.js reveals it, narrows the list and keeps the choice in the URL
(`?topic=<id>&actor=<id>`, the parameter names and the events' data-topics / data-actors must agree).
"""

from __future__ import annotations

from collections import Counter

from hooks.model import Timeline
from hooks.render.common import Context
from hooks.render.html import attr, text


def timeline_filters(ctx: Context, timeline: Timeline) -> str:
    """The hidden filter block and its live count, ending in a newline; empty when nothing to filter by."""
    topics = Counter(topic for event in timeline.events for topic in event.topics)
    actors = Counter(actor for event in timeline.events for actor in event.actors)
    if not topics and not actors:
        return ""
    total = len(timeline.events)
    topic_chips = _chips("topic", {t: ctx.site.topics[t].title for t in topics}, topics)
    actor_chips = _chips("actor", {p: ctx.site.people[p].name for p in actors}, actors)
    groups = []
    if topic_chips:
        groups.append(f'<div class="x-filters__group" role="group" aria-labelledby="x-filters-topics">'
                      f'<p class="x-filters__label" id="x-filters-topics">Topics</p>{topic_chips}</div>')
    if actor_chips:
        # People outnumber topics several times over: folded so the events stay near the top on a phone.
        # A button rather than <details>, which Material styles as a collapsible admonition.
        groups.append(f'<div class="x-filters__group"><button type="button" class="x-filters__toggle" '
                      f'aria-expanded="false" aria-controls="x-filters-people">People ({len(actors)})</button>'
                      f'<div class="x-filters__people" id="x-filters-people" role="group" aria-label="People" hidden>'
                      f"{actor_chips}</div></div>")
    status = (f'<p class="x-filters__status"><span class="x-filters__count" role="status" aria-live="polite">'
              f"{total} of {total} events</span> "
              '<button type="button" class="x-filters__clear" hidden>Show all events</button></p>')
    return (f'<section class="x-filters" data-filters-for="{attr(timeline.id)}" aria-label="Filter events" hidden>\n'
            + "\n".join(groups) + f"\n{status}\n</section>\n")


def _chips(kind: str, labels: dict[str, str], counts: Counter) -> str:
    """Most frequent first, then alphabetical: the useful filters come first."""
    ordered = sorted(labels, key=lambda key: (-counts[key], labels[key].casefold()))
    return "".join(
        f'<button type="button" class="x-chip" data-filter="{kind}" data-value="{attr(key)}" aria-pressed="false">'
        f'{text(labels[key])} <span class="x-chip__count">{counts[key]}</span></button>'
        for key in ordered)
