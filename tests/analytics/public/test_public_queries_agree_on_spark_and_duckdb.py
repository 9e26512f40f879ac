"""The public-data queries give the same answers on Spark as on DuckDB."""

from __future__ import annotations

import pytest

from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.ofsted import ofsted_table
from rollbook.analytics.public.similar import family
from rollbook.rules.public.family import FamilySettings
from tests.support.public_world import world

pytestmark = pytest.mark.spark

KS4 = [
    {
        "urn": urn,
        "name": f"School {urn}",
        "la_code": la,
        "attainment8": a8,
        "progress8": p8,
        "basics_4_rate": basics,
    }
    for urn, la, a8, p8, basics in [
        (1, 202, 50.0, 0.2, 70.0),
        (2, 352, 40.0, -0.4, 55.0),
        (3, 202, 45.0, 0.1, 60.0),
    ]
]
PLACES = [(1, 20, 100, "London", 500_000.0), (2, 30, 100, "London", 503_000.0),
          (3, 20, 140, "London", 510_000.0), (4, 10, 300, "North West", 600_000.0)]  # fmt: skip
SLY = [
    {"URN": urn, "School name": f"School {urn}", "FSM6, %": fsm6, "KS4 pupils, 2019": pupils,
     "Region": region, "Easting": east, "Northing": 200_000.0}
    for urn, fsm6, pupils, region, east in PLACES
]  # fmt: skip


def test_the_ofsted_table_and_a_family_agree(data_dir, spark):
    store = world(data_dir, KS4, ofsted={1: 1, 2: 2, 3: 1}, sly=SLY)
    settings = FamilySettings.choose(
        1, 2019, criteria=["FSM6, %", "KS4 pupils, 2019"], filters=["Distance=50"]
    )

    assert ofsted_table(2019, Area.england(), store, engine=spark) == ofsted_table(
        2019, Area.england(), store
    )
    on_spark, on_duckdb = family(settings, store, engine=spark), family(settings, store)
    assert on_spark.spread == pytest.approx(on_duckdb.spread)
    assert (on_spark.eligible, on_spark.lacking) == (on_duckdb.eligible, on_duckdb.lacking)
    assert [member.urn for member in on_spark.members] == [member.urn for member in on_duckdb.members]
    assert [member.difference for member in on_spark.members] == pytest.approx(
        [member.difference for member in on_duckdb.members]
    )
