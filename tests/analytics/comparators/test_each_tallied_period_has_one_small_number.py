"""Kept tallies are grouped by enrolment and one small number per period (their `period_id`, in `tallies`):
the number a mark's week is given on the engine is the one its Monday is given in Python, and every number a
mark up to a day can be tallied in is named once, under the kind and name a snapshot gives the period."""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa

from rollbook.analytics import engine
from rollbook.analytics.comparators import tallies
from rollbook.rules.calendar import england_default

CALENDAR = england_default(2024)


def test_a_week_is_numbered_alike_in_python_and_on_the_engine():
    days = [dt.date(2024, 9, 2) + dt.timedelta(days=n) for n in range(15)]  # Monday 2 September, two weeks on
    rows = ibis.memtable(pa.table({"day": pa.array(days, pa.date32())}))
    numbered = engine.arrow(rows.mutate(week=tallies.week_ids(rows.day)), "duckdb")["week"].to_pylist()
    assert numbered == [tallies.week_id(day - dt.timedelta(days=day.weekday())) for day in days]
    first = numbered[0]
    assert numbered[:7] == [first] * 7 and numbered[7] == first + 1 and numbered[14] == first + 2


def test_every_period_of_the_year_to_date_is_named_once():
    as_of = dt.date(2024, 11, 6)  # a Wednesday in Autumn 2
    names = tallies.period_names(CALENDAR, as_of).to_pylist()
    ids = [row["period_id"] for row in names]
    assert len(ids) == len(set(ids))
    by_kind = {kind: [row for row in names if row["kind"] == kind] for kind in {row["kind"] for row in names}}
    assert [row["period"] for row in by_kind["half_term"]] == ["Autumn 1", "Autumn 2"]
    assert [row["period"] for row in by_kind["term"]] == ["Autumn"]
    assert [row["period"] for row in by_kind["year"]] == ["year_to_date"]
    weekdays = {(row["weekday"], row["session"]) for row in by_kind["weekday"]}
    assert weekdays == {(day, session) for day in range(7) for session in ("AM", "PM")}
    mondays = [row["period"] for row in by_kind["week"]]
    assert mondays[0] == "2024-07-29" and mondays[-1] == "2024-11-04" and len(mondays) == 15  # from 1 August
