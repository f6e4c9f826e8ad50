"""A watch on data/ for editors' saves, shared by the preview (hooks/preview_server.py) and
`make check WATCH=1` (hooks/check_watch.py), so both count the same things as a change.

A save counts; a change to an editor's leftover (a swap file, `.DS_Store`: `is_editor_leftover`)
and a mere read do not. When data/ is moved away and put back (`mv data data.bak && cp -r data.bak
data`), watchdog's watch on the old folder stops for good: this one notices and starts again on the
new folder. That needs a polling observer (MkDocs' own): inotify reports no event when the watched
folder itself is moved away.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchdog.events
from watchdog.observers.api import BaseObserver, ObservedWatch

from hooks.content.load import is_editor_leftover

REWATCH_SECONDS = 0.5  # how often to look for data/ again after it was moved away
READS = ("opened", "closed_no_write")  # reading a file is not a change


class DataWatch:
    """Calls `changed()` after each save under `folder`, `gone()` when the folder is moved away and
    `back()` when a folder is there again, until `stopped()` says so."""

    def __init__(self, observer: BaseObserver, folder: Path, *, changed: Callable[[], None],
                 gone: Callable[[], None] = lambda: None, back: Callable[[], None] = lambda: None,
                 stopped: Callable[[], bool] = lambda: False) -> None:
        self.observer, self.path = observer, os.path.abspath(folder)
        self.changed, self.gone, self.back, self.stopped = changed, gone, back, stopped
        self.handler = watchdog.events.FileSystemEventHandler()
        self.handler.on_any_event = self._on_event  # type: ignore[method-assign]
        self.watch: ObservedWatch | None = None

    def start(self) -> ObservedWatch:
        self.watch = self.observer.schedule(self.handler, self.path, recursive=True)
        return self.watch

    def _on_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.src_path == self.path and event.event_type == watchdog.events.EVENT_TYPE_DELETED:
            threading.Thread(target=self._rewatch, name="rewatch-data", daemon=True).start()
            self.gone()
            return
        if event.is_directory or event.event_type in READS:
            return
        names = [os.path.basename(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if not all(is_editor_leftover(name) for name in names):
            self.changed()

    def _rewatch(self) -> None:
        while not self.stopped():
            if os.path.isdir(self.path):
                self.observer.unschedule(self.watch)  # its emitter has stopped; a new one reads the new folder
                self.start()
                self.back()
                return
            time.sleep(REWATCH_SECONDS)
