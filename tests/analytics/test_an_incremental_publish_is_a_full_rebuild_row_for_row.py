"""An incremental publish takes the rows of schools unchanged since the last snapshot from it, adds a
school's new days to its kept tallies, and measures the others whole; its snapshot must be a full rebuild's
row for row, on DuckDB and on Spark.

Six synthetic schools hold registers to Friday 25 October 2024, the end of Autumn 1, and are published. Then
one school sends Monday 4 November (the first day of Autumn 2, so the next publish runs into a half-term and
a week the first had not begun), one amends a day inside the last five, a pupil leaves at a third and a
pupil is erased at a fourth; two schools send nothing. The next publish runs to 4 November. With parts of
two schools, measured two at a time, the snapshot's parts hold two schools each: the quiet two's are linked,
and the other schools' rows are copied out of the parts they share with a changed school.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from rollbook.analytics.comparators import publish as publishing
from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.analytics.comparators.snapshot import INPUTS_FILE, SCHEMAS, Snapshot
from rollbook.lake import Lake, PartitionKey, parts
from rollbook.rules.calendar import england_default
from rollbook.rules.years import SESSION_MEASURE_YEARS
from tests.support.snapshots import snapshot_table
from tests.support.synthetic_school import school_partitions

#: Slow: it publishes six synthetic schools' half-term several times.
pytestmark = pytest.mark.slow

YEAR = 2024
START, FIRST, NEXT = dt.date(2024, 9, 4), dt.date(2024, 10, 25), dt.date(2024, 11, 4)
AMENDED_DAY = dt.date(2024, 10, 23)
NEW_DAY, AMENDED, LEAVER, ERASED, QUIET, STILL = range(100001, 100007)
NOW = dt.datetime(2024, 10, 28, 6, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2024, 11, 5, 6, 0, tzinfo=dt.UTC)
SCHOOLS = [
    SchoolFacts(urn, 200 + urn % 2, f"LA {urn % 2}", "London", england_default(YEAR))
    for urn in (NEW_DAY, AMENDED, LEAVER, ERASED, QUIET, STILL)
]


def partitions(urn: int) -> dict[PartitionKey, pa.Table]:
    """The school's pupils and marks to `NEXT`; the first publish sees its marks to `FIRST` only."""
    return school_partitions(urn, YEAR, 60, START, NEXT, seed=urn)


def to_first(marks: pa.Table) -> pa.Table:
    return marks.filter(pc.field("date") <= FIRST)


def on_roll_all_year(pupils: pa.Table) -> int:
    """The row of a pupil measured all year (a year group with session measures, on roll from before the
    year begins and never leaving)."""
    rows = pupils.to_pylist()
    return next(
        index
        for index, row in enumerate(rows)
        if row["nc_year"] in SESSION_MEASURE_YEARS
        and row["admission_date"] < START
        and row["leaving_date"] is None
    )


def write_first(lake: Lake) -> None:
    for facts in SCHOOLS:
        pupils, marks = partitions(facts.urn).values()
        lake.replace(
            {
                PartitionKey("pupils", YEAR, facts.urn): pupils,
                PartitionKey("marks", YEAR, facts.urn): to_first(marks),
            }
        )


def change(lake: Lake) -> str:
    """The new day, the amendment, the leaver and the erasure; returns the erased pupil's UPN."""
    pupils, marks = partitions(NEW_DAY).values()
    lake.replace({PartitionKey("marks", YEAR, NEW_DAY): marks})

    marks = lake.read(PartitionKey("marks", YEAR, AMENDED))
    amended = pc.equal(marks["date"], pa.scalar(AMENDED_DAY, pa.date32()))
    codes = pc.if_else(amended, pc.if_else(pc.equal(marks["code"], "O"), "I", "O"), marks["code"])
    lake.replace({PartitionKey("marks", YEAR, AMENDED): marks.set_column(3, "code", codes)})

    pupils = lake.read(PartitionKey("pupils", YEAR, LEAVER))
    leaver = on_roll_all_year(pupils)
    leaving = pupils["leaving_date"].to_pylist()
    leaving[leaver] = dt.date(2024, 10, 14)
    column = pupils.schema.get_field_index("leaving_date")
    lake.replace({PartitionKey("pupils", YEAR, LEAVER): pupils.set_column(column, "leaving_date", [leaving])})

    pupils = lake.read(PartitionKey("pupils", YEAR, ERASED))
    upn = pupils["upn"][on_roll_all_year(pupils)].as_py()
    lake.erase_pupil(upn, ERASED)
    return upn


def published(
    lake: Lake,
    out: Path,
    as_of: dt.date,
    now: dt.datetime,
    engine: str,
    schools: Sequence[SchoolFacts] = SCHOOLS,
    full: bool = False,
    batch: int = publishing.PUBLISH_BATCH,
) -> Snapshot:
    folder = publish(lake, out, schools, YEAR, as_of, now=now, engine=engine, full=full, batch=batch)
    return Snapshot.read(folder)


def table(snapshot: Snapshot, name: str) -> pa.Table:
    return snapshot_table(snapshot.path, name)


def files(snapshot: Snapshot, name: str) -> dict[str, int]:
    """Each part of a table by name, with its file's inode: a part linked from another snapshot has its."""
    return {path.name: path.stat().st_ino for path in snapshot.files(name)}


def rows(content: pa.Table) -> list[tuple]:
    return sorted((tuple(row.values()) for row in content.to_pylist()), key=repr)


