"""The KS4 engine reads the lake and measures every pupil by the rules: the hand-worked nation of
tests/support/ks4.py gives exactly the figures worked out there, nationally and for Alder."""

from __future__ import annotations

import math

import pytest

from rollbook.analytics.results import national
from rollbook.analytics.results.cohort import cohort
from rollbook.analytics.results.school import beside
from tests.support.ks4 import ALDER, YEAR, write_ks4_nation

#: Each pupil's P8: A1 and B1 share the group 4.4 (mean A8 (54 + 71) / 2 = 62.5); A2 is alone in 3.1.
P8 = {"A1000000000001": (54 - 62.5) / 10, "A2000000000002": 0.0, "B1000000000003": (71 - 62.5) / 10}


@pytest.fixture
def published(lake, data_dir):
    write_ks4_nation(lake)
    (path,) = national.publish(lake, data_dir / "ks4-national")
    return national.latest(data_dir / "ks4-national", YEAR)


def test_each_pupils_attainment8_and_progress8(lake, published):
    measured = cohort(lake, ALDER, YEAR, published.national.estimates)
    found = {p.upn: (p.measures.attainment8.total, p.measures.progress8.progress8) for p in measured.pupils}
    assert found == {"A1000000000001": (54, pytest.approx(P8["A1000000000001"])),
                     "A2000000000002": (12, pytest.approx(0.0))}  # fmt: skip


def test_the_national_figures(published):
    figures = published.national.measures
    assert not published.provisional and published.national.schools == 2
    assert figures["pupils"] == 3
    assert figures["attainment8"] == pytest.approx((54 + 12 + 71) / 3)
    assert figures["basics_4_rate"] == pytest.approx(200 / 3)  # A1 and B1
    assert published.national.sigma == pytest.approx(math.sqrt(2 * 0.85**2 / 3))


def test_alder_beside_national_with_its_interval(lake, published):
    pupils = cohort(lake, ALDER, YEAR, published.national.estimates).pupils
    found = beside(pupils, YEAR, published, published.national.measures)
    ours = found["measures"]
    assert ours["attainment8"] == 33.0
    assert ours["progress8"] == pytest.approx(-0.425)
    half = 1.96 * published.national.sigma / math.sqrt(2)
    assert (ours["progress8_ci_low"], ours["progress8_ci_high"]) == (
        pytest.approx(-0.425 - half), pytest.approx(-0.425 + half))  # fmt: skip
    assert found["progress8"]["band"] == "Average"  # the interval includes 0
    assert ours["basics_4_rate"] == 50.0 and ours["ebacc_entry_rate"] == 50.0
    assert ours["attainment8_english"] == (12 + 4) / 2
    assert found["gaps"]["attainment8"]["shade"] == "shade-worse-3"  # 12.67 points below


def test_the_pupil_groups_nationally(published):
    groups = published.national.groups
    assert groups["sex"]["Girls"]["attainment8"] == pytest.approx((54 + 71) / 2)
    assert groups["disadvantaged"]["Disadvantaged"]["pupils"] == 1
    assert set(groups["persistent_absence"]) == {"Persistently absent", "No attendance held"}
    assert groups["persistent_absence"]["Persistently absent"]["attainment8"] == 54
    assert groups["prior_attainment"]["Middle prior attainment"]["pupils"] == 2  # fine level 4.4


def test_a_year_with_nothing_published_is_set_beside_the_latest_earlier_year_as_provisional(
    lake, data_dir, published
):
    found = national.latest(data_dir / "ks4-national", YEAR + 1)
    assert found.provisional and found.national.academic_year == YEAR
    assert national.latest(data_dir / "ks4-national", YEAR - 1) is None
