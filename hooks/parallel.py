"""Work on every core for a large site: items dealt out to forked processes.

Loading and rendering are pure, so a forked process already holds everything it needs (nothing is
sent to it) and sends back only its results. A single core, a system without fork, and `mkdocs serve`
(whose server threads make forking unsafe: callers pass processes=1 there) run the work here, in one
process. The results are the same, in the same order, either way (tests/test_parallel.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

MAX_PROCESSES = 4  # a cap on a big machine: each process sends its results back, and was measured on 2 cores only

Item = TypeVar("Item")
Result = TypeVar("Result")

_dealt: dict[str, Any] = {}  # the work, inherited by forked processes (never pickled)


def available_cores() -> int:
    """The cores this process may run on (os.cpu_count() counts the whole machine's), at most MAX_PROCESSES."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES))


def map_in_processes(function: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """[function(item) for item in items], shared out among `processes` processes (this one included)."""
    if processes <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    processes = min(processes, len(items))
    # Item i goes to process i % processes: neighbours differ in size (a timeline, then an article),
    # and dealing them round-robin evens out the shares.
    _dealt.update(function=function, items=items, processes=processes)
    try:
        with ProcessPoolExecutor(processes - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_share, share) for share in range(1, processes)]
            shares = [_share(0), *(future.result() for future in others)]
    finally:
        _dealt.clear()
    return [shares[index % processes][index // processes] for index in range(len(items))]


def _share(share: int) -> list:
    function, items, processes = _dealt["function"], _dealt["items"], _dealt["processes"]
    return [function(items[index]) for index in range(share, len(items), processes)]
