"""`python -m hooks.check [data-dir]`: validate data/ without building the site.

Prints every problem as `path:line: field: message` and exits 1 when there are any. Under GitHub
Actions (GITHUB_ACTIONS=true) it also prints `::error` annotations so problems show on the diff.

Scheduled events whose date has passed are listed as warnings (exit status 0): the site already
shows them in their timeline, but an editor should confirm or correct them.

With --watch (`make check WATCH=1`) it checks again after every save, until Ctrl-C (hooks/check_watch.py).
"""

from __future__ import annotations

import os
import sys
import threading
from datetime import date
from pathlib import Path

from hooks.content.load import load_site
from hooks.content.problems import DataError
from hooks.content.schedule import review_notes


def main(argv: list[str] | None = None, *, today: date | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [arg for arg in args if arg != "--watch"]
    data_dir = Path(paths[0]) if paths else Path("data")
    if "--watch" in args:
        from hooks.check_watch import watch  # watchdog's threads only when asked for

        try:
            watch(data_dir, lambda: check(data_dir, today=today), stop=threading.Event())
        except KeyboardInterrupt:
            pass
        return 0
    return check(data_dir, today=today)


def check(data_dir: Path, *, today: date | None = None) -> int:
    """Check data_dir once, printing what `make check` prints; 1 when there are problems."""
    try:
        site = load_site(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for problem in error.problems:
                print(problem.github_annotation())
        return 1
    events = sum(len(timeline.events) for timeline in site.timelines.values())
    print(f"{data_dir}: OK: {len(site.articles)} articles, {len(site.timelines)} timelines with {events} events, "
          f"{len(site.people)} people, {len(site.topics)} topics, {len(site.terms)} terms, "
          f"{len(site.references)} references")
    notes = review_notes(site, today or date.today())
    if notes:
        noun = "event" if len(notes) == 1 else "events"
        print("\n".join([f"warning: {len(notes)} scheduled {noun} to review (the site still builds):",
                         *map(str, notes)]), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for note in notes:
                print(note.github_annotation("warning"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
