"""Erasing a pupil rewrites a school's partitions all or none: a failure part-way leaves the old data."""

from __future__ import annotations

import os

import pytest

from rollbook.lake import Lake, PartitionKey
from rollbook.lake import store as store_module
from tests.support.registers import YEAR, write_school

SCHOOL = 900001
REGISTERS = {"A": "/\\" * 5, "B": "IIII" + "/\\" * 3}


def contents(lake: Lake) -> dict[PartitionKey, list[dict]]:
    return {
        key: lake.read(key).to_pylist() for table in ("pupils", "marks") for key in lake.partitions(table)
    }


def test_a_failure_writing_the_second_partition_leaves_both_unchanged(lake: Lake, monkeypatch):
    write_school(lake, SCHOOL, REGISTERS)
    before = contents(lake)
    real_write = store_module.write_durably
    written = []

    def disk_full_on_second_file(rows, path):
        if written:
            raise OSError("disk full")
        written.append(path)
        real_write(rows, path)

    monkeypatch.setattr(store_module, "write_durably", disk_full_on_second_file)
    with pytest.raises(OSError, match="disk full"):
        lake.erase_pupil("A", SCHOOL)
    monkeypatch.undo()
    assert written  # the first partition's new file was written before the failure
    assert contents(Lake(lake.root)) == before


def test_a_crash_at_the_commit_changes_nothing_and_the_next_erasure_completes(lake: Lake, monkeypatch):
    write_school(lake, SCHOOL, REGISTERS)
    before = contents(lake)
    real_replace = os.replace

    def power_cut_at_commit(source, target):
        if str(target).endswith(".json"):
            raise SystemExit("power cut")
        real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", power_cut_at_commit)
    with pytest.raises(SystemExit):
        lake.erase_pupil("A", SCHOOL)
    monkeypatch.undo()
    assert contents(Lake(lake.root)) == before
    assert lake.erase_pupil("A", SCHOOL) == {
        PartitionKey("marks", YEAR, SCHOOL): 10,
        PartitionKey("pupils", YEAR, SCHOOL): 1,
    }
    assert not list(lake.root.rglob("*.tmp"))
