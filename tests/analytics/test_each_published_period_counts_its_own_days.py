"""Every period in a snapshot has the counts of measuring that period's own days, and Spark publishes the
same snapshot as DuckDB.

Publishing tallies each enrolment's sessions once per week and sums the weeks into half-terms, terms and
the year to date, so these hold it to the definition: `group_counts` over each period's dates. One school
keeps the default term dates; the other's half-terms begin and end mid-week, with marked school days
before, between and after them, so some weeks are split between periods and some days are in none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from rollbook.analytics.attendance.sessions import group_counts
from rollbook.analytics.comparators.publish import SchoolFacts, _periods, publish
from rollbook.analytics.comparators.snapshot import CELL, COUNTS, SCHEMAS
from rollbook.lake import Lake
from rollbook.rules.calendar import HalfTerm, SchoolCalendar, england_default
from rollbook.rules.periods import year_to_date
from tests.support.snapshots import snapshot_table
from tests.support.synthetic_school import school_partitions

#: Slow: it publishes half a year of two synthetic schools, on DuckDB and on Spark.
pytestmark = pytest.mark.slow

YEAR = 2024
AS_OF = dt.date(2025, 2, 25)  # two days into Spring 2 at both schools
DEFAULT, MIDWEEK = 100001, 100002
MIDWEEK_CALENDAR = SchoolCalendar(
    YEAR,
    (
        HalfTerm("Autumn 1", dt.date(2024, 9, 12), dt.date(2024, 10, 23)),
        HalfTerm("Autumn 2", dt.date(2024, 11, 6), dt.date(2024, 12, 18)),
        HalfTerm("Spring 1", dt.date(2025, 1, 9), dt.date(2025, 2, 12)),
        HalfTerm("Spring 2", dt.date(2025, 2, 20), dt.date(2025, 3, 26)),
        HalfTerm("Summer 1", dt.date(2025, 4, 24), dt.date(2025, 5, 21)),
        HalfTerm("Summer 2", dt.date(2025, 6, 4), dt.date(2025, 7, 16)),
    ),
)
CALENDARS = {DEFAULT: england_default(YEAR), MIDWEEK: MIDWEEK_CALENDAR}
KEY = ("school", *CELL)
NOW = dt.datetime(2025, 2, 26, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def lake(tmp_path_factory) -> Lake:
    lake = Lake(tmp_path_factory.mktemp("periods") / "lake")
    for seed, urn in enumerate(CALENDARS):
        lake.replace(school_partitions(urn, YEAR, 120, dt.date(2024, 9, 2), AS_OF, seed))
    return lake


@pytest.fixture(scope="module")
def snapshot(lake, tmp_path_factory) -> Path:
    return published(lake, tmp_path_factory.mktemp("snapshots"), "duckdb")


def published(lake: Lake, out: Path, engine: str) -> Path:
    schools = [SchoolFacts(urn, 200, "LA", "London", calendar) for urn, calendar in CALENDARS.items()]
    return publish(lake, out, schools, YEAR, AS_OF, now=NOW, engine=engine)


def rows(table: pa.Table, columns: Sequence[str]) -> list[tuple]:
    return sorted((tuple(row[column] for column in columns) for row in table.to_pylist()), key=repr)


def period_rows(snapshot: Path, urn: int, kind: str, period: str) -> dict[str, list[tuple]]:
    """The school's rows in the snapshot for one period, cells and reasons, in `group_counts`' columns."""
    found = {}
    for table, columns in (("cells", (*KEY, *COUNTS)), ("reasons", (*KEY, "code", "sessions"))):
        content = snapshot_table(snapshot, table)
        chosen = (pc.field("school") == urn) & (pc.field("kind") == kind) & (pc.field("period") == period)
        found[table] = rows(content.filter(chosen), columns)
    return found


def test_each_year_half_term_and_term_has_the_counts_of_its_own_days(lake, snapshot):
    for urn, calendar in CALENDARS.items():
        for kind, name, period in _periods(calendar, AS_OF):
            if kind in ("year", "half_term", "term"):
                counts, codes = group_counts(lake, [urn], period, by=KEY)
                assert counts.num_rows > 0, (urn, kind, name)
                assert period_rows(snapshot, urn, kind, name) == {
                    "cells": rows(counts, (*KEY, *COUNTS)),
                    "reasons": rows(codes, (*KEY, "code", "sessions")),
                }, (urn, kind, name)


def test_each_week_has_the_counts_of_its_own_days(lake, snapshot):
    for urn in CALENDARS:
        year = year_to_date(YEAR, AS_OF)
        counts, codes = group_counts(lake, [urn], year, by=(*KEY, "week_commencing"))
        for week in sorted(set(counts["week_commencing"].to_pylist())):
            in_week = pc.field("week_commencing") == week
            assert period_rows(snapshot, urn, "week", week.isoformat()) == {
                "cells": rows(counts.filter(in_week), (*KEY, *COUNTS)),
                "reasons": rows(codes.filter(in_week), (*KEY, "code", "sessions")),
            }, (urn, week)


@pytest.mark.spark
def test_spark_publishes_the_same_snapshot(lake, snapshot, tmp_path, spark):
    theirs = published(lake, tmp_path, spark)
    for table in SCHEMAS:
        ours, other = snapshot_table(snapshot, table), snapshot_table(theirs, table)
        assert other.schema == ours.schema
        assert rows(other, ours.column_names) == rows(ours, ours.column_names), table
