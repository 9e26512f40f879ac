"""A prior-attainment group with too few national entrants in a subject joins its neighbour towards the
middle, and a pupil outside every group is measured against the nearest end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rollbook.rules.results.subject_points import SubjectPoints
from rollbook.rules.results.subject_value_added import build_estimates

GROUPS = {"a": Decimal("94.5"), "b": Decimal("99.5"), "c": Decimal("99.5"), "d": Decimal("104.5"),
          "e": Decimal("104.5")}  # fmt: skip
NATION = [SubjectPoints(p, "music", points) for p, points in zip("abcde", (3, 4, 6, 6, 8), strict=True)]


def test_a_group_of_one_joins_the_next_group_up():
    music = build_estimates(NATION, GROUPS, 2018, "KS2 scaled scores", least=2).subjects["music"]
    assert [(row.group, row.entrants) for row in music.groups] == [
        (Decimal("94.5"), 3), (Decimal("104.5"), 2)
    ]  # fmt: skip
    assert music.groups[0].points == pytest.approx(13 / 3)


def test_pupils_below_or_above_every_group_take_the_nearest_end():
    music = build_estimates(NATION, GROUPS, 2018, "KS2 scaled scores", least=2).subjects["music"]
    assert music.expected(Decimal("80")) == pytest.approx(13 / 3)
    assert music.expected(Decimal("99.5")) == pytest.approx(13 / 3)
    assert music.expected(Decimal("119.5")) == 7
