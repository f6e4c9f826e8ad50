"""Python's cycle collector, paused while a build makes its many small objects.

Loading and rendering allocate millions of dicts, lists, strings and models, nearly all of which live
until the build ends (or are freed at once by reference counting). The collector would walk each of
them at least twice on their way to the oldest generation, for nothing. On a synthetic 5,000-article
archive, loading and rendering (in one process) took 17.7, 17.8 and 14.6 s with CPython's default
thresholds, against 15.3, 13.2 and 10.2 s with the collector paused (paired runs), at the same peak
memory (734 MB): there is no cyclic garbage to speak of. Reference counting still frees everything
not in a cycle, and any cycles made meanwhile go at the first automatic collection after the pause.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def collection_paused(function: Callable[..., Result]) -> Callable[..., Result]:
    """Run the function with the cycle collector off; it is on again afterwards if it was before,
    however the function ends."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs) -> Result:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
