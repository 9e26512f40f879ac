"""DfE measures on hand-worked cases (docs/attendance-measures.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.attendance.codes import CATEGORY_OF
from rollbook.rules.attendance.measures import (
    SUMMARY_KEYS,
    Tally,
    is_persistent_absentee,
    is_severe_absentee,
    on_roll,
    rate,
    summarise,
)


def tally(marks: str) -> Tally:
    """A tally from single-character codes, e.g. "//IL"."""
    return Tally.of(CATEGORY_OF[mark] for mark in marks)


def test_a_tally_sorts_sessions_by_category():
    # / \ L present (3); V AEA (1); I M authorised (2); O U unauthorised (2); D # X not counted.
    t = tally("/\\LVIMOUD#X")
    assert (t.present, t.aea, t.authorised, t.unauthorised) == (3, 1, 2, 2)
    assert t.attendance == 4
    assert t.absence == 4
    assert t.possible == 8


@pytest.mark.parametrize(
    ("absence", "possible", "persistent"),
    [(2, 20, True), (19, 200, False), (38, 380, True), (37, 380, False), (1, 10, True), (0, 10, False)],
)
def test_persistent_absence_is_ten_percent_or_more_of_own_sessions(absence, possible, persistent):
    # 2/20 = 10% exactly: persistent. 19/200 = 9.5%: not. 38 of a full year's 380: persistent, 37: not.
    assert is_persistent_absentee(absence, possible) is persistent


@pytest.mark.parametrize(
    ("absence", "possible", "severe"), [(10, 20, True), (9, 20, False), (190, 380, True)]
)
def test_severe_absence_is_half_or_more_of_own_sessions(absence, possible, severe):
    assert is_severe_absentee(absence, possible) is severe


def test_no_possible_sessions_is_neither_persistent_nor_severe():
    assert not is_persistent_absentee(0, 0)
    assert not is_severe_absentee(0, 0)


def test_a_rate_with_nothing_possible_is_none():
    assert rate(0, 0) is None
    assert rate(1, 8) == 12.5


def test_sessions_count_from_admission_to_leaving_inclusive():
    admitted, left = dt.date(2024, 10, 1), dt.date(2025, 3, 31)
    assert not on_roll(dt.date(2024, 9, 30), admitted, left)
    assert on_roll(admitted, admitted, left)
    assert on_roll(left, admitted, left)
    assert not on_roll(dt.date(2025, 4, 1), admitted, left)
    assert on_roll(dt.date(2020, 1, 1), None, None)


def test_summary_is_a_ratio_of_sums_over_enrolments():
    # Pupil A: 20 sessions, 2 illness           -> 10% absent: persistent.
    # Pupil B: 10 sessions, 6 unauthorised (O)  -> 60% absent: persistent and severe.
    # Pupil C: 10 sessions, all present, 1 late -> 0%.
    # Pupil D: only D (dual registered)         -> no possible sessions: not counted at all.
    a = tally("/" * 18 + "II")
    b = tally("////OOOOOO")
    c = tally("/////////L")
    d = tally("DDDD")
    summary = summarise([a, b, c, d])
    assert tuple(summary) == SUMMARY_KEYS
    # Possible = 20 + 10 + 10 = 40; absence = 2 + 6 = 8 -> 20%; authorised 2 -> 5%; unauthorised 6 -> 15%.
    assert summary == {
        "pupils": 3,
        "possible_sessions": 40,
        "present_sessions": 18 + 4 + 10,
        "aea_sessions": 0,
        "authorised_absence_sessions": 2,
        "unauthorised_absence_sessions": 6,
        "attendance_rate": 80.0,
        "overall_absence_rate": 20.0,
        "authorised_absence_rate": 5.0,
        "unauthorised_absence_rate": 15.0,
        "persistent_absentees": 2,
        "persistent_absence_rate": pytest.approx(200 / 3),
        "severe_absentees": 1,
        "severe_absence_rate": pytest.approx(100 / 3),
    }


def test_ratio_of_sums_differs_from_mean_of_pupil_rates():
    # A: 1 of 2 absent (50%); B: 0 of 18 (0%). Mean of rates = 25%, ratio of sums = 1/20 = 5%.
    summary = summarise([tally("/I"), tally("/" * 18)])
    assert summary["overall_absence_rate"] == 5.0


def test_an_empty_summary_has_no_rates():
    summary = summarise([])
    assert summary["pupils"] == 0
    assert summary["attendance_rate"] is None
    assert summary["persistent_absence_rate"] is None
