"""One very long timeline, as long as the 2 MiB cap on a file allows (issue 22: 34,561 events made one
24.8 MB timeline page): the minimal fixture plus a timeline of N of the shortest valid events, their
years spread over 1992–2026 as in bench/corpus.py.

`python -m bench.long_timeline [N]` writes it to a temporary folder, renders the site (our hooks
only, no MkDocs) and prints the timeline's page sizes: its main page and its largest year page.
tests/test_long_timelines.py renders a small one with a lowered threshold.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from bench.corpus import FIRST_YEAR, YEARS
from hooks import urls
from hooks.content.load import load_site
from hooks.render import render_site
from hooks.render.common import Context

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "minimal" / "data"
LONG_ID = "long-timeline"
ISSUE_SIZE = 34_561  # the red team's timeline (issue 22, item 14)
# Short ids and one flow-style list keep an event to 59 bytes of YAML, so that 34,561 fit in one file.
REFERENCE = "- id: r\n  publisher: Example Ministry (fictional)\n  title: Fictional statement\n  date: \"1992\"\n"
PEOPLE_AND_TOPICS = ("example-minister-kim", "example-minister-wang"), ("example-trade", "example-fisheries")


def event_id(serial: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    name = ""
    while True:
        serial, digit = divmod(serial, 36)
        name = digits[digit] + name
        if not serial:
            return f"e{name}"


def event_yaml(serial: int, *, tagged: bool) -> str:
    """One event in YAML's flow style; `tagged` adds a person and a topic (for the overview's lanes and the
    filters), at the cost of 60 more bytes."""
    year = FIRST_YEAR + (serial * 17) % YEARS
    tags = ""
    if tagged:
        people, topics = PEOPLE_AND_TOPICS
        tags = f",actors: [{people[serial % 2]}],topics: [{topics[serial % 3 % 2]}]"
    return f'{{id: {event_id(serial)},date: "{year}",headline: h,summary: s,sources: [r]{tags}}}'


def write_long_timeline(data_dir: Path, n_events: int, *, tagged: bool = False) -> Path:
    """The minimal fixture in `data_dir` (which must not exist) plus timelines/long-timeline.yml."""
    shutil.copytree(FIXTURE_DATA, data_dir)
    return add_long_timeline(data_dir, n_events, tagged=tagged)


def add_long_timeline(data_dir: Path, n_events: int, *, tagged: bool = False) -> Path:
    """Add timelines/long-timeline.yml (and the reference its events cite) to a copy of the minimal fixture."""
    with (data_dir / "references.yml").open("a", encoding="utf-8") as out:
        out.write(REFERENCE)
    events = ",".join(event_yaml(serial, tagged=tagged) for serial in range(n_events))
    (data_dir / "timelines" / f"{LONG_ID}.yml").write_text(
        f"title: A very long timeline\nintro: The shortest events, many times over.\nevents: [{events}]\n",
        encoding="utf-8")
    return data_dir


def page_sizes(data_dir: Path) -> dict[str, int]:
    """Bytes of the long timeline's generated pages (Markdown holding one HTML block; the theme adds the
    same 30 KB or so to every page)."""
    site = load_site(data_dir)
    pages = render_site(site, Context(site, site_name="Example", site_url="https://example.org/"))
    main = urls.timeline(LONG_ID)
    years = {src: len(page.encode()) for src, page in pages.items() if src.startswith(main.removesuffix(".md") + "/")}
    return {"events": len(site.timelines[LONG_ID].events), "main_page_bytes": len(pages[main].encode()),
            "year_pages": len(years), "max_year_page_bytes": max(years.values(), default=0),
            "largest_page_bytes": max(len(page.encode()) for page in pages.values())}


def main() -> None:
    n_events = int(sys.argv[1]) if len(sys.argv) > 1 else ISSUE_SIZE
    with tempfile.TemporaryDirectory() as work:
        print(page_sizes(write_long_timeline(Path(work) / "data", n_events)))


if __name__ == "__main__":
    main()
