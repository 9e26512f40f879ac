"""A national run lands inside the tolerance of every DfE 2023/24 secondary target (calibration.TARGETS)."""

from __future__ import annotations

from rollbook.synth.calibration import compare, table


def test_every_target_is_inside_its_tolerance(national_year):
    comparison = compare(national_year)
    print("\n" + table(comparison))
    missed = [target.name for target, ours in comparison if not target.low <= ours <= target.high]
    assert not missed, table(comparison)


def test_tolerances_contain_the_dfe_figure_they_are_held_to(national_year):
    for target, _ in compare(national_year):
        assert target.low < target.dfe < target.high, target.name
