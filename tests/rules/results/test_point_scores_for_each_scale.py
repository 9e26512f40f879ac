"""Each grade's points per slot on each scale, and the years where they differ."""

from __future__ import annotations

import pytest

from rollbook.rules.results.grades import Scale, parse_grade


def points(scale: Scale, grade: str, year: int = 2018) -> float:
    return parse_grade(scale, grade, year).points


def test_a_reformed_gcse_grade_is_its_number_and_u_is_0():
    assert [points(Scale.NINE_TO_ONE, str(g)) for g in range(9, 0, -1)] == [9, 8, 7, 6, 5, 4, 3, 2, 1]
    assert points(Scale.NINE_TO_ONE, "U") == 0


@pytest.mark.parametrize(
    ("grade", "per_slot"),
    [("9-9", 9), ("9-8", 8.5), ("8-8", 8), ("8-7", 7.5), ("7-7", 7), ("7-6", 6.5), ("6-6", 6), ("6-5", 5.5),
     ("5-5", 5), ("5-4", 4.5), ("4-4", 4), ("4-3", 3.5), ("3-3", 3), ("3-2", 2.5), ("2-2", 2), ("2-1", 1.5),
     ("1-1", 1), ("U", 0)],
)  # fmt: skip
def test_a_double_award_slot_is_worth_the_mean_of_its_grades(grade, per_slot):
    assert points(Scale.DOUBLE_AWARD, grade) == per_slot


def test_a_double_award_may_be_written_either_way_round_or_without_a_dash():
    assert [parse_grade(Scale.DOUBLE_AWARD, g, 2018).text for g in ("4-5", "54", "5/4", "5 4")] == ["5-4"] * 4


def test_unreformed_letters_were_8_to_1_in_2015_16():
    assert [points(Scale.LETTERS, g, 2015) for g in ("A*", "A", "B", "C", "D", "E", "F", "G", "U")] == [
        8,
        7,
        6,
        5,
        4,
        3,
        2,
        1,
        0,
    ]


def test_unreformed_letters_from_2016_17_top_out_at_8_5():
    assert [points(Scale.LETTERS, g, 2016) for g in ("A*", "A", "B", "C", "D", "E", "F", "G", "U")] == [
        8.5,
        7,
        5.5,
        4,
        3,
        2,
        1.5,
        1,
        0,
    ]
    assert points(Scale.LETTERS, "a*", 2017) == 8.5


@pytest.mark.parametrize(
    ("grade", "expected"),
    [("L2D*", 8.5), ("L2D", 7), ("L2M", 5.5), ("L2P", 4), ("L1D", 3), ("L1M", 2), ("L1P", 1.25), ("U", 0),
     ("Level 2 Distinction*", 8.5), ("D*2", 8.5), ("M2", 5.5), ("P1", 1.25), ("L2 Merit", 5.5), ("Fail", 0)],
)  # fmt: skip
def test_technical_awards_from_2016_17(grade, expected):
    assert points(Scale.TECHNICAL_AWARD, grade) == expected


def test_absent_is_a_valid_grade_that_is_not_attempted():
    for scale in Scale:
        grade = parse_grade(scale, "X", 2018)
        assert not grade.attempted
    assert parse_grade(Scale.NINE_TO_ONE, "U", 2018).attempted
