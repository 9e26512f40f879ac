"""Entries over three years pool the school's cohorts and, beside them, the same years' national cohorts:
the hand-worked nation (tests/support/ks4.py) in 2018/19, and in 2017/18 the same pupils except that Birch's
B1 sat no English literature. Nationally English literature had 1 entrant of 3 in 2017/18 and 2 of 3 in
2018/19: 3 of 6 pooled, 50%. The years come from the address as the page's form sends them ("3")."""

from __future__ import annotations

import pytest

from rollbook import config
from rollbook.analytics.results import national
from tests.support.ks4 import ALDER, BIRCH, PRIOR, RESULTS_HELD, YEAR, cohort_partitions, write_ks4_nation

ENTRIES = "/schools/100001/subjects/entries/"
B1 = "B1000000000003"


@pytest.fixture
def two_years(world):
    write_ks4_nation(world.lake)
    alder = ["A1000000000001", "A2000000000002"]
    world.lake.replace(cohort_partitions(YEAR - 1, ALDER, {u: RESULTS_HELD[u] for u in alder},
                                         {u: PRIOR[u] for u in alder}))  # fmt: skip
    without = [row for row in RESULTS_HELD[B1] if row[0] != "english_literature"]
    world.lake.replace(cohort_partitions(YEAR - 1, BIRCH, {B1: without}, {B1: PRIOR[B1]}))
    national.publish(world.lake, config.ks4_national_root())
    return world.client_for(world.alice)


def literature(client, years: int) -> dict:
    data = client.get(ENTRIES, {"format": "json", "years": years, "academic_year": "2018/19"}).json()
    return next(row for row in data["entries"]["subjects"] if row["subject"] == "english_literature")


def test_one_year_is_beside_that_years_national_share(two_years):
    assert literature(two_years, 1)["national_share"] == pytest.approx(200 / 3)


def test_three_years_are_beside_the_pooled_national_share(two_years):
    found = literature(two_years, 3)
    assert (found["entrants"], found["share"]) == (2, 50)  # A1 in each year, of Alder's 4 pupils
    assert found["national_share"] == pytest.approx(50)


def test_a_year_named_as_schools_write_it_is_the_one_chosen_in_the_form(two_years):
    page = two_years.get(ENTRIES, {"academic_year": "2017/18"}).content.decode()
    assert '<option value="2017" selected>2017/18</option>' in page
    assert "KS4 results 2017/18" in page
