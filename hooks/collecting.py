"""Python's cycle collector, paused while a build makes its many small objects.

Loading and rendering allocate millions of dicts, lists, strings and models, nearly all of which live
until the build ends (or are freed at once by reference counting). The collector would walk each of
them at least twice on their way to the oldest generation, for nothing. On a synthetic 5,000-article
archive, loading and rendering (in one process) took 17.7, 17.8 and 14.6 s with CPython's default
thresholds, against 15.3, 13.2 and 10.2 s with the collector paused (paired runs), at the same peak
memory (734 MB): there is no cyclic garbage to speak of. Reference counting still frees everything
not in a cycle, and any cycles made meanwhile go at the first automatic collection after the pause.

A build pauses it for the whole of its setup (hooks/mkdocs_hooks.py on_config), not just around
loading and rendering: between them, the first collection would walk everything loaded (0.02 s at
N = 1,000) only to find it all alive.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """The cycle collector off for a block (`with collection_paused():`) or a function
    (`@collection_paused()`); on again afterwards if it was before, however the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
