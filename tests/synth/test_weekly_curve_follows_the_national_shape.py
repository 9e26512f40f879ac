"""Weekly absence follows DfE's real-time secondary curve (attendance.md §4.7-§4.11): low in early September,
rising to a December peak, a peak in the week before each half-term and a dip after it, summer the highest
term."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.synth.calibration import weekly_absence


@pytest.fixture(scope="module")
def weeks(national_year) -> dict[dt.date, float]:
    return weekly_absence(national_year)


def _breaks(weeks: dict[dt.date, float]) -> list[tuple[dt.date, dt.date]]:
    """(last week before, first week after) each break of a week or more."""
    mondays = list(weeks)
    return [(a, b) for a, b in zip(mondays, mondays[1:], strict=False) if (b - a).days > 7]


def test_september_starts_low_and_rises(weeks):
    september = [rate for week, rate in weeks.items() if week.month == 9]
    assert 5.0 <= september[0] <= 7.0
    assert september[0] == min(weeks.values())
    assert 7.5 <= september[-1] <= 9.5


def test_autumn_peaks_in_december(weeks):
    autumn = {week: rate for week, rate in weeks.items() if week.month >= 9}
    assert max(autumn, key=autumn.get).month == 12
    assert 9.5 <= max(autumn.values()) <= 12.0


def test_the_week_before_each_half_term_is_a_peak_and_the_week_after_dips(weeks):
    mondays = list(weeks)
    for before, after in _breaks(weeks)[::2]:  # the half-terms: autumn, spring and summer
        previous = mondays[mondays.index(before) - 1]
        assert 0.5 <= weeks[before] - weeks[previous] <= 2.0, before
        assert weeks[after] < weeks[before], after


def test_terms_rise_through_the_year_and_july_ends_high(weeks):
    def mean(months):
        rates = [rate for week, rate in weeks.items() if week.month in months]
        return sum(rates) / len(rates)

    assert mean({9, 10, 11, 12}) < mean({1, 2, 3}) < mean({4, 5, 6, 7})
    assert 10.0 <= list(weeks.values())[-1] <= 12.5
