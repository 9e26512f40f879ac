"""Where pupils have no KS2 (the 2024/25 and 2025/26 cohorts), subject value added groups them by bands of a
baseline the school supplies, as Rollbook value added does, and the figure says it is Rollbook's own."""

from __future__ import annotations

from decimal import Decimal

from rollbook.rules.results.prior_attainment import Baseline
from rollbook.rules.results.subject_points import SubjectPoints
from rollbook.rules.results.subject_value_added import (
    baseline_groups,
    build_estimates,
    residuals,
    school_value_added,
)


def test_a_baseline_score_falls_in_its_band_of_5():
    assert baseline_groups({"a": 103, "b": 99.5, "c": 105}) == {
        "a": Decimal("100.0"), "b": Decimal("95.0"), "c": Decimal("105.0")
    }  # fmt: skip


def test_the_figure_from_a_schools_baseline_is_labelled_rollbooks():
    groups = baseline_groups({"a": 103, "b": 101})
    nation = [SubjectPoints("a", "drama", 6), SubjectPoints("b", "drama", 4)]
    estimates = build_estimates(nation, groups, 2024, "CAT4 mean standard age score", least=1)
    figure = school_value_added(residuals(nation[:1], groups, estimates))["drama"]
    assert figure.value_added == 1
    assert figure.label == (
        "Rollbook subject value added (from CAT4 mean standard age score; not a DfE measure)"
    )


def test_a_figure_from_ks2_says_so():
    estimates = build_estimates([], {}, 2018, Baseline.SCALED_SCORES)
    assert estimates.label == "Subject value added (from KS2 scaled scores)"
