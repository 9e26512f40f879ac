"""A school's figures that make a sentence rule fire, and the same with one test failing at its edge."""

from __future__ import annotations

import dataclasses

from rollbook.rules.insight.figures import MEASURES, Figure, Items, Unit
from rollbook.rules.insight.sentences import Among, Check, Condition, SentenceRule

YEAR = 2018
PUPILS = 120
#: Each measure's example figure (for a score, its size: the sign follows the test), and the item it is about.
VALUES = {
    "roll": 1425, "fsm6": 24.3, "eal": 12.0, "sen_support": 13.5, "ehc_plan": 2.1, "year_group_roll": 276,
    "attainment8": 52.4, "progress8": 0.41, "element_progress8": 0.45, "area_value_added": 0.52,
    "basics_5": 55.2, "ebacc_entry": 22.0, "ebacc_aps": 4.65, "subject_aps": 5.4, "subject_entry": 80.0,
    "ebacc_barrier": 18.0, "overall_absence": 6.4, "persistent_absence": 18.2,
}  # fmt: skip
ITEMS = {
    "year_group_roll": "9", "element_progress8": "English", "area_value_added": "science",
    "subject_aps": "english_literature", "subject_entry": "english_literature", "ebacc_barrier": "languages",
}  # fmt: skip
ITEM_OUTSIDE_EBACC = "sport"
#: How far from the national value a figure tested against it is, and the half-width of an interval.
GAP, HALF = 4.0, 0.2


def firing(rule: SentenceRule, pupils: int = PUPILS) -> list[Figure]:
    """One figure (with its earlier years, as many as the rule needs) for each measure the rule reads."""
    return [_figure(rule, measure, pupils) for measure in rule.measures]


def failing(rule: SentenceRule, condition: Condition) -> list[Figure]:
    """As `firing`, but with `condition`'s test failing by as little as it can."""
    return [_break(figure, condition) if figure.measure == condition.measure else figure
            for figure in firing(rule)]  # fmt: skip


def _figure(rule: SentenceRule, measure: str, pupils: int) -> Figure:
    checks = {c.check for c in rule.conditions if c.measure == measure}
    item = ITEMS.get(measure)
    if MEASURES[measure].items is Items.SUBJECTS and rule.among is Among.OTHER_SUBJECTS:
        item = ITEM_OUTSIDE_EBACC
    value = float(VALUES[measure])
    if Check.SIGNIFICANTLY_BELOW in checks:
        value = -value
    figure = Figure(
        measure, YEAR, value, int(value) if MEASURES[measure].unit is Unit.PUPILS else pupils, item,
        quintile=_quintile(checks, Check.HIGHEST_20, Check.LOWEST_20),
        similar_quintile=_quintile(checks, Check.SIMILAR_HIGHEST_20, Check.SIMILAR_LOWEST_20),
    )  # fmt: skip
    if checks & {Check.SIGNIFICANTLY_ABOVE, Check.SIGNIFICANTLY_BELOW}:
        figure = dataclasses.replace(figure, national=0.0, interval=(value - HALF, value + HALF))
    elif Check.AT_OR_ABOVE_NATIONAL in checks:
        figure = dataclasses.replace(figure, national=value - GAP)
    elif Check.BELOW_NATIONAL in checks:
        figure = dataclasses.replace(figure, national=value + GAP)
    earlier = tuple(dataclasses.replace(figure, year=YEAR - back) for back in range(1, rule.years))
    return dataclasses.replace(figure, earlier=earlier)


def _quintile(checks: set[Check], highest: Check, lowest: Check) -> int:
    return 1 if highest in checks else 5 if lowest in checks else 3


def _break(figure: Figure, condition: Condition) -> Figure:
    value = figure.value
    match condition.check:
        case Check.HIGHEST_20:
            return dataclasses.replace(figure, quintile=2)
        case Check.LOWEST_20:
            return dataclasses.replace(figure, quintile=4)
        case Check.SIMILAR_HIGHEST_20:
            return dataclasses.replace(figure, similar_quintile=2)
        case Check.SIMILAR_LOWEST_20:
            return dataclasses.replace(figure, similar_quintile=4)
        case Check.SIGNIFICANTLY_ABOVE:  # the interval touches national
            return dataclasses.replace(figure, interval=(0.0, 2 * value))
        case Check.SIGNIFICANTLY_BELOW:
            return dataclasses.replace(figure, interval=(2 * value, 0.0))
        case Check.AT_OR_ABOVE_NATIONAL:
            return dataclasses.replace(figure, national=value + 0.01)
        case Check.BELOW_NATIONAL:
            return dataclasses.replace(figure, national=value)
    raise AssertionError(condition)
