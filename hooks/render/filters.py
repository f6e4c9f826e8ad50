"""Filter chips for a timeline page: one toggle button per topic and per person on that timeline.

The block is rendered `hidden`: without JavaScript every event stays listed and no dead button shows.
docs/javascripts/timeline-filters.js reveals it, narrows the list and keeps the choice in the URL
(`?topic=<id>&actor=<id>`, the parameter names and the events' data-topics / data-actors must agree).
"""

from __future__ import annotations

from collections import Counter

from collections.abc import Sequence

from hooks.content.model import Event
from hooks.render.common import Context
from hooks.render.html import render_template


def timeline_filters(ctx: Context, timeline_id: str, events: Sequence[Event]) -> str:
    """The hidden filter block for the events listed on a page, with its live count, ending in a newline;
    empty when nothing to filter by."""
    topics = Counter(topic for event in events for topic in event.topics)
    actors = Counter(actor for event in events for actor in event.actors)
    if not topics and not actors:
        return ""
    return render_template("filters.html", timeline_id=timeline_id, total=len(events),
                           topics=_chips({t: ctx.site.topics[t].title for t in topics}, topics),
                           people=_chips({p: ctx.site.people[p].name for p in actors}, actors)) + "\n"


def _chips(labels: dict[str, str], counts: Counter) -> list[dict]:
    """Most frequent first, then alphabetical: the useful filters come first."""
    ordered = sorted(labels, key=lambda key: (-counts[key], labels[key].casefold()))
    return [{"id": key, "label": labels[key], "count": counts[key]} for key in ordered]
