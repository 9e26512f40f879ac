"""A write made from what a school held when it was read (an import's plan) lands only if nothing was
written to the school in between; otherwise it changes nothing."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake, LakeChanged, PartitionKey
from tests.support.kept_versions import MARKS_BEFORE, MARKS_NOW, SCHOOL, codes, register


def test_the_state_changes_with_any_write_and_only_then(lake: Lake):
    lake.replace({MARKS_NOW: register(A="//")})
    seen = lake.state(SCHOOL)
    lake.replace({MARKS_NOW: register(A="//")})  # the same rows: nothing written
    lake.replace({PartitionKey("marks", 2024, SCHOOL + 1): register(A="II")})  # another school
    assert lake.state(SCHOOL) == seen
    lake.replace({MARKS_BEFORE: register(A="II")})
    assert lake.state(SCHOOL) != seen


def test_a_write_after_another_is_refused_and_changes_nothing(lake: Lake):
    lake.replace({MARKS_NOW: register(A="//")})
    seen = lake.state(SCHOOL)
    lake.replace({MARKS_NOW: register(A="II")})
    with pytest.raises(LakeChanged):
        lake.replace({MARKS_NOW: register(A="OO")}, expect=seen)
    assert codes(lake) == "II"
    lake.replace({MARKS_NOW: register(A="OO")}, expect=lake.state(SCHOOL))
    assert codes(lake) == "OO"
