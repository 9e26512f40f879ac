"""A school whose only change is new days has just those days read and added to each enrolment's tallies
kept since the last publish; day after day, its snapshot stays a full rebuild's row for row.

Three synthetic schools (pupils joining and leaving through the weeks) send their registers a day at a
time from Wednesday 16 October 2024 to Wednesday 6 November, publishing after each: through a week's end, a
Saturday with no marks, the half-term holiday, into Autumn 2 and the week after. On one day a school also
amends the day before, so it is measured whole that day and goes back to new days the next.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from rollbook.analytics.comparators import tallies
from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.lake import Lake, PartitionKey, parts
from rollbook.rules.calendar import england_default
from tests.analytics.test_an_incremental_publish_is_a_full_rebuild_row_for_row import assert_identical
from tests.support.snapshots import snapshot_table
from tests.support.synthetic_school import school_partitions

pytestmark = pytest.mark.slow

YEAR = 2024
URNS = (200001, 200002, 200003)
SCHOOLS = [SchoolFacts(urn, 300, "LA", "London", england_default(YEAR)) for urn in URNS]
FIRST, LAST = dt.date(2024, 10, 16), dt.date(2024, 11, 6)
#: On this day school 200002 also changes a code on the day before.
AMENDING = dt.date(2024, 10, 22)


def marks_to(marks: pa.Table, day: dt.date) -> pa.Table:
    return marks.filter(pc.field("date") <= day)


def amended(marks: pa.Table, day: dt.date) -> pa.Table:
    on_day = pc.equal(marks["date"], pa.scalar(day, pa.date32()))
    codes = pc.if_else(on_day, pc.if_else(pc.equal(marks["code"], "O"), "I", "O"), marks["code"])
    return marks.set_column(marks.schema.get_field_index("code"), "code", codes)


def earlier_weeks_linked(before: Snapshot, after: Snapshot, day: dt.date) -> bool:
    """Whether every cells and reasons part of a week before `day`'s in `after` is a file of `before`."""
    monday = f"week-{day - dt.timedelta(days=day.weekday())}"
    for name in ("cells", "reasons"):
        files = {path.name: path.stat().st_ino for path in before.files(name)}
        buckets = {path: parts.described(path)[1] for path in after.files(name)}
        earlier = [path for path, bucket in buckets.items() if bucket.startswith("week-") and bucket < monday]
        if not earlier or any(files.get(path.name) != path.stat().st_ino for path in earlier):
            return False
    return True


def test_day_after_day_each_snapshot_is_the_full_rebuild(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "PART_SCHOOLS", 2)  # the three schools' new days, read at once, in two parts
    lake = Lake(tmp_path / "lake")
    held = {urn: school_partitions(urn, YEAR, 50, dt.date(2024, 9, 4), LAST, seed=urn) for urn in URNS}
    for tables in held.values():
        lake.replace(
            {key: marks_to(rows, FIRST) if key.table == "marks" else rows for key, rows in tables.items()}
        )
    now = dt.datetime(2024, 10, 16, 18, 0, tzinfo=dt.UTC)
    first = publish(lake, tmp_path / "snapshots", SCHOOLS, YEAR, FIRST, now=now)
    assert Snapshot.read(first).manifest.schools_read == 3

    seen, linked = [], []
    day, before = FIRST, Snapshot.read(first)
    while day < LAST:
        day += dt.timedelta(days=1)
        now += dt.timedelta(days=1)
        for urn in URNS:
            key = PartitionKey("marks", YEAR, urn)
            if urn == URNS[1] and day == AMENDING:
                held[urn][key] = amended(held[urn][key], day - dt.timedelta(days=1))
            lake.replace({key: marks_to(held[urn][key], day)})
        ours = Snapshot.read(publish(lake, tmp_path / "snapshots", SCHOOLS, YEAR, day, now=now))
        rebuilt = publish(lake, tmp_path / f"rebuilt-{day}", SCHOOLS, YEAR, day, now=now, full=True)
        rebuilt = Snapshot.read(rebuilt)
        assert_identical(ours, rebuilt)
        seen.append((day, ours.manifest.schools_read, ours.manifest.schools_added_to))
        linked.append((day, earlier_weeks_linked(before, ours, day)))
        before = ours

    school_days = set(england_default(YEAR).school_days(FIRST + dt.timedelta(days=1), LAST))
    for day, read, added in seen:
        if day == AMENDING:
            assert (read, added) == (1, 2), day  # the amending school is measured whole
        elif day in school_days:
            assert (read, added) == (0, 3), day  # every school sent a day: only that day is read
        else:
            assert (read, added) == (0, 0), day  # a weekend or the holiday: nothing new, all copied
    for name in ("cells", "reasons"):
        assert max(len(parts.schools_of(path)) for path in ours.files(name)) == 2
    # With every school's day added, each earlier week's parts are the last snapshot's own files.
    assert all(both for day, both in linked if day in school_days and day != AMENDING)
    # Not vacuous: Autumn 2 and its first weeks were reached, and only the latest tallies are kept.
    assert {"Autumn 2", "2024-11-04"} <= set(snapshot_table(ours.path, "cells")["period"].to_pylist())
    place = tallies.folder(lake, tmp_path / "snapshots", YEAR)
    assert [folder.name for folder in place.iterdir()] == [ours.path.name]
