"""Spells of absence, worked by hand on short registers."""

from __future__ import annotations

from rollbook.rules.attendance.codes import CATEGORY_OF
from rollbook.rules.attendance.spells import spells


def categories(codes: str):
    return [CATEGORY_OF[code] for code in codes]


def test_each_run_of_absent_sessions_is_one_spell():
    # present, 2 ill, present, 1 unauthorised, present, 3 ill to the end
    assert spells(categories("/II\\O/III")) == [2, 1, 3]


def test_a_session_that_is_not_possible_neither_ends_nor_extends_a_spell():
    # ill, then a closure (#-like "Y" is not possible), then ill again: one spell of 2
    assert spells(categories("IYI/")) == [2]


def test_an_approved_activity_ends_a_spell_and_lateness_counts_as_present():
    assert spells(categories("IIVOL")) == [2, 1]


def test_a_full_register_has_no_spells():
    assert spells(categories("/\\/\\")) == []
