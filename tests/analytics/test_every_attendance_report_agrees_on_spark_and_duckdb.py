"""Every attendance report gives the same answer on Spark as on DuckDB, through the same Ibis code: the
report registry's own `run`, with the engine chosen as a deployment chooses it (`ROLLBOOK_ENGINE`), beside
comparators published from the same lake. Counts, labels and dates equal; rates within 1e-9.

Two synthetic schools (see synthetic_school) over most of a year, with movers, sixth-formers and every kind
of code, as in test_spark_and_duckdb_agree.
"""

from __future__ import annotations

import datetime as dt
import math

import pyarrow.parquet as pq
import pytest

from rollbook.analytics import reports
from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.lake import Lake
from rollbook.rules.calendar import england_default
from tests.support.reports import attendance_report
from tests.support.synthetic_school import school_partitions

pytestmark = pytest.mark.spark

YEAR, URN, OTHER_URN = 2024, 100001, 100002
FIRST_DAY, LAST_DAY = dt.date(2024, 9, 2), dt.date(2025, 3, 28)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> tuple[Lake, object, str]:
    folder = tmp_path_factory.mktemp("report-parity")
    lake = Lake(folder / "lake")
    for seed, urn in enumerate((URN, OTHER_URN)):
        lake.replace(school_partitions(urn, YEAR, 160, FIRST_DAY, LAST_DAY, seed))
    facts = [SchoolFacts(urn, 200, "LA", "London", england_default(YEAR)) for urn in (URN, OTHER_URN)]
    snapshots = folder / "snapshots"
    publish(lake, snapshots, facts, YEAR, LAST_DAY, engine="duckdb")
    (pupils,) = lake.files("pupils", [YEAR], [URN])
    upn = pq.read_table(pupils, columns=["upn"])["upn"][0].as_py()
    return lake, snapshots, upn


def assert_same(duckdb: object, spark: object, where: str = "") -> None:
    """The same structure; floats within 1e-9, everything else equal."""
    if isinstance(duckdb, dict):
        assert isinstance(spark, dict) and list(spark) == list(duckdb), where
        for key, value in duckdb.items():
            assert_same(value, spark[key], f"{where}.{key}")
    elif isinstance(duckdb, list | tuple):
        assert isinstance(spark, list | tuple) and len(spark) == len(duckdb), where
        for index, (ours, theirs) in enumerate(zip(duckdb, spark, strict=True)):
            assert_same(ours, theirs, f"{where}[{index}]")
    elif isinstance(duckdb, float):
        assert isinstance(spark, float | int) and math.isclose(duckdb, spark, rel_tol=1e-9, abs_tol=1e-9), (
            where
        )
    else:
        assert spark == duckdb, where


@pytest.mark.parametrize("name", [report.name for report in reports.of("attendance")])
def test_the_report_is_the_same_on_both_engines(world, spark, monkeypatch, name):
    lake, snapshots, upn = world
    asked = {"upn": upn} if name == "pupil" else {}

    def answer(engine: str) -> dict:
        monkeypatch.setenv("ROLLBOOK_ENGINE", engine)
        return attendance_report(name, URN, lake=lake, snapshots=snapshots, **asked).data

    ours = answer("duckdb")
    assert ours, name
    assert_same(ours, answer(spark), name)
