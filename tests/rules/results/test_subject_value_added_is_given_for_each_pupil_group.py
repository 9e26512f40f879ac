"""Subject value added for pupil groups (sex, FSM6, SEN, EAL, prior attainment band) is the mean residual
of the group's entrants; pupils in no group are left out."""

from __future__ import annotations

from rollbook.rules.results.subject_value_added import Residual, group_value_added


def test_each_group_has_its_own_entrants_mean():
    found = [Residual(pupil, "french", 2018, 5 + value, 5, 1.0, "test")
             for pupil, value in (("g1", 1.0), ("g2", 0.0), ("b1", -1.0), ("x", 3.0))]  # fmt: skip
    groups = group_value_added(found, {"g1": "Girls", "g2": "Girls", "b1": "Boys"})
    assert {group: (f["french"].entrants, f["french"].value_added) for group, f in groups.items()} == {
        "Girls": (2, 0.5), "Boys": (1, -1.0)
    }  # fmt: skip
