"""Schools differ in size, place and intake with the spread of real secondaries (census_mix)."""

from __future__ import annotations

import numpy as np
import pytest

from rollbook.rules import local_authorities
from rollbook.synth.census_mix import PROBABILITIES, QUANTILES
from rollbook.synth.schools import draw_schools


@pytest.fixture(scope="module")
def schools():
    return draw_schools(np.random.default_rng(3), 1500)


def test_every_school_is_in_a_real_local_authority_and_its_region(schools):
    for school in schools:
        authority = local_authorities.by_code(school.la)
        assert (school.la_name, school.region) == (authority.name, authority.region)
    assert {school.region for school in schools} == set(local_authorities.REGIONS)


def test_schools_are_told_apart_by_urn_and_by_laestab(schools):
    assert len({school.urn for school in schools}) == len(schools)
    assert len({school.laestab for school in schools}) == len(schools)


def test_sizes_vary_and_some_schools_have_sixth_forms(schools):
    sizes = [school.year_group_size for school in schools]
    assert max(sizes) - min(sizes) >= 50
    assert 0.25 < np.mean([school.sixth_form for school in schools]) < 0.55


@pytest.mark.parametrize(
    ("figure", "attribute"),
    [
        ("fsm6", "fsm6_pct"),
        ("eal", "eal_pct"),
        ("sen_support", "sen_support_pct"),
        ("ehc_plan", "ehc_plan_pct"),
    ],
)
def test_intake_mix_spreads_like_the_census(schools, figure, attribute):
    values = np.array([getattr(school, attribute) for school in schools])
    for probability in (0.1, 0.5, 0.9):
        census = np.interp(probability, PROBABILITIES, QUANTILES[figure])
        spread = np.interp(0.9, PROBABILITIES, QUANTILES[figure]) - np.interp(
            0.1, PROBABILITIES, QUANTILES[figure]
        )
        assert abs(np.quantile(values, probability) - census) < 0.15 * spread, (figure, probability)


def test_london_schools_have_more_eal_than_the_north_east(schools):
    def median_eal(region):
        return np.median([school.eal_pct for school in schools if school.region == region])

    assert median_eal("London") > 2 * median_eal("North East")
