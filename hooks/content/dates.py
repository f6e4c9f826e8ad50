"""Dates with their precision, in the subset of EDTF (Library of Congress) the data uses.

Accepted: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, each optionally followed by `~` (approximate),
`?` (uncertain) or `%` (both), and intervals `A/B` of two such dates. Hand-written rather than the
`edtf` package: that one parses with pyparsing at about a millisecond a date, which alone would
blow the build budget for an archive of thousands of events, and its errors do not say what is
expected.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

EXPECTED = (
    'a date like "2024-05-13", "2024-05" or "2017", optionally ending in ~ (approximate), '
    '? (uncertain) or % (both), or a range "2024-05-26/2024-05-27"'
)

_SINGLE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<qualifier>[~?%])?", re.ASCII)
MONTHS = [calendar.month_name[m] for m in range(1, 13)]


@dataclass(frozen=True)
class Point:
    """One date at year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def plain(self) -> str:
        """'13 May 2024', 'May 2024' or '2024', without qualifiers."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)


@dataclass(frozen=True)
class EdtfDate:
    """A date or a range, as written in data/ (`text`) and as understood."""

    text: str
    start: Point
    end: Point | None = None

    @property
    def precision(self) -> str:
        return self.start.precision

    @property
    def approximate(self) -> bool:
        return self.start.approximate or bool(self.end and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or bool(self.end and self.end.uncertain)

    @property
    def earliest(self) -> date:
        return self.start.earliest

    @property
    def latest(self) -> date:
        return (self.end or self.start).latest

    def sort_key(self) -> tuple[date, date]:
        return (self.earliest, self.latest)

    def display(self) -> str:
        """The date as a reader sees it: '13 May 2024', 'c. 2017', '26–27 May 2024'."""
        text = _display_range(self.start, self.end) if self.end else self.start.plain()
        if self.approximate:
            text = f"c. {text}"
        if self.uncertain:
            text = f"{text} (uncertain)"
        return text

    def __str__(self) -> str:
        return self.text


def _display_range(start: Point, end: Point) -> str:
    if start == end:
        return start.plain()
    same_precision = start.precision == end.precision
    if same_precision and start.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if same_precision and start.precision == "month" and start.year == end.year:
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
    return f"{start.plain()} – {end.plain()}"


# Near misses worth a suggestion: one-digit months and days ("2024-5-3"), and dates written out in
# words ("13 May 2024", "May 13, 2024", "May 2024"), each rewritten as the date it must mean.
_UNPADDED = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?(?P<qualifier>[~?%])?", re.ASCII)
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3].lower(): number for name, number in list(_MONTH_NUMBERS.items())})
_WORDS = re.compile(r"(?:(?P<day1>\d{1,2}) )?(?P<month>[A-Za-z]+)\.?(?: (?P<day2>\d{1,2}),?)? (?P<year>\d{4})")


def suggestion(text: str) -> str | None:
    """The date as it must be written, for a spelling that is close ("2024-5-3" -> "2024-05-03"); None
    when there is no single obvious reading, or the reading is not a real date either."""
    if match := _UNPADDED.fullmatch(text):
        year, month, day, qualifier = match["year"], int(match["month"]), match["day"], match["qualifier"] or ""
    elif (match := _WORDS.fullmatch(text.strip())) and match["month"].lower() in _MONTH_NUMBERS:
        if match["day1"] and match["day2"]:
            return None
        year, month, day, qualifier = match["year"], _MONTH_NUMBERS[match["month"].lower()], match["day1"] or match["day2"], ""
    else:
        return None
    candidate = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "") + qualifier
    try:
        _parse_point(candidate)
    except ValueError:
        return None
    return candidate


def _parse_point(text: str) -> Point:
    match = _SINGLE.fullmatch(text)
    if not match:
        if (suggested := suggestion(text)) is not None:
            raise ValueError(f'{text!r} is not a date as the site writes them; did you mean "{suggested}"? '
                             "(year-month-day, with two-digit months and days)")
        raise ValueError(f"{text!r} is not {EXPECTED}")
    year = int(match["year"])
    if year < 1:
        raise ValueError(f"{text!r} has year 0000; expected 0001 to 9999")
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has month {month:02d}; expected 01 to 12")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{text!r} has day {day:02d}; {MONTHS[month - 1]} {year} has days 01 to {last}")
    qualifier = match["qualifier"] or ""
    return Point(year, month, day, approximate=qualifier in "~%" and bool(qualifier),
                 uncertain=qualifier in "?%" and bool(qualifier))


def parse_date(text: str) -> EdtfDate:
    """Parse a date as written in data/; raises ValueError saying what is expected."""
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a quoted string; expected {EXPECTED}")
    if "/" in text:
        first, _, second = text.partition("/")
        try:
            start, end = _parse_point(first), _parse_point(second)
        except ValueError as error:
            raise ValueError(f"in the range {text!r}: {error}") from None
        if end.earliest < start.earliest:
            raise ValueError(f"{text!r} ends before it starts; expected the earlier date first")
        return EdtfDate(text, start, end)
    return EdtfDate(text, _parse_point(text))
