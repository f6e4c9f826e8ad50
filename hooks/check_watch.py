"""`make check WATCH=1` (`python -m hooks.check data --watch`): check data/ again after every save.

YAML language servers see neither an article's front matter (it sits in a Markdown file) nor what
crosses files, so this is how an editor gets every problem while editing, in a terminal beside the
editor, without a build. watchdog (MkDocs' own file watcher) reports the saves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

SETTLE_SECONDS = 0.2  # an editor's save is often several writes (temporary file, rename): check once after them


class _Saved(FileSystemEventHandler):
    def __init__(self, changed: threading.Event) -> None:
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("opened", "closed_no_write"):  # reading a file is not a change
            self.changed.set()


def watch(data_dir: Path, check: Callable[[], object], *, stop: threading.Event,
          announce: Callable[[str], None] = print) -> None:
    """Run `check` now and after each change under data_dir, until `stop` is set."""
    changed = threading.Event()
    observer = Observer()
    observer.schedule(_Saved(changed), str(data_dir), recursive=True)
    observer.start()
    try:
        check()
        announce(f"watching {data_dir}/ for changes (Ctrl-C to stop)")
        while not stop.is_set():
            if not changed.wait(timeout=0.5):
                continue
            while changed.wait(timeout=SETTLE_SECONDS):  # until the writes of one save have settled
                changed.clear()
            announce(f"--- {data_dir}/ changed; checking again")
            check()
    finally:
        observer.stop()
        observer.join()
