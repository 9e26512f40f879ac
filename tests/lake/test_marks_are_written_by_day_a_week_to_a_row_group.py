"""A marks partition is sorted by day and written a week to a row group, with each day's digest in its
footer: so a publish can tell which days changed from footers alone, and read a recent day without the year.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from rollbook.lake import MARKS, Lake, PartitionKey
from rollbook.lake.files import day_digests

KEY = PartitionKey("marks", 2024, 100001)
#: Three weeks of school days, Monday 2 to Friday 20 September 2024.
DAYS = [
    dt.date(2024, 9, 2) + dt.timedelta(days=n)
    for n in range(19)
    if (dt.date(2024, 9, 2) + dt.timedelta(days=n)).weekday() < 5
]


def marks(days: list[dt.date]) -> pa.Table:
    """Two pupils, both sessions of each day, given newest first and pupils out of order."""
    rows = [
        {"upn": upn, "date": day, "session": session, "code": "/" if session == "AM" else "\\"}
        for day in reversed(days)
        for session in ("PM", "AM")
        for upn in ("B2", "A1")
    ]
    return pa.Table.from_pylist(rows, schema=MARKS)


def test_rows_are_sorted_by_day_and_each_week_is_a_row_group(lake: Lake):
    lake.replace({KEY: marks(DAYS)})
    path = lake.path(KEY)
    footer = pq.read_metadata(path)
    assert footer.num_row_groups == 3
    for group in range(3):
        dates = footer.row_group(group).column(MARKS.names.index("date")).statistics
        assert dates.min.weekday() == 0 and (dates.max - dates.min).days == 4  # Monday to Friday
    held = pq.read_table(path)
    first = held.slice(0, 4).to_pylist()
    assert [(row["session"], row["upn"]) for row in first] == [
        ("AM", "A1"),
        ("AM", "B2"),
        ("PM", "A1"),
        ("PM", "B2"),
    ]
    assert held["date"].to_pylist() == sorted(held["date"].to_pylist())


def test_a_days_digest_changes_only_when_that_days_marks_do(lake: Lake):
    lake.replace({KEY: marks(DAYS)})
    before = day_digests(lake.path(KEY))
    assert list(before) == [day.isoformat() for day in DAYS]
    held = lake.read(KEY)
    wednesday = pc.equal(held["date"], pa.scalar(dt.date(2024, 9, 11), pa.date32()))
    late = pc.and_(wednesday, pc.equal(held["upn"], "A1"))
    lake.replace({KEY: held.set_column(3, "code", pc.if_else(late, "L", held["code"]))})
    after = day_digests(lake.path(KEY))
    assert {day for day in before if before[day] != after[day]} == {"2024-09-11"}


def test_a_file_written_before_days_were_kept_has_none_until_it_is_written_again(lake: Lake):
    lake.replace({KEY: marks(DAYS)})
    path = lake.path(KEY)
    by_pupil = pq.read_table(path).sort_by([("upn", "ascending"), ("date", "ascending")])
    pq.write_table(by_pupil, path)  # as files were written before
    assert day_digests(path) is None
    lake.erase_pupil("B2", KEY.school)  # an erasure writes what is left by day, digests and all
    assert list(day_digests(path)) == [day.isoformat() for day in DAYS]
    assert pq.read_metadata(path).num_row_groups == 3