def assert_identical(ours: Snapshot, theirs: Snapshot) -> None:
    """Every table of the two snapshots the same, schema and rows, and the same inputs kept."""
    for name in SCHEMAS:
        assert table(ours, name).schema == table(theirs, name).schema == SCHEMAS[name], name
        assert rows(table(ours, name)) == rows(table(theirs, name)), name
    assert json.loads((ours.path / INPUTS_FILE).read_text()) == json.loads(
        (theirs.path / INPUTS_FILE).read_text()
    )


def pupils_in_year(snapshot: Snapshot, urn: int) -> int:
    cells = table(snapshot, "cells").filter((pc.field("kind") == "year") & (pc.field("school") == urn))
    return pc.sum(cells["pupils"]).as_py()


@pytest.fixture(params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def engine(request) -> str:
    return request.getfixturevalue("spark") if request.param == "spark" else "duckdb"


def test_an_incremental_publish_is_the_full_rebuild_row_for_row(tmp_path, engine, monkeypatch):
    monkeypatch.setattr(parts, "COPIED_ROWS", 100)  # copied a little at a time, changing nothing
    monkeypatch.setattr(parts, "PART_SCHOOLS", 2)
    lake = Lake(tmp_path / "lake")
    write_first(lake)
    first = published(lake, tmp_path / "snapshots", FIRST, NOW, engine, batch=2)
    assert (first.manifest.schools_read, first.manifest.copied_from) == (6, None)
    mondays = ("09-02", "09-09", "09-16", "09-23", "09-30", "10-07", "10-14", "10-21")
    buckets = {"year", "half_term-Autumn 1", "term-Autumn", *(f"week-2024-{monday}" for monday in mondays)}
    pairs = ((NEW_DAY, AMENDED), (LEAVER, ERASED), (QUIET, STILL))
    for name in (
        "cells",
        "reasons",
    ):  # three pairs of schools, with a part for each week, half-term, term and the rest
        held = [parts.described(path) for path in first.files(name)]
        assert sorted((tuple(sorted(schools)), bucket) for schools, bucket in held) == sorted(
            (pair, bucket) for pair in pairs for bucket in buckets
        )
    erased = change(lake)
    assert erased not in lake.read(PartitionKey("pupils", YEAR, ERASED))["upn"].to_pylist()

    incremental = published(lake, tmp_path / "snapshots", NEXT, LATER, engine, batch=2)
    rebuilt = published(lake, tmp_path / "rebuilt", NEXT, LATER, engine, full=True)

    assert_identical(incremental, rebuilt)
    assert (incremental.manifest.schools_read, incremental.manifest.schools) == (3, 6)
    assert incremental.manifest.schools_added_to == 1  # the new day's school: only its new day was read
    said = "3 of 6 schools re-read; 1 with only new days, those days read; 2 unchanged, copied from"
    assert incremental.manifest.how_measured() == f"{said} {first.path.name}"
    assert incremental.manifest.copied_from == first.path.name
    for name in ("cells", "reasons"):  # the quiet schools' parts are the first snapshot's own files
        linked = set(files(first, name).items()) & set(files(incremental, name).items())
        assert {frozenset(parts.schools_of(incremental.path / name / part)) for part, _ in linked} == {
            frozenset({QUIET, STILL})
        }
        assert len(linked) == 11, name  # each of their weeks, their half-term, term and the rest
    assert (rebuilt.manifest.schools_read, rebuilt.manifest.copied_from) == (6, None)
    # Not vacuous: the new half-term is published, and the erased pupil no longer counts.
    half_terms = table(incremental, "cells").filter(pc.field("kind") == "half_term")
    assert "Autumn 2" in half_terms["period"].to_pylist()
    assert pupils_in_year(incremental, ERASED) == pupils_in_year(first, ERASED) - 1
    assert first.path.exists() and Snapshot.read(first.path).manifest.as_of == FIRST.isoformat()


def test_marks_past_the_last_snapshots_date_are_new_days(tmp_path):
    """The first snapshot stops short of the marks held: the next reads only those after its date."""
    lake = Lake(tmp_path / "lake")
    for facts in SCHOOLS:
        lake.replace(partitions(facts.urn))
    published(lake, tmp_path / "snapshots", FIRST, NOW, "duckdb")
    again = published(lake, tmp_path / "snapshots", NEXT, LATER, "duckdb")
    assert (again.manifest.schools_read, again.manifest.schools_added_to) == (0, 6)
    assert_identical(again, published(lake, tmp_path / "rebuilt", NEXT, LATER, "duckdb", full=True))


def test_an_unchanged_lake_is_linked_whole_and_new_term_dates_are_measured_again(tmp_path):
    lake = Lake(tmp_path / "lake")
    write_first(lake)
    first = published(lake, tmp_path / "snapshots", FIRST, NOW, "duckdb")
    again = published(lake, tmp_path / "snapshots", FIRST, LATER, "duckdb")
    assert again.manifest.schools_read == 0
    assert_identical(again, first)
    # Nothing was copied: every part is the first snapshot's own file, under a second name.
    for name in ("cells", "reasons"):
        assert files(again, name) == files(first, name), name

    calendar = england_default(YEAR)
    autumn = dataclasses.replace(calendar.half_terms[0], end=dt.date(2024, 10, 18))
    moved = dataclasses.replace(calendar, half_terms=(autumn, *calendar.half_terms[1:]))
    schools = [
        dataclasses.replace(facts, calendar=moved) if facts.urn == QUIET else facts for facts in SCHOOLS
    ]
    redated = published(lake, tmp_path / "snapshots", FIRST, LATER + dt.timedelta(1), "duckdb", schools)
    assert redated.manifest.schools_read == 1
    assert_identical(redated, published(lake, tmp_path / "rebuilt", FIRST, LATER, "duckdb", schools, True))
