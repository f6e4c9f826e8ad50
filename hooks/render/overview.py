"""An overview drawn at build time: events as marks on a year axis to scale, in lanes, over era bands.

Inline SVG, so it reads with scripts off and loads nothing. Horizontal positions are percentages of the
drawing's width and vertical ones pixels: the same drawing fits a 320 px phone and a 1280 px screen with
text at its real size. Each mark is a link to its event's anchor, named by the headline and date, in
date order (the keyboard's order). The event list beside it stays the accessible version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.content.model import Era, Event, Timeline
from hooks.render import era_labels
from hooks.render.common import Context
from hooks.render.html import render_template

PAD = 2.0  # % of the width kept free at either end, so the first and last year labels are not cut
MAX_LANES = 10  # more lanes than this and the rest share one "Other" lane: a lane must stay readable
# More events than this and each lane shows one mark per year (per month on an axis of three years or
# fewer), sized by its count: the drawing (and the page) must not grow with the archive. A mark links to
# the period's first event in its lane.
MAX_MARKS = 200
OTHER = "Other"


@dataclass(frozen=True)
class Size:
    """Pixel measures of one size of drawing (text sizes are in the CSS)."""

    axis: int      # the year labels' row
    era: int       # the era labels' row (when there are eras)
    label: int     # a lane's label row (when there are several lanes)
    row: int       # one row of marks
    radius: int    # a mark's dot
    gap: float     # % of the width two marks in one row keep apart; closer ones go to the next row


FULL = Size(axis=20, era=18, label=16, row=16, radius=5, gap=2.4)
SMALL = Size(axis=18, era=16, label=14, row=13, radius=4, gap=2.6)


@dataclass(frozen=True)
class Item:
    """One event to draw: where its mark links to and the lane it goes in."""

    event: Event
    href: str
    lane: str


@dataclass(frozen=True)
class Axis:
    """From 1 January of the first event's year to 1 January after the last's."""

    start: date
    end: date

    @classmethod
    def around(cls, dates: list[EdtfDate]) -> "Axis":
        first = min(when.earliest for when in dates)
        last = max(when.latest for when in dates)
        return cls(date(first.year, 1, 1), date(last.year + 1, 1, 1))

    def x(self, day: date, fraction_of_day: float = 0.0) -> float:
        """Where a day falls, in % of the drawing's width."""
        span = (self.end - self.start).days
        return PAD + ((day - self.start).days + fraction_of_day) / span * (100 - 2 * PAD)

    def clamp(self, day: date) -> date:
        return min(max(day, self.start), self.end)


def mark_x(axis: Axis, when: EdtfDate) -> float:
    """A mark sits in the middle of what its date can mean: its day, month or year, or its range."""
    days = (when.latest - when.earliest).days + 1
    return axis.x(when.earliest, days / 2)


