"""Kept versions are bounded: pruning drops a school's oldest, and only that school's."""

from __future__ import annotations

from rollbook.lake import Lake, PartitionKey, new_version_id
from tests.support.kept_versions import MARKS_NOW, SCHOOL, register


def test_pruning_drops_the_oldest_beyond_the_number_kept(lake: Lake):
    other = PartitionKey("marks", 2024, SCHOOL + 1)
    lake.replace({other: register(A="//")}, keep=new_version_id())
    made = []
    for code in "/IOL":
        made.append(new_version_id())
        lake.replace({MARKS_NOW: register(A=code * 2)}, keep=made[-1])

    assert lake.prune_versions(SCHOOL, 2) == made[:2]

    assert [version.id for version in lake.versions(SCHOOL)] == made[2:]
    assert sorted(path.name for path in (lake.root / "_versions" / f"school={SCHOOL}").iterdir()) == sorted(
        made[2:]
    )
    assert len(lake.versions(SCHOOL + 1)) == 1
    lake.restore(SCHOOL, made[3])
    assert lake.read(MARKS_NOW).column("code").to_pylist() == ["O", "O"]
