"""The collector pause around a build's setup: in force during the call or block, undone after it."""

from __future__ import annotations

import gc

import pytest

from hooks.collecting import collection_paused


@pytest.fixture
def collector_on():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_during_the_call_only(collector_on):
    assert collection_paused()(gc.isenabled)() is False
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_call_fails(collector_on):
    @collection_paused()
    def failing():
        raise ValueError("bad data")

    with pytest.raises(ValueError):
        failing()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(collector_on):
    gc.disable()
    collection_paused()(lambda: None)()
    assert not gc.isenabled()


def test_a_block_pauses_it_too(collector_on):
    with pytest.raises(ValueError), collection_paused():
        assert not gc.isenabled()
        raise ValueError("bad data")
    assert gc.isenabled()
