"""Rollbook value added from a baseline schools supply: publishing builds each baseline's estimates from the
national cohort held (bands of 5 score points, thin ones joined inwards, each band's mean A8), kept with the
year's national figures; a school's pupils and the school itself are measured against them, with a 95%
interval from the cohort's spread. The hand-worked nation of tests/support/ks4_baselines.py."""

from __future__ import annotations

import math

import pytest

from rollbook.analytics.results import national
from rollbook.analytics.results.cohort import cohort
from rollbook.analytics.results.value_added import school_figures
from tests.support.ks4_baselines import ALDER, BIRCH, CAT4, READING, YEAR, upn, write_baseline_nation

#: Residuals (A8 - band mean) / 10: A1 +0.8, A2 -0.8, Birch's D0 -0.8, A3 and A4 +0.4, the other 56 pupils 0.
SIGMA = math.sqrt((3 * 0.8**2 + 2 * 0.4**2) / 61)


@pytest.fixture
def published(lake, data_dir):
    write_baseline_nation(lake)
    national.publish(lake, data_dir / "ks4-national")
    return national.latest(data_dir / "ks4-national", YEAR)


def test_the_estimates_are_published_with_the_years_national_figures(published):
    found = published.national.value_added
    assert list(found) == [CAT4]  # the reading age: one pupil, too few
    assert found[CAT4].bands == ((70, 8.0), (100, 10.0))
    assert found[CAT4].sigma == pytest.approx(SIGMA)
    assert found[CAT4].label == "Rollbook value added (not Progress 8)"
    assert published.national.measures["progress8"] is None  # no KS2 for 2024/25


def test_each_pupil_and_the_school_are_measured_against_them(lake, published):
    pupils = cohort(lake, ALDER, YEAR).pupils

    figures, each = school_figures(lake, ALDER, YEAR, pupils, published.national.value_added)

    assert {pupil: held[CAT4]["value_added"] for pupil, held in each.items() if CAT4 in held} == {
        upn("A1"): pytest.approx(0.8), upn("A2"): pytest.approx(-0.8), upn("A3"): pytest.approx(0.4),
        upn("A4"): pytest.approx(0.4), upn("A5"): pytest.approx(0.0)}  # fmt: skip
    assert each[upn("A5")][CAT4] == {"score": 71.0, "estimate": 8.0, "value_added": pytest.approx(0.0)}
    assert each[upn("A6")] == {READING: {"score": 141.0, "estimate": None, "value_added": None}}
    assert upn("A7") not in each
    cat4, reading = figures
    half = 1.96 * SIGMA / math.sqrt(5)
    assert (cat4["baseline"], cat4["pupils"], cat4["calculated"]) == (CAT4, 5, True)
    assert (cat4["value_added"], cat4["ci_low"], cat4["ci_high"]) == (
        pytest.approx(0.16), pytest.approx(0.16 - half), pytest.approx(0.16 + half))  # fmt: skip
    assert cat4["significance"] == "in line"  # 0.16 - 0.168 < 0
    assert "Measured for 5 of 7 pupils" in cat4["reason"]
    assert (reading["baseline"], reading["pupils"], reading["calculated"], reading["value_added"]) == (
        READING, 1, False, None)  # fmt: skip
    assert reading["reason"].startswith("Fewer than 30 pupils of the national cohort")


def test_the_other_school_below_by_one_pupil(lake, published):
    pupils = cohort(lake, BIRCH, YEAR).pupils
    (cat4,), _ = school_figures(lake, BIRCH, YEAR, pupils, published.national.value_added)
    assert cat4["value_added"] == pytest.approx(-0.8 / 56)
    assert cat4["significance"] == "in line"
