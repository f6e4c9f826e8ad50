"""Work on more than one core for a large site, in forked processes.

Loading and rendering are pure, so a forked process already holds everything it needs (nothing is
sent to it) and sends back only its results. A single core, a system without fork, and `mkdocs serve`
(whose server threads make forking unsafe: callers pass processes=1 there) do the work here, in one
process. The results are the same, in the same order, either way (tests/test_parallel.py).
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

MAX_PROCESSES = 4  # a cap on a big machine: each process sends its results back, and was measured on 2 cores only

Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores() -> int:
    """The cores this process may run on (os.cpu_count() counts the whole machine's), at most MAX_PROCESSES."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Background:
    """[function(item) for item in items], started in a forked process while this one goes on.
    Without fork, the work is done here when its result is asked for."""

    def __init__(self, function: Callable[[Item], Result], items: Sequence[Item]):
        self.function, self.items = function, items
        self.worker = None
        if can_fork():
            context = multiprocessing.get_context("fork")
            self.receiving, sending = context.Pipe(duplex=False)
            # Daemonic: if this process ends before asking for the results, the worker ends with it.
            self.worker = context.Process(target=_work, args=(function, items, sending), daemon=True)
            self.worker.start()
            sending.close()  # only the worker's end stays open: if it dies without sending, recv() sees the end

    def result(self) -> list[Result]:
        """The results (waiting for them), or the error the work raised."""
        if self.worker is None:
            return [self.function(item) for item in self.items]
        try:
            outcome, value = self.receiving.recv()
        except EOFError:
            raise RuntimeError(f"a worker process ended without its results (exit code {self.worker.exitcode})") from None
        finally:
            self.receiving.close()
            self.worker.join()  # it exits once its results are sent
        if outcome == "failed":
            raise value
        return value

    def stop(self) -> None:
        """End the work without its results (when what it was for has failed)."""
        if self.worker is not None:
            self.receiving.close()
            if self.worker.is_alive():
                self.worker.terminate()
            self.worker.join()


def _work(function: Callable, items: Sequence, sending) -> None:  # noqa: ANN001 (a multiprocessing Connection)
    try:
        outcome = ("done", [function(item) for item in items])
    except Exception as error:  # noqa: BLE001 (handed to the parent, which raises it)
        outcome = ("failed", error)
    try:
        sending.send(outcome)
    except OSError:
        pass  # the parent stopped waiting (Background.stop)
    except Exception:  # noqa: BLE001 (something that cannot be pickled: send what went wrong, as text)
        failure = "".join(traceback.format_exception(outcome[1])) if outcome[0] == "failed" else ""
        sending.send(("failed", RuntimeError(f"{failure}{traceback.format_exc()}")))
    finally:
        sending.close()


def map_in_processes(function: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """[function(item) for item in items], shared out among `processes` processes (this one included)."""
    if processes <= 1 or len(items) < 2 or not can_fork():
        return [function(item) for item in items]
    processes = min(processes, len(items))
    # Item i goes to process i % processes: neighbours differ in size (a timeline, then an article),
    # and dealing them round-robin evens out the shares.
    others = [Background(function, items[share::processes]) for share in range(1, processes)]
    try:
        shares = [[function(item) for item in items[0::processes]], *(other.result() for other in others)]
    finally:
        for other in others:
            other.stop()
    return [shares[index % processes][index // processes] for index in range(len(items))]
