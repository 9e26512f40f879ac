"""Absence frequency lists pupils with a week under 100%, most spells of absence first.

Week commencing 09/09/2024, ten sessions each:
  A: present throughout: not listed.
  B: I I / \\ O / \\ \\ I I -> spells of 2, 1 and 2 sessions: 3 spells, longest 2, 5 absent; attendance 50%.
  C: I I I I I I / \\ / \\ -> one spell of 6; attendance 40%.
"""

from __future__ import annotations

from rollbook.analytics.attendance.absence_frequency import absence_frequency
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write


def test_spells_and_weeks_under_100(lake):
    b = ["I", "I", "/", "\\", "O", "/", "\\", "\\", "I", "I"]
    c = ["I"] * 6 + present(4)
    write(
        lake,
        [pupil("A"), pupil("B"), pupil("C")],
        register("A", present(10)) + register("B", b) + register("C", c),
    )
    found = absence_frequency(lake, URN, TWO_WEEKS)
    assert found["weeks"] == ["2024-09-09"]
    assert [
        (row["upn"], row["spells"], row["longest_spell_sessions"], row["absent_sessions"], row["weeks"])
        for row in found["pupils"]
    ] == [
        ("B", 3, 2, 5, {"2024-09-09": 50.0}),
        ("C", 1, 6, 6, {"2024-09-09": 40.0}),
    ]
    assert found["pupils"][0]["name"] == "Test, B"
