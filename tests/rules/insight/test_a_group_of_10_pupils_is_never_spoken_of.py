"""No sentence speaks of a figure about 10 pupils or fewer; 11 is enough. A listing sentence names only the
items about 11 pupils or more."""

from __future__ import annotations

import pytest

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import MEASURES, Figure, Unit
from rollbook.rules.insight.sentences import BY_KEY, SENTENCES
from tests.support.sentence_figures import YEAR, firing

#: Rules whose figures are about a number of pupils other than their value (the roll is its own number).
COUNTED = [rule for rule in SENTENCES if all(MEASURES[m].unit is not Unit.PUPILS for m in rule.measures)]


def texts(figures, rules):
    return [
        finding.text for section in areas_of_interest(figures, YEAR, rules) for finding in section.findings
    ]


@pytest.mark.parametrize("rule", COUNTED, ids=lambda rule: rule.key)
def test_10_pupils_are_too_few_and_11_enough(rule):
    assert texts(firing(rule, pupils=10), [rule]) == []
    assert len(texts(firing(rule, pupils=11), [rule])) == 1


def test_a_year_group_of_10_is_not_named():
    lowest = BY_KEY["year_group_lowest"]
    figures = [Figure("year_group_roll", YEAR, 10, 10, item="7", quintile=5),
               Figure("year_group_roll", YEAR, 11, 11, item="8", quintile=5)]  # fmt: skip
    assert texts(figures, [lowest]) == [
        "The number of pupils in Year 8 (11) was in the lowest 20% of all schools."
    ]


def test_a_subject_with_10_entrants_is_left_out_of_the_list():
    lowest = BY_KEY["ebacc_subjects_lowest"]
    figures = [Figure("subject_aps", YEAR, 3.1, 10, item="french", quintile=5),
               Figure("subject_entry", YEAR, 40.0, 10, item="french", national=30.0),
               Figure("subject_aps", YEAR, 2.8, 95, item="maths", quintile=5),
               Figure("subject_entry", YEAR, 97.0, 95, item="maths", national=96.0)]  # fmt: skip
    assert texts(figures, [lowest]) == [
        "For the following EBacc subject(s), the average point score was in the lowest 20% of schools "
        "nationally and the proportion of entries was at or above the national average: mathematics (2.8)."
    ]
