"""The DfE "absence rate by reason": each code's sessions over all possible sessions."""

from __future__ import annotations

import pytest

from rollbook.analytics.attendance import reasons
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write


def test_each_code_is_rated_over_possible_sessions_not_over_absence(lake):
    # A: 6 present ("/" 3, "\\" 3), 2 I, 1 U, 1 D. Possible sessions 9 (D is not possible).
    # I: 2/9 = 22.2%; U: 1/9; "/" and "\\": 3/9 each; D: listed with no rate.
    write(lake, [pupil("A")], register("A", present(6) + ["I", "I", "U", "D"]))
    rows = reasons(lake, [URN], TWO_WEEKS)
    assert rows == [
        {"code": "/", "category": "present", "sessions": 3, "rate": pytest.approx(100 * 3 / 9)},
        {"code": "D", "category": "not_possible", "sessions": 1, "rate": None},
        {"code": "I", "category": "authorised", "sessions": 2, "rate": pytest.approx(100 * 2 / 9)},
        {"code": "U", "category": "unauthorised", "sessions": 1, "rate": pytest.approx(100 * 1 / 9)},
        {"code": "\\", "category": "present", "sessions": 3, "rate": pytest.approx(100 * 3 / 9)},
    ]


def test_reasons_grouped_by_year_group_are_rated_within_each_group(lake):
    # Year 7: 1 I of 2 possible (50%). Year 8: 1 I of 4 possible (25%).
    write(
        lake,
        [pupil("A", nc_year=7), pupil("B", nc_year=8)],
        register("A", ["I", "\\"]) + register("B", ["I"] + present(3)[1:] + ["/"]),
    )
    rows = [row for row in reasons(lake, [URN], TWO_WEEKS, by=["nc_year"]) if row["code"] == "I"]
    assert [(row["nc_year"], row["rate"]) for row in rows] == [(7, 50.0), (8, 25.0)]
