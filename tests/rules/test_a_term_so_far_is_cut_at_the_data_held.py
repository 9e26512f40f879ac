"""A term or half-term chosen by name runs to the last day held, and one not yet begun is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.calendar import england_default
from rollbook.rules.periods import term, term_so_far

CALENDAR = england_default(2024)


def test_a_term_in_progress_ends_on_the_last_day_held():
    period = term_so_far(CALENDAR, "autumn", dt.date(2024, 11, 6))
    whole = term(CALENDAR, "Autumn")
    assert (period.start, period.end, period.term) == (whole.start, dt.date(2024, 11, 6), "Autumn")
    assert period.label == "Autumn 2024/25 to 06/11/2024"


def test_a_term_already_over_is_whole():
    whole = term(CALENDAR, "Autumn 1")
    assert term_so_far(CALENDAR, "Autumn 1", dt.date(2025, 3, 1)) == whole


def test_a_term_not_begun_is_refused():
    with pytest.raises(ValueError, match="Summer 2 2024/25 has not begun: the data runs to 06/11/2024"):
        term_so_far(CALENDAR, "Summer 2", dt.date(2024, 11, 6))


def test_an_unknown_name_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="no term or half-term called 'Winter'; choose one of Autumn"):
        term_so_far(CALENDAR, "Winter", dt.date(2024, 11, 6))
