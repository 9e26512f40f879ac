"""Publishing measures a batch of schools at a time to bound its memory; the snapshot must not depend on
where the batches fall, since every count belongs to exactly one school."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq

from rollbook.analytics.comparators.publish import publish
from rollbook.analytics.comparators.snapshot import Snapshot
from tests.support.small_world import write_three_schools
from tests.support.snapshots import snapshot_table

AS_OF = dt.date(2024, 9, 20)
NOW = dt.datetime(2024, 9, 23, 6, 0, tzinfo=dt.UTC)


def rows(folder, table):
    content = snapshot_table(folder, table).to_pylist()
    return sorted(content, key=lambda row: [str(value) for value in row.values()])


def test_a_school_at_a_time_publishes_the_same_snapshot_as_all_at_once(lake, tmp_path):
    schools = write_three_schools(lake)
    together = publish(lake, tmp_path / "together", schools, 2024, AS_OF, now=NOW)
    one_by_one = publish(lake, tmp_path / "one_by_one", schools, 2024, AS_OF, now=NOW, batch=1)
    for table in ("cells", "reasons", "members", "profiles"):
        assert rows(one_by_one, table) == rows(together, table), table
    assert {row["school"] for row in rows(together, "cells")} == {1, 2, 3}
    # Cells are written once a batch (one query gives its periods, weekdays and reasons): once for all three
    # schools together, three times over one school at a time (here the year to date's part).
    (together_part,) = Snapshot.read(together).files("cells", "year")
    (one_by_one_part,) = Snapshot.read(one_by_one).files("cells", "year")
    assert pq.ParquetFile(together_part).metadata.num_row_groups == 1
    assert pq.ParquetFile(one_by_one_part).metadata.num_row_groups == 3
