"""A grade not on its qualification's scale is refused, saying what the scale allows."""

from __future__ import annotations

import pytest

from rollbook.rules.results.exam_result import BadResult, exam_result
from rollbook.rules.results.grades import BadGrade, Scale, parse_grade


@pytest.mark.parametrize(
    ("scale", "grade"),
    [(Scale.NINE_TO_ONE, "10"), (Scale.NINE_TO_ONE, "0"), (Scale.NINE_TO_ONE, "A"),
     (Scale.NINE_TO_ONE, "5-4"),
     (Scale.DOUBLE_AWARD, "5-3"), (Scale.DOUBLE_AWARD, "5"), (Scale.LETTERS, "7"), (Scale.LETTERS, "H"),
     (Scale.TECHNICAL_AWARD, "L3D"), (Scale.TECHNICAL_AWARD, "L1D*"), (Scale.TECHNICAL_AWARD, "6")],
)  # fmt: skip
def test_a_grade_off_the_scale_is_refused(scale, grade):
    with pytest.raises(BadGrade):
        parse_grade(scale, grade, 2018)


def test_the_refusal_names_the_grade_and_the_scale():
    with pytest.raises(
        BadGrade, match=r"grade '10' is not on the 9 to 1 scale \(9 to 1, U, or X for absent\)"
    ):
        parse_grade(Scale.NINE_TO_ONE, "10", 2018)


def test_a_letter_grade_for_a_reformed_gcse_is_refused():
    with pytest.raises(BadGrade, match="'B'"):
        exam_result("History", "GCSE (9-1)", "B", 2018)


def test_technical_award_points_before_2016_17_are_not_held():
    with pytest.raises(BadGrade, match="not held"):
        parse_grade(Scale.TECHNICAL_AWARD, "L2M", 2015)


def test_only_combined_science_is_a_double_award():
    with pytest.raises(BadResult, match="History is not a double award"):
        exam_result("History", "GCSE double award", "5-4", 2018)


def test_an_exam_series_must_be_a_month_and_year():
    with pytest.raises(BadResult, match="exam series"):
        exam_result("History", "GCSE", "5", 2018, exam_series="the summer one")
