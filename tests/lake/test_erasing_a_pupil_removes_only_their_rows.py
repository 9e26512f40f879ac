"""Erasing a pupil removes their rows from every table and year of a school, and nothing else."""

from __future__ import annotations

import pyarrow.parquet as pq

from rollbook.lake import Lake, PartitionKey
from tests.support.registers import YEAR, write_school

SCHOOL = 900001


def test_every_row_of_the_pupil_goes_and_the_rest_are_unchanged(lake: Lake):
    write_school(lake, SCHOOL, {"A": "/\\" * 5, "B": "IIII" + "/\\" * 3, "C": "O" * 10})
    _write_year(lake, YEAR - 1, {"A": "/\\" * 5, "C": "/\\" * 5})
    before = {key: lake.read(key) for table in ("pupils", "marks") for key in lake.partitions(table)}

    removed = lake.erase_pupil("A", SCHOOL)

    assert removed == {
        PartitionKey("marks", YEAR - 1, SCHOOL): 10,
        PartitionKey("marks", YEAR, SCHOOL): 10,
        PartitionKey("pupils", YEAR - 1, SCHOOL): 1,
        PartitionKey("pupils", YEAR, SCHOOL): 1,
    }
    for key, rows in before.items():
        after = lake.read(key)
        assert after.to_pylist() == [row for row in rows.to_pylist() if row["upn"] != "A"]
        assert after.num_rows < rows.num_rows


def test_a_partition_left_empty_is_deleted(lake: Lake):
    write_school(lake, SCHOOL, {"A": "/\\"})
    lake.erase_pupil("A", SCHOOL)
    assert lake.partitions("pupils") == lake.partitions("marks") == []


def test_partitions_without_the_pupil_are_not_rewritten(lake: Lake):
    write_school(lake, SCHOOL, {"A": "/\\"})
    _write_year(lake, YEAR - 1, {"B": "/\\"})
    untouched = lake.path(PartitionKey("marks", YEAR - 1, SCHOOL))
    inode = untouched.stat().st_ino
    assert set(lake.erase_pupil("A", SCHOOL)) == {
        PartitionKey("marks", YEAR, SCHOOL),
        PartitionKey("pupils", YEAR, SCHOOL),
    }
    assert untouched.stat().st_ino == inode
    assert pq.read_table(untouched).column("upn").to_pylist() == ["B", "B"]


def test_a_pupil_not_held_removes_nothing(lake: Lake):
    write_school(lake, SCHOOL, {"A": "/\\"})
    assert lake.erase_pupil("Z", SCHOOL) == {}
    assert lake.read(PartitionKey("pupils", YEAR, SCHOOL)).num_rows == 1


def _write_year(lake: Lake, year: int, registers: dict[str, str]) -> None:
    """The registers written by `write_school`, moved to another academic year's partitions."""
    other = Lake(lake.root.parent / "other")
    write_school(other, SCHOOL, registers)
    lake.replace(
        {
            PartitionKey(table, year, SCHOOL): other.read(PartitionKey(table, YEAR, SCHOOL))
            for table in ("pupils", "marks")
        }
    )
