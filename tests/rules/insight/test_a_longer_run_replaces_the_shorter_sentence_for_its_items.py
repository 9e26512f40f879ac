"""Where a figure has been significantly below for three years, the three-year sentence names it and the
one- and two-year sentences do not; another item below this year only keeps its one-year sentence."""

from __future__ import annotations

import dataclasses

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import Figure


def below(item: str, value: float, year: int = 2018, earlier: tuple[Figure, ...] = ()) -> Figure:
    return Figure("area_value_added", year, value, 120, item=item, national=0.0, quintile=5,
                  interval=(value - 0.2, value + 0.2), earlier=earlier)  # fmt: skip


def test_each_item_is_named_once_by_its_longest_run():
    science = below("science", -0.5, earlier=(below("science", -0.4, 2017), below("science", -0.6, 2016)))
    sections = areas_of_interest([science, below("languages", -0.3)], 2018)
    assert [(f.rule.key, f.text) for s in sections for f in s.findings] == [
        ("areas_below", "Value added in languages (-0.30) was in the lowest 20% and significantly below the "
                        "national average in 2018/19."),
        ("areas_below_3y", "Value added in science (-0.50) was in the lowest 20% and significantly below the "
                           "national average in each of 2016/17, 2017/18 and 2018/19."),
    ]  # fmt: skip


def test_two_items_with_the_same_run_share_a_sentence():
    history = [below("humanities", -0.4, earlier=(below("humanities", -0.4, 2017),))]
    science = [dataclasses.replace(history[0], item="science", value=-0.5)]
    sections = areas_of_interest(history + science, 2018)
    assert [f.text for s in sections for f in s.findings] == [
        "Value added in humanities (-0.40) and science (-0.50) was in the lowest 20% and significantly below "
        "the national average in 2018/19 as well as 2017/18."
    ]
