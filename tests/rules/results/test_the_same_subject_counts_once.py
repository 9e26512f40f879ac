"""Results in one subject (one discount group) count once; absent results never count."""

from __future__ import annotations

from rollbook.rules.results.discounting import discount
from rollbook.rules.results.exam_result import exam_result
from tests.support.ks4_results import results


def test_of_two_results_in_a_subject_the_better_counts():
    counting = discount(results(("Art", "GCSE", "5"), ("Photography", "GCSE", "7"), ("Music", "GCSE", "4")))
    assert [r.subject.key for r in counting.counted] == ["photography", "music"]
    (dropped,) = counting.discounted
    assert dropped.result.subject.key == "art_and_design"
    assert "same subject" in dropped.reason


def test_a_reformed_gcse_shuts_out_a_technical_award_in_the_same_subject_even_when_worth_less():
    counting = discount(results(("PE", "GCSE", "4"), ("Sport", "BTEC Tech Award", "L2D*")))
    assert [r.qualification.key for r in counting.counted] == ["gcse"]
    assert "reformed GCSE" in counting.discounted[0].reason


def test_the_first_entry_counts_in_an_ebacc_subject():
    early = exam_result("French", "GCSE", "4", 2018, exam_series="June 2018")
    late = exam_result("French", "GCSE", "7", 2018, exam_series="June 2019")
    counting = discount([late, early])
    assert counting.counted == (early,)
    assert "first entry" in counting.discounted[0].reason


def test_without_series_the_better_entry_counts():
    counting = discount(results(("French", "GCSE", "4"), ("French", "GCSE", "7")))
    assert [r.grade.text for r in counting.counted] == ["7"]


def test_an_absent_result_is_not_counted():
    counting = discount(results(("History", "GCSE", "X"), ("Geography", "GCSE", "5")))
    assert [r.subject.key for r in counting.counted] == ["geography"]
    assert counting.discounted[0].reason.startswith("absent")


def test_english_language_and_literature_are_different_subjects():
    counting = discount(results(("English Lang", "GCSE", "5"), ("English Lit", "GCSE", "6")))
    assert len(counting.counted) == 2
