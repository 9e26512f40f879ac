"""A publish that fails part way (a full disk, a killed engine) must leave no snapshot and no half-written
folder: the latest whole snapshot is still the one reports read."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.comparators import publish as benchmarks
from rollbook.analytics.comparators.publish import publish
from rollbook.analytics.comparators.snapshot import Snapshot
from tests.support.small_world import write_three_schools

AS_OF = dt.date(2024, 9, 20)
MONDAY = dt.datetime(2024, 9, 23, 6, 0, tzinfo=dt.UTC)


def test_a_failure_after_the_counts_are_written_leaves_the_previous_snapshot_latest(
    lake, tmp_path, monkeypatch
):
    schools, out = write_three_schools(lake), tmp_path / "snapshots"
    first = publish(lake, out, schools, 2024, AS_OF, now=MONDAY)

    def out_of_space(*arguments, **options):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(benchmarks, "school_profiles", out_of_space)
    with pytest.raises(OSError, match="No space left"):
        publish(lake, out, schools, 2024, AS_OF, now=MONDAY + dt.timedelta(days=1))
    assert [path.name for path in out.iterdir()] == [first.name]
    assert Snapshot.latest(out).path == first
