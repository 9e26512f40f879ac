"""Spark and DuckDB give the same figures for the same lake: every count equal, every rate within 1e-9.

Two synthetic schools (see synthetic_school) over most of a year, with movers, sixth-formers, pupils with
no year group or no ethnicity recorded, and every kind of code, measured for every grouping, some filters
and each kind of period.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.attendance import measures, reasons, summary
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.calendar import england_default
from rollbook.rules.periods import custom, term, week, year_to_date
from tests.support.synthetic_school import school_partitions

pytestmark = pytest.mark.spark

YEAR = 2024
URN, OTHER_URN = 100001, 100002
FIRST_DAY, LAST_DAY = dt.date(2024, 9, 2), dt.date(2025, 3, 28)
PUPILS = 240
CALENDAR = england_default(YEAR)
SO_FAR = year_to_date(YEAR, LAST_DAY)

PERIODS = {
    "year to date": SO_FAR,
    "term": term(CALENDAR, "Autumn"),
    "half-term": term(CALENDAR, "Spring 1"),
    "week": week(dt.date(2024, 11, 13)),
    "custom": custom(dt.date(2024, 10, 1), dt.date(2025, 2, 3)),
}
GROUPINGS = [
    (),
    ("school",),
    ("nc_year",),
    ("sex", "fsm6"),
    ("sen",),
    ("eal", "ethnicity"),
    ("reg_group",),
    ("upn",),
    ("week_commencing",),
    ("nc_year", "week_commencing"),
]
FILTERS = [
    Filters(year_groups=[7, 8, 9], fsm6=True),
    Filters(sex="F", sen=["K", "E"]),
    Filters(eal=False, ethnicity=["WBRI", "BAFR"]),
    Filters(reg_group=["10A", "10B", "11C"]),
]


@pytest.fixture(scope="module")
def schools(tmp_path_factory) -> Lake:
    lake = Lake(tmp_path_factory.mktemp("parity") / "lake")
    for seed, urn in enumerate((URN, OTHER_URN)):
        lake.replace(school_partitions(urn, YEAR, PUPILS, FIRST_DAY, LAST_DAY, seed))
    return lake


def assert_agree(duckdb: list[dict], spark: list[dict]) -> None:
    """Same rows, keys and types; counts and labels equal, rates within 1e-9."""
    assert len(spark) == len(duckdb)
    for ours, theirs in zip(duckdb, spark, strict=True):
        assert list(theirs) == list(ours)
        for key, value in ours.items():
            assert type(theirs[key]) is type(value), key
            expected = pytest.approx(value, rel=1e-9, abs=1e-9) if isinstance(value, float) else value
            assert theirs[key] == expected, (key, ours)


def both(compute, spark: str) -> tuple[list[dict], list[dict]]:
    duckdb_rows = compute(engine="duckdb")
    assert duckdb_rows and any(row.get("pupils", row.get("sessions")) for row in duckdb_rows), (
        "nothing measured"
    )
    return duckdb_rows, compute(engine=spark)


@pytest.mark.parametrize("by", GROUPINGS, ids="+".join)
def test_measures_agree_for_every_grouping(schools, spark, by):
    assert_agree(
        *both(lambda engine: measures(schools, [URN, OTHER_URN], SO_FAR, by=by, engine=engine), spark)
    )


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_measures_agree_under_filters(schools, spark, filters):
    grouped = ("nc_year", "sex")
    assert_agree(*both(lambda engine: measures(schools, [URN], SO_FAR, filters, grouped, engine), spark))


@pytest.mark.parametrize("period", PERIODS.values(), ids=PERIODS.keys())
def test_measures_agree_for_every_kind_of_period(schools, spark, period):
    assert_agree(*both(lambda engine: measures(schools, [URN], period, by=["fsm6"], engine=engine), spark))


def test_reasons_agree(schools, spark):
    assert_agree(*both(lambda engine: reasons(schools, [URN], SO_FAR, by=["sen"], engine=engine), spark))


@pytest.mark.parametrize("filters", [Filters(), FILTERS[0]], ids=["everyone", "filtered"])
def test_the_default_summary_agrees(schools, spark, filters):
    ours, theirs = (summary(schools, URN, filters=filters, engine=engine) for engine in ("duckdb", spark))
    assert ours["measures"]["pupils"] > 0 and len(ours["weeks"]) > 20
    assert_agree([ours["measures"]], [theirs["measures"]])
    assert_agree(ours["weeks"], theirs["weeks"])
    assert {**theirs, "measures": None, "weeks": None} == {**ours, "measures": None, "weeks": None}
