"""Keeping a version, undoing to one and erasing from them go through the write journal: a crash before
its commit changes nothing and leaves nothing behind, and one after it is finished by the next reader."""

from __future__ import annotations

import os

import pytest

from rollbook.lake import Lake, new_version_id
from rollbook.lake import store as store_module
from tests.support.kept_versions import MARKS_NOW, SCHOOL, held, register


def power_cut(monkeypatch, when) -> None:
    """Make os.replace stop the process at the first call `when` picks."""
    real_replace = os.replace

    def replace(source, target):
        if when(str(source), str(target)):
            raise SystemExit("power cut")
        real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", replace)


def at_commit(source: str, target: str) -> bool:
    return target.endswith(".json") and "_journal" in target


def test_a_crash_before_the_commit_keeps_no_version_and_leaves_nothing(lake: Lake, monkeypatch):
    lake.replace({MARKS_NOW: register(A="//")})
    before = held(lake)
    power_cut(monkeypatch, at_commit)
    with pytest.raises(SystemExit):
        lake.replace({MARKS_NOW: register(A="II")}, keep=new_version_id())
    monkeypatch.undo()

    fresh = Lake(lake.root)
    assert held(fresh) == before
    assert fresh.versions(SCHOOL) == []
    assert list((lake.root / "_versions").rglob("*")) == [lake.root / "_versions" / f"school={SCHOOL}"]


def test_a_crash_after_the_commit_is_finished_with_its_version(lake: Lake, monkeypatch):
    lake.replace({MARKS_NOW: register(A="//")})
    before = held(lake)
    version = new_version_id()
    monkeypatch.setattr(Lake, "_roll_forward", lambda self, school: None)
    lake.replace({MARKS_NOW: register(A="II")}, keep=version)
    monkeypatch.undo()

    fresh = Lake(lake.root)
    assert fresh.read(MARKS_NOW).column("code").to_pylist() == ["I", "I"]
    fresh.restore(SCHOOL, version)
    assert held(fresh) == before


def test_a_crash_part_way_through_applying_is_finished_without_losing_the_previous_file(
    lake: Lake, monkeypatch
):
    lake.replace({MARKS_NOW: register(A="//")})
    before = held(lake)
    version = new_version_id()
    # The previous file is already kept when the new one's rename is cut short.
    power_cut(monkeypatch, lambda source, target: target == str(lake.path(MARKS_NOW)))
    with pytest.raises(SystemExit):
        lake.replace({MARKS_NOW: register(A="II")}, keep=version)
    monkeypatch.undo()

    fresh = Lake(lake.root)
    assert fresh.read(MARKS_NOW).column("code").to_pylist() == ["I", "I"]
    fresh.restore(SCHOOL, version)
    assert held(fresh) == before


def test_an_undo_cut_short_after_its_commit_is_finished(lake: Lake, monkeypatch):
    lake.replace({MARKS_NOW: register(A="//")})
    before = held(lake)
    version = new_version_id()
    lake.replace({MARKS_NOW: register(A="II")}, keep=version)
    power_cut(monkeypatch, lambda source, target: target == str(lake.path(MARKS_NOW)))
    with pytest.raises(SystemExit):
        lake.restore(SCHOOL, version)
    monkeypatch.undo()

    fresh = Lake(lake.root)
    assert fresh.versions(SCHOOL) == []
    assert held(fresh) == before


def test_an_erasure_cut_short_before_its_commit_leaves_the_versions_whole(lake: Lake, monkeypatch):
    lake.replace({MARKS_NOW: register(A="//", B="//")})
    before = held(lake)
    version = new_version_id()
    lake.replace({MARKS_NOW: register(A="II", B="II")}, keep=version)
    power_cut(monkeypatch, at_commit)
    with pytest.raises(SystemExit):
        lake.erase_pupil("A", SCHOOL)
    monkeypatch.undo()

    fresh = Lake(lake.root)
    fresh.restore(SCHOOL, version)
    assert held(fresh) == before
