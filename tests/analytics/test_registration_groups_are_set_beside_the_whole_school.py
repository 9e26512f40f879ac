"""Attendance by registration group: each form's figures beside the whole school's, forms in their natural
order, small forms hidden from readers without pupil-level access."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance.groups import natural_order, registration_groups
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write

# 10A: one pupil present all 20 sessions, one absent (I) for 4 of 20: 36/40 = 90% attendance, 10% absence,
# 1 of 2 persistently absent. 7B: one pupil absent (O) 10 of 20: 50% attendance, persistent and severe.
# 7A: present throughout. Whole school: 36 + 10 + 20 = 66 of 80 sessions, 82.5%; 2 of 4 persistent.
FORMS = {
    "A1": ("10A", present(20)),
    "A2": ("10A", ["I"] * 4 + present(16)),
    "B1": ("7B", ["O"] * 10 + present(10)),
    "C1": ("7A", present(20)),
}


@pytest.fixture
def school(lake):
    pupils = [pupil(upn, reg_group=form) for upn, (form, _) in FORMS.items()]
    marks = [mark for upn, (_, codes) in FORMS.items() for mark in register(upn, codes)]
    write(lake, pupils, marks)
    return lake


def test_each_form_is_beside_the_whole_school_in_natural_order(school):
    forms = registration_groups(school, URN, TWO_WEEKS)
    assert [form["label"] for form in forms] == ["7A", "7B", "10A"]
    ten_a = forms[2]
    assert ten_a["school"] == {
        "pupils": 2,
        "attendance_rate": 90.0,
        "overall_absence_rate": 10.0,
        "persistent_absence_rate": 50.0,
        "severe_absence_rate": 0.0,
    }
    whole = ten_a["whole_school"]
    assert (whole["pupils"], whole["attendance_rate"], whole["persistent_absence_rate"]) == (4, 82.5, 50.0)
    assert whole["differences"]["attendance_rate"] == {"points": 7.5, "shade": "shade-better-3"}
    assert whole["differences"]["overall_absence_rate"]["shade"] == "shade-better-3"  # lower is better
    seven_b = forms[1]["school"]
    assert (seven_b["attendance_rate"], seven_b["severe_absence_rate"]) == (50.0, 100.0)
    assert forms[1]["whole_school"]["differences"]["attendance_rate"]["shade"] == "shade-worse-3"


def test_a_pupil_without_a_form_is_listed_as_such(lake):
    write(lake, [pupil("A1", reg_group=None)], register("A1", present(20)))
    (form,) = registration_groups(lake, URN, TWO_WEEKS)
    assert form["label"] == "No registration group"


def test_numbers_in_names_sort_as_numbers():
    assert sorted(["10A", "7B", "Y9", "7A", "11"], key=natural_order) == ["7A", "7B", "10A", "11", "Y9"]
