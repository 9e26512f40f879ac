"""The figures the areas of interest read, for Alder in the hand-worked nation (tests/support/ks4.py),
worked out here: each ranked among the schools held (two, so the higher is in the 50th percentile,
quintile 3, and the lower in the 100th, quintile 5), beside national, with its interval where it has one."""

from __future__ import annotations

import math

import pytest

from rollbook.analytics.results import national, subjects
from rollbook.analytics.results.cohort import cohort
from rollbook.analytics.results.insight import YearHeld, figures
from tests.support.ks4 import ALDER, YEAR, write_ks4_nation


@pytest.fixture
def alder(lake, data_dir):
    write_ks4_nation(lake)
    root = data_dir / "ks4-national"
    national.publish(lake, root)
    published = national.latest(root, YEAR)
    pupils = cohort(lake, ALDER, YEAR, published.national.estimates).pupils
    found = figures(lake, ALDER, [YearHeld(YEAR, pupils, published, subjects.latest(root, YEAR)[0])])
    return {(figure.measure, figure.item): figure for figure in found}


def test_characteristics_are_ranked_among_every_school(alder):
    roll = alder["roll", None]
    assert (roll.value, roll.quintile) == (2, 3)  # Alder 2 pupils, Birch 1
    assert (alder["fsm6", None].value, alder["fsm6", None].quintile) == (50, 3)  # A2 is FSM6
    assert alder["year_group_roll", "11"].value == 2


def test_ks4_measures_with_progress8s_interval(alder):
    a8 = alder["attainment8", None]
    assert (a8.value, a8.quintile, a8.national) == (33, 5, pytest.approx(137 / 3))
    p8 = alder["progress8", None]
    assert p8.value == pytest.approx(-0.425) and p8.quintile == 5
    assert p8.interval[1] - p8.value == pytest.approx(1.96 * math.sqrt(2 * 0.85**2 / 3) / math.sqrt(2))


def test_progress8_elements_with_their_own_spread(alder):
    # Against the held estimates (A1 and B1 share KS2 group 4.4: English 14, maths 12, open 17.5; A2 alone
    # scores 0 in each), pupils' English element scores are A1 (12 - 14) / 2 = -1, B1 +1, A2 0: sigma
    # sqrt(2/3); open (16 - 17.5) / 3 = -0.5, +0.5, 0: sigma sqrt(1/6). Alder's are the means of A1 and A2.
    english, open_ = alder["element_progress8", "English"], alder["element_progress8", "open"]
    assert (english.value, english.pupils, english.quintile, english.national) == (-0.5, 2, 5, 0)
    assert english.interval[1] - english.value == pytest.approx(1.96 * math.sqrt(2 / 3) / math.sqrt(2))
    assert open_.value == pytest.approx(-0.25)
    assert open_.interval[1] - open_.value == pytest.approx(1.96 * math.sqrt(1 / 6) / math.sqrt(2))
    elements = {item for measure, item in alder if measure == "element_progress8"}
    assert elements == {"English", "maths", "EBacc", "open"}


def test_subjects_and_areas(alder):
    maths = alder["subject_aps", "maths"]
    assert (maths.value, maths.pupils, maths.quintile, maths.national) == (4, 2, 5, 5)
    assert alder["subject_entry", "english_literature"].value == 50
    area = alder["area_value_added", "maths"]
    assert (area.value, area.national, area.quintile) == (-1, 0, 5)  # Birch's +2 is higher
    barrier = alder["ebacc_barrier", "English"]
    assert (barrier.value, barrier.national) == (50, pytest.approx(200 / 3))


def test_absence_among_every_school_and_schools_of_a_similar_fsm6_share(alder):
    overall = alder["overall_absence", None]
    assert (overall.value, overall.pupils) == (20, 1)  # A1 missed 2 of 10 sessions; A2 has no registers
    assert (overall.quintile, overall.similar_quintile) == (5, 5)  # the only school with registers
    assert overall.national == 20  # over every school with registers: Alder alone
    assert alder["persistent_absence", None].value == 100
