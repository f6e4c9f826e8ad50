"""The collector pause around loading and rendering: in force during the call, undone after it."""

from __future__ import annotations

import gc

import pytest

from hooks.collecting import YOUNG_THRESHOLD, collecting_less


@pytest.fixture
def default_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_young_generation_is_collected_less_often_during_the_call_only(default_thresholds):
    seen = collecting_less(gc.get_threshold)()
    assert seen == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_the_thresholds_come_back_when_the_call_fails(default_thresholds):
    @collecting_less
    def failing():
        raise ValueError("bad data")

    with pytest.raises(ValueError):
        failing()
    assert gc.get_threshold() == (700, 10, 10)


def test_collection_switched_off_by_the_caller_stays_off(default_thresholds):
    gc.set_threshold(0)
    assert collecting_less(gc.get_threshold)()[0] == 0
    assert gc.get_threshold()[0] == 0