def draw(items: list[Item], *, caption: str, eras: tuple[Era, ...] = (), small: bool = False) -> str:
    """The figure: the SVG, a caption saying what it is and a key to the marks. Items in date order.
    Nothing to draw (no events yet) draws nothing."""
    if not items:
        return ""
    size = SMALL if small else FULL
    axis = Axis.around([item.event.date for item in items])  # eras are cut to the events' years
    lanes = _lanes(items)
    order = {item.event.id: index for index, item in enumerate(sorted(items, key=lambda i: i.event.date.sort_key()))}
    y = size.axis + (size.era if eras else 0)
    lane_rows, marks = [], []
    show_labels = len(lanes) > 1
    grouped = len(items) > MAX_MARKS
    for name, lane_items in lanes.items():
        label_y = y
        if show_labels:
            y += size.label
        if grouped:
            marks += [_period_mark(axis, period, found, y + size.row // 2, size, order[found[0].event.id])
                      for period, found in _periods(axis, lane_items).items()]
            height = size.row
        else:
            rows = _stack(axis, lane_items, size.gap)
            for item, row in rows:
                marks.append(_mark(axis, item, y + row * size.row + size.row // 2, size, order[item.event.id]))
            height = (max((row for _, row in rows), default=0) + 1) * size.row
        lane_rows.append({"name": name, "label_y": label_y + size.label - 4, "top": label_y,
                          "show_label": show_labels})
        y += height + 4
    height = y
    marks.sort(key=lambda mark: mark["order"])  # the keyboard's order is the date order, not the lanes'
    if grouped:
        caption += (f" With more than {MAX_MARKS} events, a mark stands for a year's (or a month's) events in its "
                    "row and opens the first.")
    drawing = render_template("overview.html", caption=caption, small=small, height=height, marks=marks,
                           lanes=lane_rows, ticks=_ticks(axis, size), eras=_eras(axis, eras, height, size),
                           axis_start=axis.start.isoformat(), axis_end=axis.end.isoformat(),
                           has_approximate=any(m["approximate"] for m in marks),
                           has_span=any(m["bar"] for m in marks) and not grouped, grouped=grouped)
    # No blank line: on the home page it goes into Markdown, where one would end the HTML block.
    return "\n".join(line for line in drawing.splitlines() if line.strip())


def _lanes(items: list[Item]) -> dict[str, list[Item]]:
    """Lanes with the most events first (then by name); past MAX_LANES the rest share OTHER, last."""
    counts = Counter(item.lane for item in items)
    named = sorted((lane for lane in counts if lane != OTHER), key=lambda lane: (-counts[lane], lane.casefold()))
    kept = set(named[:MAX_LANES] if len(named) <= MAX_LANES else named[:MAX_LANES - 1])
    lanes: dict[str, list[Item]] = {lane: [] for lane in named if lane in kept}
    for item in items:
        lanes.setdefault(item.lane if item.lane in kept else OTHER, []).append(item)
    return lanes


def _stack(axis: Axis, items: list[Item], gap: float) -> list[tuple[Item, int]]:
    """Each item's row in its lane: the first row where it clears the marks already there (close events
    stack instead of hiding one another)."""
    ends: list[float] = []  # the right edge of what each row holds so far
    placed = []
    for item in sorted(items, key=lambda item: item.event.date.sort_key()):
        x = mark_x(axis, item.event.date)
        left = min(x - gap / 2, axis.x(item.event.date.earliest))
        right = max(x + gap / 2, axis.x(item.event.date.latest, 1))
        row = next((index for index, end in enumerate(ends) if end <= left), len(ends))
        if row == len(ends):
            ends.append(right)
        else:
            ends[row] = right
        placed.append((item, row))
    return placed


def _mark(axis: Axis, item: Item, y: int, size: Size, order: int) -> dict:
    when = item.event.date
    start, end = axis.x(when.earliest), axis.x(when.latest, 1)
    return {"id": item.event.id, "href": item.href, "name": f"{item.event.headline} ({when.display()})",
            "x": _pc(mark_x(axis, when)), "y": y, "r": size.radius, "order": order,
            "approximate": when.approximate or when.uncertain, "status": item.event.status,
            # A range, or a month or year, as a bar from its first to its last day (when wider than the dot).
            "bar": {"x": _pc(start), "width": _pc(end - start), "y": y - 3} if end - start > 0.3 else None}


def _periods(axis: Axis, items: list[Item]) -> dict[tuple[date, date], list[Item]]:
    """A lane's items by the year they start in (by the month, on an axis of three years or fewer),
    each period's in date order: (first day, day after the last) -> items."""
    monthly = axis.end.year - axis.start.year <= 3
    periods: dict[tuple[date, date], list[Item]] = {}
    for item in sorted(items, key=lambda item: item.event.date.sort_key()):
        day = item.event.date.earliest
        if monthly:
            start = date(day.year, day.month, 1)
            end = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            start, end = date(day.year, 1, 1), date(day.year + 1, 1, 1)
        periods.setdefault((start, end), []).append(item)
    return periods


def _period_mark(axis: Axis, period: tuple[date, date], items: list[Item], y: int, size: Size, order: int) -> dict:
    """One mark for a lane's events of one period: a bar over it, a dot growing with their count."""
    (first, after), count = period, len(items)
    start, end = axis.x(axis.clamp(first)), axis.x(axis.clamp(after))
    when = f"{first:%B} {first.year}" if (after - first).days < 32 else str(first.year)
    lane = f", {items[0].lane}" if items[0].lane else ""
    name = f"{count} event{'' if count == 1 else 's'} in {when}{lane}: from {items[0].event.headline}"
    return {"id": items[0].event.id, "href": items[0].href, "name": name, "x": _pc((start + end) / 2), "y": y,
            "r": min(size.radius + count.bit_length() - 1, size.row // 2), "order": order, "approximate": False,
            "status": "confirmed", "bar": {"x": _pc(start), "width": _pc(end - start), "y": y - 3}}


def _ticks(axis: Axis, size: Size) -> list[dict]:
    years = axis.end.year - axis.start.year
    step = 1 if years <= 8 else 2 if years <= 20 else 5
    first, last = axis.start.year, axis.end.year
    # The end labels lean inwards, so that neither is cut at the drawing's edge.
    anchor = {first: "start", last: "end"}
    return [{"x": _pc(axis.x(date(year, 1, 1))), "year": year, "labelled": year % step == 0 or years == 1,
             "y": size.axis - 6, "anchor": anchor.get(year, "middle")} for year in range(first, last + 1)]


def _eras(axis: Axis, eras: tuple[Era, ...], height: int, size: Size) -> list[dict]:
    """Bands, each faded in over the days its start could be and out over its end's: a boundary known
    only to the year ("2003") is drawn as "somewhere in 2003", not as a sharp edge a neighbour overlaps."""
    drawn = []
    for index, era in enumerate(sorted(eras, key=lambda era: era.start.sort_key())):
        outer_end = era.end.latest + timedelta(days=1) if era.end else axis.end
        start, end = axis.x(axis.clamp(era.start.earliest)), axis.x(axis.clamp(outer_end))
        if end <= start:
            continue  # wholly before or after the events drawn
        # Where the era surely runs: from the last day it may have begun to the first it may have ended.
        # (The gradient's id takes the theme's "__" prefix, which no id from data/ can: hooks/anchors.py.)
        sure_start = axis.x(axis.clamp(era.start.latest))
        sure_end = axis.x(axis.clamp(era.end.earliest + timedelta(days=1))) if era.end else end
        fade_in, fade_out = (sure_start - start) / (end - start), (end - sure_end) / (end - start)
        dates = f"{era.start.display()} – {era.end.display()}" if era.end else f"since {era.start.display()}"
        drawn.append({"x": start, "end": end, "label": era.label, "title": f"{era.label}, {dates}",
                      "odd": index % 2, "top": size.axis, "label_y": size.axis + size.era - 5,
                      "height": height - size.axis,
                      "fade": {"id": f"__x-ov-era-{index}", "in": _fraction(fade_in), "out": _fraction(1 - fade_out)}
                      if (fade_in > 0.001 or fade_out > 0.001) else None})
    for era, following in zip(drawn, drawn[1:] + [None]):
        # A label has its band, up to where the next band's label begins (a next band may start inside it).
        room = min(era["end"], following["x"]) - era["x"] if following else era["end"] - era["x"]
        era["labels"] = era_labels.fitted(era["label"], room)
        era["x"], era["width"] = _pc(era["x"]), _pc(era["end"] - era["x"])
    return drawn


def _fraction(value: float) -> str:
    return f"{round(min(max(value, 0.0), 1.0), 4):g}"


def _pc(value: float) -> str:
    """A percentage as SVG writes it, rounded so that output is stable and short."""
    return f"{round(value, 3):g}%"


def _lane_of(ctx: Context, timeline: Timeline, event: Event) -> str:
    if timeline.lanes == "actor":
        return ctx.site.people[event.actors[0]].name if event.actors else "No named person"
    return ctx.site.topics[event.topics[0]].title if event.topics else "No topic"


def timeline_overview(ctx: Context, timeline: Timeline, *, here: str = "", events: Sequence[Event] = ()) -> str:
    """The full drawing at the top of a timeline's page (or of a year's page of a long timeline): the
    page's events, in lanes as the timeline's YAML chooses, over its eras."""
    here = here or urls.timeline(timeline.id)
    events = events or timeline.events
    items = [Item(event, urls.event_link(here, timeline, event), _lane_of(ctx, timeline, event)) for event in events]
    by = "first topic" if timeline.lanes == "topic" else "first person named"
    listed_here = all(item.href.startswith("#") for item in items)
    where = "the full list follows" if listed_here else "each year's events are on that year's page"
    caption = f"{len(items)} events to scale, in rows by {by}. Select a mark to go to the event; {where}."
    return draw(items, caption=caption, eras=timeline.eras)


def events_overview(ctx: Context, here: str, pairs: list[tuple[Timeline, Event]]) -> str:
    """A small drawing of a person's or topic's events, each linking to it on its timeline."""
    items = [Item(event, urls.link(here, urls.event(timeline, event), event.id), "")
             for timeline, event in sorted(pairs, key=lambda pair: pair[1].date.sort_key())]
    return draw(items, caption=f"{len(items)} events to scale; select one to read it on its timeline.", small=True)


def site_overview(ctx: Context, here: str) -> str:
    """The whole relationship at a glance, for the home page: every event, one lane per timeline."""
    pairs = sorted(ctx.site.events.values(), key=lambda pair: pair[1].date.sort_key())
    one_row = len(pairs) > MAX_MARKS  # a mark a year then stands for every timeline: one row, not ten
    items = [Item(event, urls.link(here, urls.event(timeline, event), event.id), "" if one_row else timeline.title)
             for timeline, event in pairs]
    rows = "" if one_row else ", one row per timeline; select one to read it"
    return draw(items, caption=f"All {len(items)} events to scale{rows}.", small=True)

