"""A pupil a later write removed from a school's data is still in the version that write kept; erasure finds
such schools by the pupil's UPN, and only those."""

from __future__ import annotations

from rollbook.lake import Lake, PartitionKey, new_version_id
from tests.support.kept_versions import MARKS_NOW, PUPILS_NOW, SCHOOL, pupils, register

OTHER = SCHOOL + 1


def test_only_schools_whose_kept_versions_hold_the_pupil_are_found(lake: Lake):
    lake.replace({PUPILS_NOW: pupils("A", "B"), MARKS_NOW: register(A="////", B="IIII")})
    lake.replace({PUPILS_NOW: pupils("B"), MARKS_NOW: register(B="IIII")}, keep=new_version_id())
    other = PartitionKey("pupils", PUPILS_NOW.academic_year, OTHER)
    lake.replace({other: pupils("C")})
    lake.replace({other: pupils("C", "D")}, keep=new_version_id())

    assert lake.school_rows(SCHOOL) and "A" not in lake.read(PUPILS_NOW).column("upn").to_pylist()
    assert lake.schools_keeping("A") == [SCHOOL]
    assert lake.schools_keeping("C") == [OTHER]
    assert lake.schools_keeping("Z") == []
    lake.erase_pupil("A", SCHOOL)
    assert lake.schools_keeping("A") == []
