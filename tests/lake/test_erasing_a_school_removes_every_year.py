"""Erasing a school removes every partition of every table and year, and only that school's."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from rollbook.lake import PUPILS, Lake, PartitionKey
from tests.support.pupils import pupil

SCHOOL, OTHER = 900001, 900002


def marks(code: str) -> pa.Table:
    return pa.table({"upn": ["A"], "date": [dt.date(2024, 9, 4)], "session": ["AM"], "code": [code]})


def pupils() -> pa.Table:
    return pa.Table.from_pylist([pupil("A")], schema=PUPILS)


def test_every_year_and_table_goes_and_other_schools_stay(lake: Lake):
    for year in (2022, 2023, 2024):
        lake.replace(
            {PartitionKey("marks", year, SCHOOL): marks("/"), PartitionKey("pupils", year, SCHOOL): pupils()}
        )
    lake.replace({PartitionKey("marks", 2024, OTHER): marks("/")})
    assert lake.erase_school(SCHOOL) == {
        PartitionKey(table, year, SCHOOL): 1 for table in ("marks", "pupils") for year in (2022, 2023, 2024)
    }
    assert lake.partitions("pupils") == []
    assert lake.partitions("marks") == [PartitionKey("marks", 2024, OTHER)]


def test_a_year_that_a_crashed_import_was_adding_goes_too(lake: Lake, monkeypatch):
    lake.replace({PartitionKey("marks", 2024, SCHOOL): marks("/")})
    # An import commits its journal for a new year, then dies before renaming the file into place.
    real_roll_forward = Lake._roll_forward
    monkeypatch.setattr(Lake, "_roll_forward", lambda self, school: None)
    lake.replace({PartitionKey("marks", 2023, SCHOOL): marks("I")})
    monkeypatch.setattr(Lake, "_roll_forward", real_roll_forward)
    assert not lake.path(PartitionKey("marks", 2023, SCHOOL)).exists()

    assert list(Lake(lake.root).erase_school(SCHOOL)) == [
        PartitionKey("marks", 2023, SCHOOL),
        PartitionKey("marks", 2024, SCHOOL),
    ]

    assert lake.partitions("marks") == []
    assert not list(lake.root.rglob("*.tmp"))
