"""A write that keeps a version can be undone: every partition it changed gets back its previous file,
byte for byte, and one it created goes away."""

from __future__ import annotations

from rollbook.lake import Lake, PartitionKey, new_version_id
from tests.support.kept_versions import MARKS_BEFORE, MARKS_NOW, PUPILS_NOW, SCHOOL, held, pupils, register

MARKS_NEXT = PartitionKey("marks", 2025, SCHOOL)


def test_changed_created_and_removed_partitions_all_come_back(lake: Lake):
    lake.replace({PUPILS_NOW: pupils("A"), MARKS_NOW: register(A="/\\" * 5), MARKS_BEFORE: register(A="/\\")})
    before = held(lake)
    version = new_version_id()

    changed = lake.replace(
        {
            PUPILS_NOW: pupils("A"),  # the same rows: not changed, so not kept
            MARKS_NOW: register(A="II" + "/\\" * 4),
            MARKS_BEFORE: None,
            MARKS_NEXT: register(A="OO"),
        },
        keep=version,
    )

    assert changed == [MARKS_BEFORE, MARKS_NOW, MARKS_NEXT]
    (kept,) = lake.versions(SCHOOL)
    assert (kept.id, sorted(kept.after)) == (version, changed)
    assert kept.after[MARKS_BEFORE] is None
    assert lake.restore(SCHOOL, version) == changed
    assert held(lake) == before
    assert lake.read(MARKS_NEXT) is None
    assert lake.versions(SCHOOL) == []


def test_keeping_a_version_copies_no_data(lake: Lake):
    lake.replace({MARKS_NOW: register(A="/\\" * 5)})
    previous = lake.path(MARKS_NOW).stat().st_ino
    version = new_version_id()
    lake.replace({MARKS_NOW: register(A="IIII")}, keep=version)
    kept = lake.root / "_versions" / f"school={SCHOOL}" / version / "marks" / "academic_year=2024"
    assert (kept / "data.parquet").stat().st_ino == previous


def test_a_write_that_changes_nothing_keeps_no_version(lake: Lake):
    lake.replace({MARKS_NOW: register(A="/\\")})
    assert lake.replace({MARKS_NOW: register(A="/\\")}, keep=new_version_id()) == []
    assert lake.versions(SCHOOL) == []
