"""The overview drawing (hooks/render/overview.py): golden SVG for the fixture, and for any events
exactly one mark each, at its date's place on the axis, in date order."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.content.load import load_site
from hooks.content.model import Event
from hooks.render.common import Context
from hooks.render.overview import MAX_MARKS, Item, draw, timeline_overview

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal" / "data"
GOLDEN_SVG = ROOT / "tests" / "golden" / "overview" / "example-relations.html"


class _Marks(HTMLParser):
    """Each mark's link and its dot's centre; the lanes' labels and the axis's ends."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.lanes: list[str] = []
        self.axis: tuple[date, date] | None = None
        self._in_lane = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "svg" and "data-axis-start" in values:
            self.axis = (date.fromisoformat(values["data-axis-start"]), date.fromisoformat(values["data-axis-end"]))
        if tag == "a" and "x-ov__mark" in classes:
            self.marks.append({"href": values["href"], "classes": classes})
        self._in_title = tag == "title" and bool(self.marks) and "name" not in self.marks[-1]
        if tag == "circle" and "x-ov__dot" in classes:
            self.marks[-1]["x"] = float(values["cx"].rstrip("%"))
            self.marks[-1]["y"] = int(values["cy"])
        if tag == "rect" and "x-ov__bar" in classes:
            self.marks[-1]["bar"] = (float(values["x"].rstrip("%")), float(values["width"].rstrip("%")))
        self._in_lane = tag == "text" and "x-ov__lane" in classes

    def handle_data(self, data: str) -> None:
        if getattr(self, "_in_title", False):
            self.marks[-1]["name"] = data  # a mark's <title>: its accessible name and its tooltip
            self._in_title = False
        if self._in_lane:
            self.lanes.append(data)
            self._in_lane = False


def read(drawing: str) -> _Marks:
    parser = _Marks()
    parser.feed(drawing)
    return parser


def test_golden_overview_of_the_fixture():
    """Compare with tests/golden/overview/; after an intended change, regenerate with UPDATE_GOLDEN=1."""
    site = load_site(FIXTURE)
    drawing = timeline_overview(Context(site), site.timelines["example-relations"])
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN_SVG.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN_SVG.write_text(drawing + "\n", encoding="utf-8")
    assert drawing + "\n" == GOLDEN_SVG.read_text(encoding="utf-8"), "UPDATE_GOLDEN=1 to accept"


def test_the_fixture_is_drawn_in_lanes_by_actor_over_its_era():
    site = load_site(FIXTURE)
    timeline = site.timelines["example-relations"]
    assert timeline.lanes == "actor"
    drawing = timeline_overview(Context(site), timeline)
    found = read(drawing)
    assert found.lanes[0] == "Example Minister Wang"  # the first actor of most events
    assert "Fictional white-paper period" in drawing
    approximate = [m for m in found.marks if "x-ov__mark--approximate" in m["classes"]]
    assert [m["href"] for m in approximate] == ["#example-ferry-review"]  # dated "2031~"
    assert "bar" in approximate[0]  # all of 2031: a bar from its first to its last day


def expected_x(axis: tuple[date, date], earliest: date, latest: date) -> float:
    """Written apart from the module: the middle of the days the date can mean, as % of the width
    less 2% at either end."""
    middle = (earliest - axis[0]).days + ((latest - earliest).days + 1) / 2
    return 2 + middle / (axis[1] - axis[0]).days * 96


@st.composite
def edtf_dates(draw_) -> str:
    day = draw_(st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31)))
    precision = draw_(st.sampled_from(["day", "month", "year"]))
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    if draw_(st.booleans()):
        end = day + timedelta(days=draw_(st.integers(0, 900)))
        return f"{text}/{end.isoformat()}"
    return text + draw_(st.sampled_from(["", "", "~", "?", "%"]))


def event(index: int, when: str) -> Event:
    return Event.model_validate({"id": f"event-{index}", "date": when, "headline": f"Headline {index}",
                                 "summary": "s", "sources": ["r"]})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(edtf_dates(), st.sampled_from(["A", "B", "C", ""])), min_size=1, max_size=40),
       st.booleans())
def test_every_event_has_exactly_one_mark_at_its_place_on_the_axis(dated, small):
    events = sorted((event(i, when) for i, (when, _) in enumerate(dated)), key=lambda e: e.date.sort_key())
    lanes = {f"event-{i}": lane for i, (_, lane) in enumerate(dated)}
    drawing = draw([Item(e, f"#{e.id}", lanes[e.id]) for e in events], caption="c", small=small)
    found = read(drawing)
    hrefs = [mark["href"] for mark in found.marks]
    assert sorted(hrefs) == sorted(f"#{e.id}" for e in events)  # one each, none twice, none missing
    assert found.axis[0] <= min(e.date.earliest for e in events)
    assert found.axis[1] > max(e.date.latest for e in events)
    by_href = {mark["href"]: mark for mark in found.marks}
    for e in events:
        mark = by_href[f"#{e.id}"]
        assert abs(mark["x"] - expected_x(found.axis, e.date.earliest, e.date.latest)) < 0.001, (e.date.text, mark)
        assert 0 <= mark["x"] <= 100
        if "bar" in mark:  # a range or an imprecise date: from its first to its last day
            start = expected_x(found.axis, e.date.earliest, e.date.earliest) - 96 / 2 / (found.axis[1] - found.axis[0]).days
            assert abs(mark["bar"][0] - start) < 0.001
    # The keyboard meets the marks in date order.
    order = [by_href[f"#{e.id}"] for e in events]
    assert [m["href"] for m in found.marks] == [m["href"] for m in order]


