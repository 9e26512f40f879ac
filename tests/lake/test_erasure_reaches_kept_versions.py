"""GDPR erasure leaves nothing of the pupil or school in kept versions; a write kept before erasing a pupil
can still be undone, to its previous content without them."""

from __future__ import annotations

import pyarrow.parquet as pq

from rollbook.lake import Lake, new_version_id
from tests.support.kept_versions import MARKS_NOW, PUPILS_NOW, SCHOOL, pupils, register


def upns_anywhere(lake: Lake) -> set[str]:
    """Every UPN in every Parquet file under the lake's root, kept versions included."""
    return {upn for path in lake.root.rglob("*.parquet") for upn in pq.read_table(path)["upn"].to_pylist()}


def test_an_erased_pupil_leaves_kept_versions_and_the_write_can_still_be_undone(lake: Lake):
    lake.replace({PUPILS_NOW: pupils("A", "B"), MARKS_NOW: register(A="////", B="IIII")})
    version = new_version_id()
    lake.replace(
        {PUPILS_NOW: pupils("A", "B", "C"), MARKS_NOW: register(A="OOOO", B="////", C="//")}, keep=version
    )
    assert upns_anywhere(lake) == {"A", "B", "C"}

    lake.erase_pupil("A", SCHOOL)

    assert upns_anywhere(lake) == {"B", "C"}
    lake.restore(SCHOOL, version)
    assert lake.read(PUPILS_NOW).column("upn").to_pylist() == ["B"]
    assert lake.read(MARKS_NOW).to_pylist() == register(B="IIII").to_pylist()


def test_a_partition_kept_only_for_the_erased_pupil_is_restored_as_absent(lake: Lake):
    lake.replace({MARKS_NOW: register(A="////")})
    version = new_version_id()
    lake.replace({MARKS_NOW: register(A="OOOO", B="////")}, keep=version)
    lake.erase_pupil("A", SCHOOL)
    lake.restore(SCHOOL, version)
    assert lake.read(MARKS_NOW) is None


def test_erasing_a_school_removes_its_kept_versions(lake: Lake):
    lake.replace({PUPILS_NOW: pupils("A"), MARKS_NOW: register(A="////")})
    lake.replace({MARKS_NOW: register(A="OOOO")}, keep=new_version_id())
    lake.erase_school(SCHOOL)
    assert lake.versions(SCHOOL) == []
    assert upns_anywhere(lake) == set()
