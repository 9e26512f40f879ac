"""Every register code and its statistical category (docs/attendance-measures.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.attendance import codes
from rollbook.rules.attendance.codes import AEA, AUTHORISED, NOT_POSSIBLE, PRESENT, UNAUTHORISED

# The DfE grouping (§2.2), written out independently of the code table under test.
EXPECTED_2024 = {
    PRESENT: {"/", "\\", "L"},
    AEA: {"K", "V", "P", "W", "B"},
    AUTHORISED: {"C", "C1", "C2", "E", "I", "J1", "M", "R", "S", "T"},
    UNAUTHORISED: {"G", "N", "O", "U"},
    NOT_POSSIBLE: {"D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#", "-"},
}
EXPECTED_2006 = {
    PRESENT: {"/", "\\", "L"},
    AEA: {"B", "J", "P", "V", "W"},
    AUTHORISED: {"C", "E", "H", "I", "M", "R", "S", "T"},
    UNAUTHORISED: {"G", "N", "O", "U"},
    NOT_POSSIBLE: {"D", "X", "Y", "Z", "#", "-"},
}


@pytest.mark.parametrize(
    ("code_set", "expected"), [(codes.SET_2024, EXPECTED_2024), (codes.SET_2006, EXPECTED_2006)]
)
def test_each_code_has_its_dfe_category(code_set, expected):
    actual: dict[codes.Category, set[str]] = {}
    for code in code_set.codes.values():
        actual.setdefault(code.category, set()).add(code.code)
    assert actual == expected


@pytest.mark.parametrize("code", sorted(codes.SET_2024.codes))
def test_only_not_possible_codes_leave_the_denominator(code):
    entry = codes.SET_2024[code]
    assert entry.possible is (entry.category is not NOT_POSSIBLE)
    assert entry.meaning


def test_late_before_close_is_present_and_after_close_is_unauthorised():
    assert codes.SET_2024["L"].category is PRESENT
    assert codes.SET_2024["U"].category is UNAUTHORISED


def test_the_2024_set_starts_on_19_august_2024():
    assert codes.code_set_for(dt.date(2024, 8, 18)) is codes.SET_2006
    assert codes.code_set_for(dt.date(2024, 8, 19)) is codes.SET_2024


def test_interview_moved_from_aea_to_authorised_absence():
    assert codes.lookup("J", dt.date(2023, 10, 2)).category is AEA
    assert codes.lookup("J", dt.date(2024, 10, 2)) is None
    assert codes.lookup("J1", dt.date(2024, 10, 2)).category is AUTHORISED
    assert codes.lookup("J1", dt.date(2023, 10, 2)) is None


def test_authorised_holiday_exists_only_before_2024():
    assert codes.lookup("H", dt.date(2024, 6, 3)).category is AUTHORISED
    assert codes.lookup("H", dt.date(2024, 9, 3)) is None


def test_a_code_in_both_sets_keeps_its_category():
    for code, category in codes.CATEGORY_OF.items():
        for code_set in codes.CODE_SETS:
            if code in code_set:
                assert code_set[code].category is category


def test_the_table_lists_every_code_of_each_set_once():
    rows = codes.code_table()
    assert len(rows) == len(codes.SET_2024.codes) + len(codes.SET_2006.codes)
    assert {(row["code_set"], row["code"]) for row in rows} == {
        (s.name, c) for s in codes.CODE_SETS for c in s.codes
    }
    assert set(rows[0]) == {"code", "meaning", "category", "possible", "code_set"}
