"""The attendance officer's latest days, on a hand-made fortnight (England's default 2024/25 calendar).

Two weeks from Monday 09/09/2024, data to Friday 20/09/2024:
  A: present throughout, except no mark at all on Friday 20/09 afternoon.
  B: present the first week; absent (I, then O) every session of the second week: 5 days running.
  C: N on Monday 09/09 morning (9 school days before the last day: overdue), present otherwise;
     "-" on Thursday 19/09 afternoon (no mark yet).
The view looks back 20 school days, to the first day of term, Wednesday 04/09.
"""

from __future__ import annotations

import datetime as dt

from rollbook.analytics.attendance.latest_days import latest_days
from rollbook.rules.calendar import england_default
from tests.support.small_world import URN, present, pupil, register, write

FRIDAY = dt.date(2024, 9, 20)


def write_fortnight(lake):
    a = present(19)
    b = present(10) + ["I", "I", "I", "I", "O", "O", "O", "O", "O", "O"]
    c = ["N"] + present(16) + ["-"] + present(2)
    write(lake, [pupil("A"), pupil("B"), pupil("C")], register("A", a) + register("B", b) + register("C", c))


def test_day_after_day_absence_at_or_over_the_schools_threshold(lake):
    write_fortnight(lake)
    found = latest_days(lake, URN, england_default(2024), FRIDAY, consecutive_days=5)
    (b,) = found["absent_day_after_day"]
    assert (b["upn"], b["days"], b["since"], b["codes"]) == ("B", 5, dt.date(2024, 9, 16), ["I", "O"])
    assert (
        latest_days(lake, URN, england_default(2024), FRIDAY, consecutive_days=6)["absent_day_after_day"]
        == []
    )


def test_overdue_n_and_sessions_without_a_mark(lake):
    write_fortnight(lake)
    found = latest_days(lake, URN, england_default(2024), FRIDAY, consecutive_days=3)
    assert [(row["upn"], row["date"], row["session"]) for row in found["overdue_n"]] == [
        ("C", dt.date(2024, 9, 9), "AM")
    ]
    missing = [(row["upn"], row["date"], row["session"]) for row in found["no_mark"]]
    # Term began on Wednesday 04/09: the three days before the fortnight have no marks for anyone.
    before = [day for day in missing if day[1] < dt.date(2024, 9, 9)]
    assert len(before) == 3 * 3 * 2
    assert [day for day in missing if day not in before] == [
        ("A", FRIDAY, "PM"),
        ("C", dt.date(2024, 9, 19), "PM"),
    ]
