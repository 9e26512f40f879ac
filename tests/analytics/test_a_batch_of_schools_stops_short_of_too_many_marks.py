"""A publishing batch holds its sessions in memory, so it stops before its marks pass `PUBLISH_MARKS`
(however few schools it has), and where it stops changes no count."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq

from rollbook.analytics.comparators import publish as publishing
from rollbook.analytics.comparators.snapshot import Snapshot
from tests.support.small_world import write_three_schools
from tests.support.snapshots import snapshot_table

AS_OF = dt.date(2024, 9, 20)
NOW = dt.datetime(2024, 9, 23, 6, 0, tzinfo=dt.UTC)


def rows(folder, table):
    content = snapshot_table(folder, table).to_pylist()
    return sorted(content, key=lambda row: [str(value) for value in row.values()])


def test_schools_of_20_10_and_10_marks_under_25_are_two_batches(lake, tmp_path, monkeypatch):
    schools = write_three_schools(lake)  # 20 marks at school 1, 10 at school 2, 10 at school 3
    together = publishing.publish(lake, tmp_path / "together", schools, 2024, AS_OF, now=NOW)
    monkeypatch.setattr(publishing, "PUBLISH_MARKS", 25)
    assert list(publishing._batches(lake, [1, 2, 3], 2024, 250)) == [[1], [2, 3]]
    assert list(publishing._batches(lake, [1, 2, 3], 2024, 1)) == [[1], [2], [3]]
    split = publishing.publish(lake, tmp_path / "split", schools, 2024, AS_OF, now=NOW)
    (part,) = Snapshot.read(split).files("cells", "year")  # three schools: one part, a row group a batch
    assert pq.ParquetFile(part).metadata.num_row_groups == 2
    for table in ("cells", "reasons", "members", "profiles"):
        assert rows(split, table) == rows(together, table), table
