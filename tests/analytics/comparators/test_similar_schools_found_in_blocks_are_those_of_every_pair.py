"""Similar schools found a block at a time, from estimated distances, are exactly those found by measuring
every pair of schools at once (the method before blocks), ties to the lower URN included."""

from __future__ import annotations

import numpy as np
import pytest

from rollbook.analytics.comparators.similar import FEATURES, SIMILAR_SCHOOLS, nearest_schools
from tests.support.similar_schools import every_distance, every_pair, profiles


@pytest.mark.parametrize("features", [list(FEATURES), [*FEATURES, "prior_attainment"]])
@pytest.mark.parametrize("block", [None, 1, 37])
def test_blocks_find_the_same_neighbours_in_the_same_order(features, block):
    schools = profiles(400, seed=18)
    # Schools must tie across the cut at the twentieth neighbour, or the tie-break would go untested.
    nearest = np.sort(every_distance(schools, features), axis=1)
    assert (nearest[:, SIMILAR_SCHOOLS - 1] == nearest[:, SIMILAR_SCHOOLS]).sum() > 50
    assert nearest_schools(schools, features, SIMILAR_SCHOOLS, block=block) == every_pair(
        schools, features, SIMILAR_SCHOOLS
    )


def test_a_small_set_and_a_large_k_agree_too():
    schools = profiles(12, seed=7)
    assert nearest_schools(schools, list(FEATURES), 50, block=5) == every_pair(schools, list(FEATURES), 50)
