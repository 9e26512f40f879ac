"""A publish compares each school's inputs with those the last snapshot kept: unchanged, only new days, or
to be measured whole. Worked on one school's two pupils' marks, Monday 14 to Friday 18 October 2024."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from rollbook.analytics.comparators.inputs import Inputs, compared
from rollbook.analytics.comparators.snapshot import INPUTS_FILE, Manifest, Snapshot
from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey
from rollbook.rules.calendar import england_default

URN = 100001
CALENDAR = england_default(2024)
MARKS_KEY = PartitionKey("marks", 2024, URN)
WEDNESDAY, FRIDAY = dt.date(2024, 10, 16), dt.date(2024, 10, 18)


def marks(to: dt.date, code: str = "/") -> pa.Table:
    days = [
        dt.date(2024, 10, 14) + dt.timedelta(days=n) for n in range((to - dt.date(2024, 10, 14)).days + 1)
    ]
    rows = [
        {"upn": upn, "date": day, "session": session, "code": code if day == dt.date(2024, 10, 15) else "/"}
        for day in days
        for session in ("AM", "PM")
        for upn in ("A1", "B2")
    ]
    return pa.Table.from_pylist(rows, schema=MARKS)


def snapshot_of(lake: Lake, folder: Path, as_of: dt.date) -> Snapshot:
    """A snapshot to `as_of` keeping the school's inputs as they are now (its tables are not needed)."""
    folder.mkdir()
    kept = Inputs.of(lake, URN, CALENDAR).kept(as_of)
    (folder / INPUTS_FILE).write_text(json.dumps({str(URN): kept}))
    return Snapshot(folder, Manifest(2024, as_of.isoformat(), "", 1, 20, ()))


def now(lake: Lake, snapshot: Snapshot, as_of: dt.date) -> str:
    unchanged, new_days = compared(snapshot, {URN: Inputs.of(lake, URN, CALENDAR)}, as_of)
    return "unchanged" if URN in unchanged else "new days" if URN in new_days else "measured whole"


@pytest.fixture
def published(lake: Lake, tmp_path: Path) -> Snapshot:
    pupils = pa.Table.from_pylist([{"upn": "A1"}, {"upn": "B2"}], schema=PUPILS)
    lake.replace({PartitionKey("pupils", 2024, URN): pupils, MARKS_KEY: marks(WEDNESDAY)})
    return snapshot_of(lake, tmp_path / "snapshot", WEDNESDAY)


def test_nothing_sent_is_unchanged_whatever_the_date(lake, published):
    assert now(lake, published, WEDNESDAY) == "unchanged"
    assert now(lake, published, FRIDAY) == "unchanged"


def test_thursday_and_friday_sent_are_new_days(lake, published):
    lake.replace({MARKS_KEY: marks(FRIDAY)})
    assert now(lake, published, FRIDAY) == "new days"
    assert now(lake, published, WEDNESDAY) == "unchanged"  # published again to Wednesday: not read


def test_an_amended_tuesday_is_measured_whole(lake, published):
    lake.replace({MARKS_KEY: marks(FRIDAY, code="I")})
    assert now(lake, published, FRIDAY) == "measured whole"


def test_new_pupils_are_measured_whole(lake, published):
    pupils = pa.Table.from_pylist([{"upn": "A1"}, {"upn": "B2"}, {"upn": "C3"}], schema=PUPILS)
    lake.replace({PartitionKey("pupils", 2024, URN): pupils})
    assert now(lake, published, WEDNESDAY) == "measured whole"


def test_published_back_to_tuesday_only_if_nothing_came_after(lake, published, tmp_path):
    assert now(lake, published, dt.date(2024, 10, 15)) == "measured whole"  # Wednesday's marks were counted
    earlier = snapshot_of(lake, tmp_path / "to-friday", FRIDAY)  # to Friday, marks to Wednesday
    assert now(lake, earlier, WEDNESDAY) == "unchanged"


def test_a_file_written_before_days_were_kept_is_unchanged_or_measured_whole(lake, tmp_path):
    pupils = pa.Table.from_pylist([{"upn": "A1"}, {"upn": "B2"}], schema=PUPILS)
    lake.replace({PartitionKey("pupils", 2024, URN): pupils, MARKS_KEY: marks(WEDNESDAY)})
    path = lake.path(MARKS_KEY)
    pq.write_table(pq.read_table(path), path)  # as files were written before: no days in the footer
    published = snapshot_of(lake, tmp_path / "snapshot", WEDNESDAY)
    assert now(lake, published, FRIDAY) == "unchanged"
    pq.write_table(marks(FRIDAY), path)  # Thursday and Friday come, written the old way
    assert now(lake, published, FRIDAY) == "measured whole"