def test_close_events_stack_instead_of_covering_each_other():
    same_week = [event(i, f"2026-01-0{i + 1}") for i in range(4)]
    found = read(draw([Item(e, f"#{e.id}", "") for e in same_week], caption="c"))
    assert len({mark["y"] for mark in found.marks}) == 4


def test_an_era_outside_the_events_years_is_left_out():
    site = load_site(FIXTURE)
    timeline = site.timelines["example-relations"]
    era = timeline.eras[0].model_copy(update={"label": "Long before", "start": event(0, "1990").date,
                                              "end": event(0, "1991").date})
    drawing = draw([Item(e, "#x", "") for e in timeline.events], caption="c", eras=(era,))
    assert "Long before" not in drawing
    assert re.search(r"<text[^>]*>2030</text>", drawing)


def test_past_max_marks_a_lane_draws_one_mark_per_year_linking_to_its_first_event():
    """The drawing must not grow with the archive: 3,000 events over 29 years in two lanes give 58 marks."""
    items = [Item(event(index, f"{1995 + index % 29}-{1 + index % 12:02d}-{1 + index % 28:02d}"), f"#e{index}",
                  "Trade" if index % 2 else "Summits")
             for index in range(3000)]
    drawn = read(draw(items, caption="Many events."))
    assert len(drawn.marks) == 2 * 29 < MAX_MARKS < len(items)
    first_of_year = {}
    for item in sorted(items, key=lambda item: item.event.date.sort_key()):
        first_of_year.setdefault((item.lane, item.event.date.earliest.year), item.href)
    assert {mark["href"] for mark in drawn.marks} == set(first_of_year.values())
    assert all(re.match(r"\d+ events in \d{4}, (Trade|Summits): from ", mark["name"]) for mark in drawn.marks)


def test_a_year_only_era_boundary_fades_over_its_year_and_a_day_is_sharp():
    site = load_site(FIXTURE)
    timeline = site.timelines["example-relations"]
    items = [Item(e, "#x", "") for e in timeline.events]

    def band(start: str, end: str) -> str:
        era = timeline.eras[0].model_copy(update={"start": event(0, start).date, "end": event(0, end).date})
        return re.search(r'<svg class="x-ov__era".*?</svg>', draw(items, caption="c", eras=(era,)))[0]

    assert "linearGradient" not in band("2030-03-01", "2030-06-30")  # dated to the day: a sharp band
    stops = [float(offset) for offset in re.findall(r'offset="([\d.]+)"', band("2030-07-01", "2031"))]
    # Sure from 1 July 2030 through 1 January 2031 (185 of its 549 days), then fading out over 2031.
    assert stops[:2] == [0, 0] and abs(stops[2] - 185 / 549) < 0.001 and stops[3] == 1


def test_an_era_label_gives_way_to_a_shorter_form_then_to_nothing_as_its_band_narrows():
    from hooks.render.era_labels import fitted, needs

    roomy = fitted("Kim Dae-jung", 30)
    assert [form["text"] for form in roomy] == ["Kim Dae-jung", "Kim D."]
    full_from = int(roomy[0]["classes"].removeprefix("x-ov__from-"))
    assert needs("Kim Dae-jung", 30) <= full_from  # shown only where it fits
    assert roomy[1]["classes"].endswith(f"x-ov__below-{full_from}")  # the short form only below that
    assert fitted("Kim Dae-jung", 0.5) == []  # a sliver of a band: no label, the name stays in <title>
    assert [form["text"] for form in fitted("Interregnum", 30)] == ["Interregnum"]  # one word: no short form


def test_past_max_marks_a_short_axis_draws_one_mark_per_month():
    """A long timeline's year page: 600 events of one year give one mark a month, not one for the year."""
    items = [Item(event(index, f"2030-{1 + index % 12:02d}-{1 + index % 28:02d}"), f"#e{index}", "")
             for index in range(600)]
    drawn = read(draw(items, caption="One busy year."))
    assert len(drawn.marks) == 12
    assert all(re.match(r"50 events in [A-Z][a-z]+ 2030: from ", mark["name"]) for mark in drawn.marks)


def test_every_label_width_has_its_pair_of_container_rules():
    """era_labels.WIDTHS and overview.css's rules are one list in two places: a width without its rules
    would show every form of a label at once."""
    from hooks.render.era_labels import WIDTHS

    css = (ROOT / "docs" / "stylesheets" / "overview.css").read_text(encoding="utf-8")
    for width in WIDTHS[1:]:  # the narrowest shows from any width: it has no class
        assert f"@container x-ov (width < {width}px) {{ .x-ov__from-{width} {{ display: none; }} }}" in css, width
        assert f"@container x-ov (width >= {width}px) {{ .x-ov__below-{width} {{ display: none; }} }}" in css, width
