"""Undoing a write is refused, changing nothing, while a later write holds any partition it changed:
undoing it would lose the later data. Undone newest first, each comes back in turn."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake, LakeChanged, new_version_id
from tests.support.kept_versions import MARKS_BEFORE, MARKS_NOW, SCHOOL, codes, held, register


def test_the_later_write_must_be_undone_first(lake: Lake):
    lake.replace({MARKS_NOW: register(A="//")})
    first, second = new_version_id(), new_version_id()
    lake.replace({MARKS_NOW: register(A="II")}, keep=first)
    lake.replace({MARKS_NOW: register(A="OO")}, keep=second)
    latest = held(lake)

    with pytest.raises(LakeChanged) as refused:
        lake.restore(SCHOOL, first)

    assert refused.value.partitions == [MARKS_NOW]
    assert held(lake) == latest
    assert [version.id for version in lake.versions(SCHOOL)] == [first, second]
    lake.restore(SCHOOL, second)
    assert codes(lake) == "II"
    lake.restore(SCHOOL, first)
    assert codes(lake) == "//"


def test_a_later_write_to_other_partitions_does_not_stop_an_undo(lake: Lake):
    lake.replace({MARKS_NOW: register(A="//"), MARKS_BEFORE: register(A="//")})
    first = new_version_id()
    lake.replace({MARKS_NOW: register(A="II")}, keep=first)
    lake.replace({MARKS_BEFORE: register(A="OO")}, keep=new_version_id())
    lake.restore(SCHOOL, first)
    assert (codes(lake), codes(lake, MARKS_BEFORE)) == ("//", "OO")


def test_a_version_not_kept_cannot_be_restored(lake: Lake):
    lake.replace({MARKS_NOW: register(A="//")})
    with pytest.raises(LookupError, match="not kept"):
        lake.restore(SCHOOL, new_version_id())
    with pytest.raises(ValueError, match="not a version id"):
        lake.restore(SCHOOL, "../../marks")
