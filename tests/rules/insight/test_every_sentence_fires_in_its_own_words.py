"""Every sentence rule fires on figures that pass its tests, in its own words with the figures written as
a school reads them (1,425; 24.3%; +0.41; "in 2018/19 as well as 2017/18")."""

from __future__ import annotations

import pytest

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.sentences import SENTENCES
from tests.support.sentence_figures import YEAR, firing

WORDS = {
    "roll_highest": "The school was in the highest 20% of all schools for the number of pupils (1,425).",
    "roll_lowest": "The school was in the lowest 20% of all schools for the number of pupils (1,425).",
    "fsm6_highest": (
        "The share of pupils eligible for free school meals at any time in the last six years (FSM6) was "
        "24.3%, in the highest 20% of all schools."
    ),
    "fsm6_lowest": (
        "The share of pupils eligible for free school meals at any time in the last six years (FSM6) was "
        "24.3%, in the lowest 20% of all schools."
    ),
    "eal_highest": (
        "The share of pupils with English as an additional language (EAL) was 12.0%, in the highest 20% "
        "of all schools."
    ),
    "eal_lowest": (
        "The share of pupils with English as an additional language (EAL) was 12.0%, in the lowest 20% of"
        " all schools."
    ),
    "sen_support_highest": (
        "The share of pupils with SEN support was 13.5%, in the highest 20% of all schools."
    ),
    "sen_support_lowest": "The share of pupils with SEN support was 13.5%, in the lowest 20% of all schools.",
    "ehc_plan_highest": (
        "The share of pupils with an education, health and care (EHC) plan was 2.1%, in the highest 20% "
        "of all schools."
    ),
    "ehc_plan_lowest": (
        "The share of pupils with an education, health and care (EHC) plan was 2.1%, in the lowest 20% of"
        " all schools."
    ),
    "year_group_highest": "The number of pupils in Year 9 (276) was in the highest 20% of all schools.",
    "year_group_lowest": "The number of pupils in Year 9 (276) was in the lowest 20% of all schools.",
    "attainment8_highest": "Attainment 8 (52.4) was in the highest 20% of all schools in 2018/19.",
    "attainment8_lowest": "Attainment 8 (52.4) was in the lowest 20% of all schools in 2018/19.",
    "progress8_above": (
        "Progress 8 (+0.41) was in the highest 20% and significantly above the national average in 2018/19."
    ),
    "progress8_above_2y": (
        "Progress 8 (+0.41) was in the highest 20% and significantly above the national average in "
        "2018/19 as well as 2017/18."
    ),
    "progress8_above_3y": (
        "Progress 8 (+0.41) was in the highest 20% and significantly above the national average in each "
        "of 2016/17, 2017/18 and 2018/19."
    ),
    "progress8_below": (
        "Progress 8 (-0.41) was in the lowest 20% and significantly below the national average in 2018/19."
    ),
    "progress8_below_2y": (
        "Progress 8 (-0.41) was in the lowest 20% and significantly below the national average in 2018/19"
        " as well as 2017/18."
    ),
    "progress8_below_3y": (
        "Progress 8 (-0.41) was in the lowest 20% and significantly below the national average in each of"
        " 2016/17, 2017/18 and 2018/19."
    ),
    "elements_above": (
        "Progress 8 in the following element(s) was in the highest 20% and significantly above the "
        "national average in 2018/19: English (+0.45)."
    ),
    "elements_above_2y": (
        "Progress 8 in the following element(s) was in the highest 20% and significantly above the "
        "national average in 2018/19 as well as 2017/18: English (+0.45)."
    ),
    "elements_above_3y": (
        "Progress 8 in the following element(s) was in the highest 20% and significantly above the "
        "national average in each of 2016/17, 2017/18 and 2018/19: English (+0.45)."
    ),
    "elements_below": (
        "Progress 8 in the following element(s) was in the lowest 20% and significantly below the "
        "national average in 2018/19: English (-0.45)."
    ),
    "elements_below_2y": (
        "Progress 8 in the following element(s) was in the lowest 20% and significantly below the "
        "national average in 2018/19 as well as 2017/18: English (-0.45)."
    ),
    "elements_below_3y": (
        "Progress 8 in the following element(s) was in the lowest 20% and significantly below the "
        "national average in each of 2016/17, 2017/18 and 2018/19: English (-0.45)."
    ),
    "areas_above": (
        "Value added in science (+0.52) was in the highest 20% and significantly above the national "
        "average in 2018/19."
    ),
    "areas_above_2y": (
        "Value added in science (+0.52) was in the highest 20% and significantly above the national "
        "average in 2018/19 as well as 2017/18."
    ),
    "areas_above_3y": (
        "Value added in science (+0.52) was in the highest 20% and significantly above the national "
        "average in each of 2016/17, 2017/18 and 2018/19."
    ),
    "areas_below": (
        "Value added in science (-0.52) was in the lowest 20% and significantly below the national "
        "average in 2018/19."
    ),
    "areas_below_2y": (
        "Value added in science (-0.52) was in the lowest 20% and significantly below the national "
        "average in 2018/19 as well as 2017/18."
    ),
    "areas_below_3y": (
        "Value added in science (-0.52) was in the lowest 20% and significantly below the national "
        "average in each of 2016/17, 2017/18 and 2018/19."
    ),
    "basics_5_highest": (
        "The share of pupils with grade 5 or above in English and maths (55.2%) was in the highest 20% of"
        " all schools in 2018/19."
    ),
    "basics_5_lowest": (
        "The share of pupils with grade 5 or above in English and maths (55.2%) was in the lowest 20% of "
        "all schools in 2018/19."
    ),
    "ebacc_entry_highest": (
        "The share of pupils entered for the EBacc (22.0%) was in the highest 20% of all schools in 2018/19."
    ),
    "ebacc_entry_lowest": (
        "The share of pupils entered for the EBacc (22.0%) was in the lowest 20% of all schools in 2018/19."
    ),
    "ebacc_aps_highest": (
        "The EBacc average point score (4.65) was in the highest 20% of all schools in 2018/19."
    ),
    "ebacc_aps_lowest": (
        "The EBacc average point score (4.65) was in the lowest 20% of all schools in 2018/19."
    ),
    "ebacc_subjects_highest": (
        "For the following EBacc subject(s), the average point score was in the highest 20% of schools "
        "nationally and the proportion of entries was at or above the national average: English "
        "literature (5.4)."
    ),
    "ebacc_subjects_lowest": (
        "For the following EBacc subject(s), the average point score was in the lowest 20% of schools "
        "nationally and the proportion of entries was at or above the national average: English "
        "literature (5.4)."
    ),
    "other_subjects_highest": (
        "For the following subject(s) outside of the EBacc, the average point score was in the highest "
        "20% of schools nationally and pupil entry was at or above the national average: sport (5.4)."
    ),
    "other_subjects_lowest": (
        "For the following subject(s) outside of the EBacc, the average point score was in the lowest 20%"
        " of schools nationally and pupil entry was at or above the national average: sport (5.4)."
    ),
    "ebacc_barrier": (
        "The EBacc entry rate in 2018/19 was 22.0%, below the national average. The subject area that "
        "appears to be the greatest barrier to more pupils studying the EBacc is languages (18.0%)."
    ),
    "overall_absence_highest": "Overall absence (6.4%) was in the highest 20% of all schools in 2018/19.",
    "overall_absence_lowest": "Overall absence (6.4%) was in the lowest 20% of all schools in 2018/19.",
    "overall_absence_similar_highest": (
        "Overall absence (6.4%) was in the highest 20% of schools with a similar level of deprivation in "
        "2018/19."
    ),
    "overall_absence_similar_lowest": (
        "Overall absence (6.4%) was in the lowest 20% of schools with a similar level of deprivation in "
        "2018/19."
    ),
    "persistent_absence_highest": (
        "Persistent absence (18.2% of pupils) was in the highest 20% of all schools in 2018/19."
    ),
    "persistent_absence_lowest": (
        "Persistent absence (18.2% of pupils) was in the lowest 20% of all schools in 2018/19."
    ),
    "persistent_absence_similar_highest": (
        "Persistent absence (18.2% of pupils) was in the highest 20% of schools with a similar level of "
        "deprivation in 2018/19."
    ),
    "persistent_absence_similar_lowest": (
        "Persistent absence (18.2% of pupils) was in the lowest 20% of schools with a similar level of "
        "deprivation in 2018/19."
    ),
}


def test_every_rule_has_its_words_written_out_here():
    assert set(WORDS) == {rule.key for rule in SENTENCES}


@pytest.mark.parametrize("rule", SENTENCES, ids=lambda rule: rule.key)
def test_it_fires_with_its_words(rule):
    found = [
        finding for section in areas_of_interest(firing(rule), YEAR, [rule]) for finding in section.findings
    ]
    assert [(finding.rule.key, finding.text) for finding in found] == [(rule.key, WORDS[rule.key])]
