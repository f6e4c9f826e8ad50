"""Work on more than one core for a large site, in forked processes.

Loading and rendering are pure, so a forked process already holds everything it needs (nothing is
sent to it) and sends back only its results. A single core, a system without fork, and `mkdocs serve`
(whose server threads make forking unsafe: callers pass processes=1 there) do the work here, in one
process. The results are the same, in the same order, either way (tests/test_parallel.py).
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import pickle
import struct
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any, BinaryIO, TypeVar

MAX_PROCESSES = 4  # a cap on a big machine: each process sends its results back, and was measured on 2 cores only

_LENGTH = struct.Struct("<Q")  # before each result in a worker's file: its pickle's length in bytes
Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores() -> int:
    """The cores this process may run on (os.cpu_count() counts the whole machine's), at most MAX_PROCESSES."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Background:
    """[function(item) for item in items], begun at once in forked worker processes while this one goes
    on; when the results are asked for, this process joins in. Items are claimed one at a time, so the
    shares even out however much the items differ in cost: this process from the front of the list, the
    workers from the back. Each process thus keeps to items alike (pages of one kind, in rendering), and
    less of what such items share (links, sorted lists, indexes) is made in both: rendering N = 1,000
    took 0.93 s of CPU in all with the items claimed alternately, 0.88 s so. Without fork, this process
    does all the work when the results are asked for."""

    def __init__(self, function: Callable[[Item], Result], items: Sequence[Item], workers: int = 1):
        self.function, self.items = function, items
        self.workers: list[tuple[multiprocessing.Process, Connection, BinaryIO]] = []
        self.unclaimed = None
        if workers < 1 or not items or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self.unclaimed = context.Array("q", [0, len(items) - 1])  # the first and the last item nobody has claimed
        for _ in range(min(workers, len(items))):
            receiving, sending = context.Pipe(duplex=False)
            results = tempfile.TemporaryFile()  # unnamed: gone once both processes close it
            # Daemonic: if this process ends before asking for the results, the workers end with it.
            worker = context.Process(target=_work, args=(function, items, self.unclaimed, sending, results.fileno()),
                                     daemon=True)
            worker.start()
            sending.close()  # only the worker's end stays open: if it dies without sending, recv() sees the end
            self.workers.append((worker, receiving, results))

    def result(self) -> list[Result]:
        """The results in item order (this process claims what is left, then waits for the workers'),
        or the error the work raised."""
        if not self.workers:
            return [self.function(item) for item in self.items]
        try:
            done = {index: self.function(self.items[index]) for index in _claims(self.unclaimed, FRONT)}
            for worker, receiving, results in self.workers:
                done |= _received(worker, receiving, results)
        finally:
            self.stop()
        return [done[index] for index in range(len(self.items))]

    def stop(self) -> None:
        """End the work without its results (when what it was for has failed)."""
        for worker, receiving, results in self.workers:
            receiving.close()
            if worker.is_alive():
                worker.terminate()
            worker.join()
            results.close()


FRONT, BACK = 0, 1  # this process's end of the unclaimed items, and the workers'


def _claims(unclaimed, end: int) -> Iterator[int]:  # noqa: ANN001 (a multiprocessing Array)
    """The indexes a process claims, one at a time from its end of the unclaimed items, until none is left."""
    step = 1 if end == FRONT else -1
    while True:
        with unclaimed.get_lock():
            first, last = unclaimed[FRONT], unclaimed[BACK]
            if first > last:
                return
            index = unclaimed[end]
            unclaimed[end] = index + step
        yield index


def _work(function: Callable, items: Sequence, unclaimed, sending: Connection, results: int) -> None:  # noqa: ANN001
    """A worker: the items it claims, each result written to the `results` file as soon as it is made
    (pickled (index, result) pairs, each after its length: the pickling overlaps the work, and a file
    takes them without waiting for the parent, which a pipe does not); then the file's size, or the
    error, through `sending`."""
    try:
        with open(results, "wb", closefd=False) as out:
            for index in _claims(unclaimed, BACK):
                pickled = pickle.dumps((index, function(items[index])), protocol=pickle.HIGHEST_PROTOCOL)
                out.write(_LENGTH.pack(len(pickled)))
                out.write(pickled)
            outcome = ("done", out.tell())
    except Exception as error:  # noqa: BLE001 (handed to the parent, which raises it)
        outcome = ("failed", error)
    try:
        sending.send(outcome)
    except OSError:
        pass  # the parent stopped waiting (Background.stop)
    except Exception:  # noqa: BLE001 (an error that cannot be pickled: send what went wrong, as text)
        failure = "".join(traceback.format_exception(outcome[1]))
        sending.send(("failed", RuntimeError(f"{failure}{traceback.format_exc()}")))
    finally:
        sending.close()


def _received(worker: multiprocessing.Process, receiving: Connection, results: BinaryIO) -> dict[int, Any]:
    try:
        outcome, value = receiving.recv()
    except EOFError:
        raise RuntimeError(f"a worker process ended without its results (exit code {worker.exitcode})") from None
    if outcome == "failed":
        raise value
    done = _unpickled(results, value) if value else {}  # (an empty file cannot be mapped)
    worker.join()  # it exits once it has sent word (meanwhile, its results were read)
    return done


def _unpickled(results: BinaryIO, size: int) -> dict[int, Any]:
    """A worker's results, unpickled straight from the file's pages, mapped: reading them into memory
    first was a third of the time (20 MB of pages from the other process at N = 1,000)."""
    done = {}
    with mmap.mmap(results.fileno(), size, access=mmap.ACCESS_READ) as mapped, memoryview(mapped) as written:
        start = 0
        while start < size:
            (length,) = _LENGTH.unpack_from(written, start)
            start += _LENGTH.size
            index, result = pickle.loads(written[start:start + length])
            done[index] = result
            start += length
    return done
