"""The latest date the marks run to comes from the statistics each Parquet file keeps, without reading
rows, over every school's file of the years asked; a file written without statistics is read instead."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from rollbook.lake import Lake, PartitionKey


def marks(*days: dt.date) -> pa.Table:
    return pa.table(
        {
            "upn": ["A"] * len(days),
            "date": list(days),
            "session": ["AM"] * len(days),
            "code": ["/"] * len(days),
        }
    )


def test_the_latest_is_the_largest_of_every_school_in_the_years_asked(lake: Lake):
    lake.replace({PartitionKey("marks", 2024, 900001): marks(dt.date(2024, 9, 4), dt.date(2025, 3, 3))})
    lake.replace({PartitionKey("marks", 2024, 900002): marks(dt.date(2025, 3, 7), dt.date(2024, 9, 5))})
    lake.replace({PartitionKey("marks", 2025, 900001): marks(dt.date(2025, 9, 3))})
    assert lake.latest("marks", "date", [2024]) == dt.date(2025, 3, 7)
    assert lake.latest("marks", "date") == dt.date(2025, 9, 3)
    assert lake.latest("marks", "date", [2023]) is None


def test_a_file_without_statistics_is_read(lake: Lake):
    key = PartitionKey("marks", 2024, 900001)
    lake.replace({key: marks(dt.date(2024, 9, 4))})
    rows = marks(dt.date(2024, 10, 1), dt.date(2024, 11, 12), dt.date(2024, 9, 30))
    pq.write_table(rows, lake.path(key), write_statistics=False)
    assert pq.read_metadata(lake.path(key)).row_group(0).column(1).statistics is None
    assert lake.latest("marks", "date", [2024]) == dt.date(2024, 11, 12)
