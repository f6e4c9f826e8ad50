"""Dates as editors write them (data/README.md, "Dates") and as readers see them."""

from __future__ import annotations

from datetime import date

import pytest

from hooks.content.dates import parse_date

# Every row of the table in data/README.md, plus the qualifiers on a day and on a year.
DISPLAY = [
    ("2024-05-13", "13 May 2024"),
    ("2024-05", "May 2024"),
    ("2017", "2017"),
    ("2026-01~", "c. January 2026"),
    ("2026-01?", "January 2026 (uncertain)"),
    ("2026-01%", "c. January 2026 (uncertain)"),
    ("2024-05-26/2024-05-27", "26–27 May 2024"),
    ("2017~", "c. 2017"),
    ("2024-05-13~", "c. 13 May 2024"),
    ("2017?", "2017 (uncertain)"),
    ("2017%", "c. 2017 (uncertain)"),
]


@pytest.mark.parametrize(("written", "shown"), DISPLAY)
def test_display(written: str, shown: str) -> None:
    parsed = parse_date(written)
    assert parsed.display() == shown
    assert str(parsed) == written  # the text the editor wrote is kept as written


@pytest.mark.parametrize(("written", "precision", "earliest", "latest"), [
    ("2024-05-13", "day", date(2024, 5, 13), date(2024, 5, 13)),
    ("2024-05", "month", date(2024, 5, 1), date(2024, 5, 31)),
    ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
    ("2023-02", "month", date(2023, 2, 1), date(2023, 2, 28)),
    ("2017", "year", date(2017, 1, 1), date(2017, 12, 31)),
    ("2026-01~", "month", date(2026, 1, 1), date(2026, 1, 31)),
    ("2024-05-26/2024-05-27", "day", date(2024, 5, 26), date(2024, 5, 27)),
    ("2016/2017-03", "year", date(2016, 1, 1), date(2017, 3, 31)),
])
def test_precision_and_span(written: str, precision: str, earliest: date, latest: date) -> None:
    parsed = parse_date(written)
    assert parsed.precision == precision
    assert (parsed.earliest, parsed.latest) == (earliest, latest)


@pytest.mark.parametrize(("written", "approximate", "uncertain"), [
    ("2026-01", False, False),
    ("2026-01~", True, False),
    ("2026-01?", False, True),
    ("2026-01%", True, True),
    ("2024-05-13~/2024-05-20", True, False),
    ("2024-05-13/2024-05-20?", False, True),
])
def test_qualifiers(written: str, approximate: bool, uncertain: bool) -> None:
    parsed = parse_date(written)
    assert (parsed.approximate, parsed.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize(("written", "shown"), [
    # Each end of a range may be any single form; the display names both ends.
    ("2024-05/2024-06", "May–June 2024"),
    ("2016/2017", "2016 – 2017"),
    ("2024-05-30/2024-06-02", "30 May 2024 – 2 June 2024"),
    ("2024-05~/2024-06", "c. May–June 2024"),
])
def test_range_display(written: str, shown: str) -> None:
    assert parse_date(written).display() == shown


def test_leap_day_only_in_leap_years() -> None:
    assert parse_date("2024-02-29").display() == "29 February 2024"
    with pytest.raises(ValueError, match="February 2023 has days 01 to 28"):
        parse_date("2023-02-29")


def test_sorting_is_chronological_whatever_the_precision() -> None:
    written = ["2024-06", "2024-05-26/2024-05-27", "2017~", "2024-05-13", "2024", "2024-05-14?"]
    ordered = sorted(written, key=lambda text: parse_date(text).sort_key())
    assert ordered == ["2017~", "2024", "2024-05-13", "2024-05-14?", "2024-05-26/2024-05-27", "2024-06"]


EXPECTED_FORMS = 'a date like "2024-05-13", "2024-05" or "2017"'


@pytest.mark.parametrize(("written", "says"), [
    ("2024-02-30", "has day 30; February 2024 has days 01 to 29"),
    ("2024-04-31", "has day 31; April 2024 has days 01 to 30"),
    ("2024-05-00", "has day 00"),
    ("2024-13", "has month 13; expected 01 to 12"),
    ("2024-00", "has month 00; expected 01 to 12"),
    ("May 2024", 'did you mean "2024-05"?'),
    ("24-05-13", EXPECTED_FORMS),
    ("2024-5-13", 'did you mean "2024-05-13"?'),
    ("13/05/2024", EXPECTED_FORMS),
    ("2024-05-13 ", EXPECTED_FORMS),
    ("", EXPECTED_FORMS),
    ("2024-05~?", EXPECTED_FORMS),
    ("2024-05-13/", EXPECTED_FORMS),
    ("2024/2025/2026", EXPECTED_FORMS),
    ("２０２４", EXPECTED_FORMS),  # full-width digits are not EDTF
    ("2024-05-27/2024-05-26", "ends before it starts; expected the earlier date first"),
    ("2025/2024-12", "ends before it starts"),
])
def test_bad_dates_say_what_is_expected(written: str, says: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(written)
    message = str(caught.value)
    assert says in message
    # The message quotes what the editor wrote (for a range, at least the end that is wrong).
    assert any(repr(part) in message for part in [written, *written.partition("/")[::2]])


def test_year_zero_is_rejected_with_a_message() -> None:
    # Python dates start at year 1; year 0 must be refused when parsed, not crash later when sorted.
    for written in ("0000", "0000-01", "0000-01-01", "0000/2024"):
        with pytest.raises(ValueError, match="year"):
            parse_date(written)


@pytest.mark.parametrize("value", [2024, None, 20.24])
def test_non_text_is_rejected(value: object) -> None:
    with pytest.raises(ValueError, match="is not a quoted string"):
        parse_date(value)  # type: ignore[arg-type]
