"""Rendering a large site on every core: the page jobs are dealt out to forked processes.

Rendering is pure and the pages are independent, so a process forked after loading has everything
it needs (no data is sent to it) and sends back only its finished pages. Small sites, a single core,
systems without fork, and `mkdocs serve` (whose server threads make forking unsafe) render here in one
process. The result is the same pages in the same order either way (tests/test_long_lists.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

PARALLEL_FROM = 400  # jobs (about one per page); below this, starting processes costs more than it saves
MAX_PROCESSES = 4  # a cap on a big machine: each process sends its pages back, and was measured on 2 cores only

_dealt: dict[str, Any] = {}  # the jobs and context, inherited by forked processes (never pickled)


def available_cores() -> int:
    """The cores this process may run on (os.cpu_count() counts the whole machine's), at most MAX_PROCESSES."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES))


def render_shares(jobs: list[Callable], ctx: Any, processes: int) -> Iterator[dict[str, str]]:
    """Each job's pages, in job order."""
    if processes <= 1 or len(jobs) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            yield job(ctx)
        return
    # Job i goes to process i % processes: neighbours differ in size (a timeline, then an article),
    # and dealing them round-robin evens out the shares.
    _dealt.update(jobs=jobs, ctx=ctx, processes=processes)
    try:
        with ProcessPoolExecutor(processes - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_render_share, share) for share in range(1, processes)]
            shares = [_render_share(0), *(future.result() for future in others)]
    finally:
        _dealt.clear()
    for index in range(len(jobs)):
        yield shares[index % processes][index // processes]


def _render_share(share: int) -> list[dict[str, str]]:
    jobs, ctx, processes = _dealt["jobs"], _dealt["ctx"], _dealt["processes"]
    return [jobs[index](ctx) for index in range(share, len(jobs), processes)]
