"""Reading and replacing lake partitions."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from rollbook.lake import Lake, PartitionKey

MARKS_2024 = PartitionKey("marks", 2024, 900001)


def marks(*rows: tuple[str, dt.date, str, str]) -> pa.Table:
    upn, date, session, code = zip(*rows, strict=True)
    return pa.table({"upn": upn, "date": date, "session": session, "code": code})


def test_a_partition_lives_under_year_and_school(lake: Lake):
    lake.replace({MARKS_2024: marks(("A", dt.date(2024, 9, 4), "AM", "/"))})
    assert lake.path(MARKS_2024).relative_to(lake.root).as_posix() == (
        "marks/academic_year=2024/school=900001/data.parquet"
    )
    assert lake.partitions("marks") == [MARKS_2024]


def test_a_partition_reads_back_sorted_in_the_table_schema(lake: Lake):
    lake.replace(
        {MARKS_2024: marks(("B", dt.date(2024, 9, 4), "PM", "I"), ("A", dt.date(2024, 9, 4), "AM", "/"))}
    )
    rows = lake.read(MARKS_2024).to_pylist()
    assert rows == [
        {"upn": "A", "date": dt.date(2024, 9, 4), "session": "AM", "code": "/"},
        {"upn": "B", "date": dt.date(2024, 9, 4), "session": "PM", "code": "I"},
    ]


def test_a_missing_partition_reads_as_none(lake: Lake):
    assert lake.read(MARKS_2024) is None


def test_replacing_with_the_same_rows_changes_nothing(lake: Lake):
    rows = marks(("A", dt.date(2024, 9, 4), "AM", "/"))
    assert lake.replace({MARKS_2024: rows}) == [MARKS_2024]
    written = lake.path(MARKS_2024).stat()
    assert lake.replace({MARKS_2024: rows}) == []
    assert lake.path(MARKS_2024).stat().st_mtime_ns == written.st_mtime_ns
    assert lake.path(MARKS_2024).stat().st_ino == written.st_ino


def test_one_replace_may_not_span_schools(lake: Lake):
    other = PartitionKey("marks", 2024, 900002)
    rows = marks(("A", dt.date(2024, 9, 4), "AM", "/"))
    with pytest.raises(ValueError, match="one school"):
        lake.replace({MARKS_2024: rows, other: rows})


def test_erasing_a_school_removes_all_its_partitions(lake: Lake):
    rows = marks(("A", dt.date(2024, 9, 4), "AM", "/"))
    lake.replace({MARKS_2024: rows, PartitionKey("marks", 2023, 900001): rows})
    lake.replace({PartitionKey("marks", 2024, 900002): rows})
    lake.erase_school(900001)
    assert lake.partitions("marks") == [PartitionKey("marks", 2024, 900002)]


def test_files_can_be_listed_for_some_years_and_schools(lake: Lake):
    rows = marks(("A", dt.date(2024, 9, 4), "AM", "/"))
    lake.replace({MARKS_2024: rows})
    lake.replace({PartitionKey("marks", 2024, 900002): rows})
    assert lake.files("marks", academic_years=[2024], schools=[900002]) == [
        lake.path(PartitionKey("marks", 2024, 900002))
    ]
    assert len(lake.files("marks")) == 2
    assert lake.files("marks", academic_years=[2023]) == []
