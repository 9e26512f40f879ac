"""The KS4 engine's reads run on either engine through the same Ibis code: the national figures (estimates,
spread, pupil groups, Rollbook value added's estimates) and a school's pupils come out the same on DuckDB and
on Spark."""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.results import national
from rollbook.analytics.results.cohort import cohort
from tests.support.ks4 import ALDER, YEAR, write_ks4_nation
from tests.support.ks4_baselines import CAT4, write_baseline_nation
from tests.support.ks4_baselines import YEAR as BASELINE_YEAR

WHEN = dt.datetime(2019, 8, 22, tzinfo=dt.UTC)


def test_national_figures_and_a_cohort_agree(lake, spark):
    write_ks4_nation(lake)
    on_duckdb = national.work_out(lake, YEAR, engine="duckdb", published=WHEN)
    on_spark = national.work_out(lake, YEAR, engine=spark, published=WHEN)
    assert on_spark == on_duckdb
    assert on_duckdb.measures["pupils"] == 3
    estimates = on_duckdb.estimates
    assert cohort(lake, ALDER, YEAR, estimates, engine=spark) == cohort(
        lake, ALDER, YEAR, estimates, engine="duckdb"
    )


def test_rollbook_value_added_agrees(lake, spark):
    write_baseline_nation(lake)
    on_duckdb = national.work_out(lake, BASELINE_YEAR, engine="duckdb", published=WHEN)
    on_spark = national.work_out(lake, BASELINE_YEAR, engine=spark, published=WHEN)
    assert on_spark.value_added == on_duckdb.value_added
    assert list(on_duckdb.value_added) == [CAT4]
