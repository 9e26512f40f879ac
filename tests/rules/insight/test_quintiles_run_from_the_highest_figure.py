"""A school's percentile rank runs from 1 (the highest figure) to 100 (the lowest); ranks 1 to 20 are
quintile 1, 21 to 40 quintile 2, and so on, and tied schools share the better rank."""

from __future__ import annotations

import pytest

from rollbook.rules.insight.quintiles import percentile_rank, quintile, quintile_of_rank

#: 100 schools with the figures 1 to 100: the school with 100 ranks 1.
HUNDRED = list(range(1, 101))


#: (figure, rank, quintile) at each edge.
EDGES = [(100, 1, 1), (81, 20, 1), (80, 21, 2), (61, 40, 2), (41, 60, 3), (21, 80, 4), (20, 81, 5),
         (1, 100, 5)]  # fmt: skip


@pytest.mark.parametrize(("value", "rank", "expected"), EDGES)
def test_quintile_edges(value, rank, expected):
    assert percentile_rank(value, HUNDRED) == rank
    assert quintile(value, HUNDRED) == expected


def test_ranks_are_rounded_up_to_a_whole_percentile():
    seven = [1, 2, 3, 4, 5, 6, 7]
    # the top school is at 1 / 7 = 14.3%, rank 15; the second at 2 / 7 = 28.6%, rank 29
    assert [percentile_rank(v, seven) for v in (7, 6)] == [15, 29]
    assert [quintile(v, seven) for v in (7, 6)] == [1, 2]


def test_tied_schools_share_the_better_rank():
    among = [10, 9, 9, 9, 1]
    assert [percentile_rank(v, among) for v in (10, 9, 1)] == [20, 40, 100]


def test_ranks_fall_in_quintiles_of_20():
    assert [quintile_of_rank(r) for r in (1, 20, 21, 40, 41, 60, 61, 80, 81, 100)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
        5,
        5,
    ]
