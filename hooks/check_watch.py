"""`make check WATCH=1` (`python -m hooks.check data --watch`): check data/ again after every save.

YAML language servers see neither an article's front matter (it sits in a Markdown file) nor what
crosses files, so this is how an editor gets every problem while editing, in a terminal beside the
editor, without a build. The watch is the preview's (hooks/data_watch.py): editors' leftovers are
not saves, and a replaced data/ is watched again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.observers.polling import PollingObserver

from hooks.data_watch import DataWatch

POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.2  # an editor's save is often several writes (temporary file, rename): check once after them


def watch(data_dir: Path, check: Callable[[], object], *, stop: threading.Event,
          announce: Callable[[str], None] = print) -> None:
    """Run `check` now and after each change under data_dir, until `stop` is set."""
    changed = threading.Event()
    observer = PollingObserver(timeout=POLL_SECONDS)  # as MkDocs' preview: it sees data/ itself replaced
    DataWatch(observer, data_dir, changed=changed.set, gone=lambda: announce(f"--- {data_dir}/ is gone; waiting for it"),
              back=changed.set, stopped=stop.is_set).start()
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
