"""Publishing keeps each enrolment's tallies in the lake between publishes, in parts naming their schools.
They hold no UPN, but they count a school's pupils: erasing a pupil or a school deletes every part holding
that school, first, and leaves the others; the next publish measures those schools whole."""

from __future__ import annotations

import pyarrow as pa
import pytest

from rollbook.lake import PUPILS, Lake, PartitionKey, parts
from rollbook.lake.parts import Parts, schools_of

SCHEMA = pa.schema([("school", pa.int64()), ("enrolment", pa.int64()), ("present", pa.int64())])


@pytest.fixture(autouse=True)
def parts_of_two_schools(monkeypatch):
    monkeypatch.setattr(parts, "PART_SCHOOLS", 2)


def keep(lake: Lake, snapshot: str, held: dict[int, list[int]]) -> None:
    """Tallies kept for `snapshot`: one part for each list of schools (of at most two)."""
    with Parts(lake.tallies_root() / "2024" / "line" / snapshot, SCHEMA, snapshot) as written:
        for part, schools in held.items():
            rows = pa.table(
                {"school": schools, "enrolment": [part] * len(schools), "present": [1] * len(schools)}
            )
            written.write(rows.cast(SCHEMA), schools)


def kept(lake: Lake) -> list[set[int]]:
    return sorted((schools_of(part) for part in lake.tallies_root().rglob("*.parquet")), key=min)


def test_erasing_a_pupil_deletes_the_parts_holding_their_school(lake: Lake):
    pupils = pa.Table.from_pylist([{"upn": "A1"}, {"upn": "B2"}], schema=PUPILS)
    lake.replace({PartitionKey("pupils", 2024, 1): pupils})
    keep(lake, "20241028T060000000000", {1: [1, 2], 2: [3]})
    assert kept(lake) == [{1, 2}, {3}]
    lake.erase_pupil("A1", 1)
    assert kept(lake) == [{3}]


def test_erasing_a_school_deletes_them_in_every_year_and_snapshot(lake: Lake):
    keep(lake, "20241028T060000000000", {1: [1, 2], 2: [3]})
    keep(lake, "20241029T060000000000", {1: [3, 4]})
    lake.erase_school(3)
    assert kept(lake) == [{1, 2}]
