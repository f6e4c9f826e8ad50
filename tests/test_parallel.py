"""Work shared out among forked processes gives what one process gives, in the same order."""

from __future__ import annotations

import os
import time

import pytest

from hooks import parallel, yaml_source
from hooks.parallel import Background
from hooks.yaml_source import Parsing, SourceError, parse_yaml
from tests.test_yaml_fast_path import PLAIN, UNUSUAL


@pytest.mark.parametrize("processes", [1, 2, 3, 8])
def test_results_come_back_in_item_order(processes):
    items = list(range(23))
    assert Background(lambda n: (n, n * n), items, workers=processes - 1).result() == [(n, n * n) for n in items]


def test_an_error_in_another_process_reaches_the_caller():
    def fail_on_odd(n):
        if n % 2:
            raise ValueError(f"item {n}")
        return n

    with pytest.raises(ValueError, match="item [13]"):  # whichever process claims an odd one first
        Background(fail_on_odd, [0, 1, 2, 3], workers=1).result()


def outcome(text: str, first_line: int) -> object:
    try:
        located = parse_yaml(text, first_line=first_line)
    except SourceError as error:
        return ("error", error.line, error.field, error.message)
    return ("data", located.data, located.line_of(()), located.line_of((0,)), located.line_of(("a",)))


@pytest.mark.parametrize("how", [{"workers": 0}, {"workers": 1}, {"workers": 2}])
def test_parsing_many_documents_in_processes_reads_each_as_parse_yaml_does(how, monkeypatch):
    monkeypatch.setattr(yaml_source, "PARALLEL_FROM_CHARS", 0)  # share out even these few short texts
    documents = [(text, first_line) for first_line, text in enumerate(PLAIN + UNUSUAL, start=1)]
    parsing = Parsing(documents, **how)
    assert bool(parsing.work.workers) == (how["workers"] > 0)
    results = parsing.result()
    assert [type(result) for result in results].count(SourceError) > 0  # unusual ones include real errors
    for (text, first_line), result in zip(documents, results):
        if isinstance(result, SourceError):
            got = ("error", result.line, result.field, result.message)
        else:
            got = ("data", result.data, result.line_of(()), result.line_of((0,)), result.line_of(("a",)))
        assert got == outcome(text, first_line), text


def claimed_by_the_worker(work: Background) -> Background:
    """The work once its worker has claimed every item (this process meanwhile does something else)."""
    deadline = time.monotonic() + 30
    while work.unclaimed[0] <= work.unclaimed[1] and time.monotonic() < deadline:
        time.sleep(0.01)
    return work


def test_work_in_the_background_runs_while_this_process_goes_on():
    work = Background(lambda n: (os.getpid(), n + 1), [1, 2, 3])
    results = claimed_by_the_worker(work).result()
    assert [n for _, n in results] == [2, 3, 4]
    assert os.getpid() not in {pid for pid, _ in results}, "the worker did it all while this process waited"


def test_this_process_joins_in_when_it_asks_for_the_results():
    def slowly(n):
        time.sleep(0.1)  # 2 s in all: time enough for the worker to start, even on a busy machine
        return os.getpid(), n

    results = Background(slowly, list(range(20))).result()
    assert [n for _, n in results] == list(range(20))
    assert len({pid for pid, _ in results}) == 2, "both processes claimed items"
    # This process from the front, the worker from the back: each keeps to its end of the list.
    mine = [n for pid, n in results if pid == os.getpid()]
    assert mine == list(range(len(mine))), results


def test_a_worker_that_claimed_nothing_sends_back_nothing(monkeypatch):
    here, claims = os.getpid(), parallel._claims
    monkeypatch.setattr(parallel, "_claims", lambda *args: claims(*args) if os.getpid() == here else iter(()))
    results = Background(lambda n: (os.getpid(), n), [1, 2, 3]).result()
    assert results == [(here, 1), (here, 2), (here, 3)]


def test_work_stopped_before_its_results_leaves_no_process_behind():
    work = Background(lambda seconds: time.sleep(seconds), [60])
    work.stop()
    assert work.workers and not any(worker.is_alive() for worker, *_ in work.workers)


def test_an_error_that_cannot_be_sent_back_still_reaches_the_caller_as_text():
    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("not picklable")

    def fail(n):
        raise Unpicklable(f"item {n} failed")

    with pytest.raises(RuntimeError, match="item 1 failed"):
        claimed_by_the_worker(Background(fail, [1])).result()


def test_a_result_that_cannot_be_sent_back_fails_with_why():
    """Each result is pickled as soon as it is made: one that cannot be is the worker's error."""
    with pytest.raises(Exception, match="pickle"):
        claimed_by_the_worker(Background(lambda n: (lambda: n), [1])).result()
