"""Each publish writes a new dated snapshot and never changes an old one; readers take the latest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.analytics.comparators.snapshot import Snapshot, Suppression
from rollbook.rules.calendar import england_default
from tests.support.small_world import present, pupil, register, write

MONDAY = dt.datetime(2024, 9, 16, 6, 0, tzinfo=dt.UTC)


@pytest.fixture
def school(lake):
    write(lake, [pupil("A")], register("A", present(10)), school=1)
    return [SchoolFacts(1, 201, "City of London", "London", england_default(2024))]


def held(snapshot: Path) -> dict[Path, bytes]:
    """Every file of a snapshot (its tables' parts included) with its bytes."""
    return {path.relative_to(snapshot): path.read_bytes() for path in snapshot.rglob("*") if path.is_file()}


def test_a_second_publish_is_a_new_snapshot_and_becomes_the_latest(lake, tmp_path, school):
    out = tmp_path / "snapshots"
    first = publish(lake, out, school, 2024, dt.date(2024, 9, 13), now=MONDAY)
    before = held(first)
    second = publish(lake, out, school, 2024, dt.date(2024, 9, 13), now=MONDAY + dt.timedelta(days=1))
    assert held(first) == before
    latest = Snapshot.latest(out)
    assert latest.path == second
    assert latest.manifest.published == "2024-09-17T06:00:00+00:00"
    assert latest.manifest.as_of == "2024-09-13"


def test_publishing_over_an_existing_snapshot_is_refused(lake, tmp_path, school):
    publish(lake, tmp_path, school, 2024, dt.date(2024, 9, 13), now=MONDAY)
    with pytest.raises(FileExistsError, match="never changed"):
        publish(lake, tmp_path, school, 2024, dt.date(2024, 9, 13), now=MONDAY)


def test_a_half_written_snapshot_is_never_read(lake, tmp_path, school):
    assert Snapshot.latest(tmp_path) is None
    publish(lake, tmp_path, school, 2024, dt.date(2024, 9, 13), now=MONDAY)
    (tmp_path / ".20990101T000000.partial").mkdir()
    assert Snapshot.latest(tmp_path).path.name == "20240916T060000000000"


def test_two_publishes_within_one_second_are_two_snapshots(lake, tmp_path, school):
    first = publish(lake, tmp_path, school, 2024, dt.date(2024, 9, 13), now=MONDAY)
    later = MONDAY + dt.timedelta(microseconds=1)
    second = publish(lake, tmp_path, school, 2024, dt.date(2024, 9, 13), now=later)
    assert first != second
    assert Snapshot.latest(tmp_path).path == second


def test_the_suppression_limits_are_recorded_with_the_snapshot(lake, tmp_path, school, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "7")
    publish(lake, tmp_path, school, 2024, dt.date(2024, 9, 13), now=MONDAY)
    assert Snapshot.latest(tmp_path).manifest.suppression == {"min_schools": 7, "min_pupils": 30}
    assert Suppression.from_environment().min_schools == 7
