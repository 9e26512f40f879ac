"""Without a period, the summary covers the latest academic year held, up to the latest mark."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.attendance import data_to, latest_academic_year, summary
from rollbook.rules.attendance.measures import SUMMARY_KEYS
from tests.support.small_world import (
    URN,
    WEEK_1,
    WEEK_2,
    present,
    pupil,
    register,
    write,
    write_two_week_school,
)


def test_the_default_period_runs_from_the_start_of_the_latest_year_to_its_latest_mark(lake):
    write(lake, [pupil("OLD")], register("OLD", present(10), start=dt.date(2023, 9, 11)), academic_year=2023)
    write_two_week_school(lake)  # 2024/25, last marks on Friday 20 September 2024
    report = summary(lake, URN)
    assert latest_academic_year(lake, URN) == 2024
    assert report["school"] == URN
    assert report["period"] == {"from": "2024-08-01", "to": "2024-09-20", "label": "2024/25 to 20/09/2024"}
    assert report["data_to"] == "2024-09-20"
    assert report["measures"]["pupils"] == 6
    assert [week["week_commencing"] for week in report["weeks"]] == [WEEK_1.isoformat(), WEEK_2.isoformat()]
    assert all(list(week)[1:] == list(SUMMARY_KEYS) for week in report["weeks"])


def test_data_to_is_the_latest_mark_of_the_year_or_none(lake):
    write(lake, [pupil("A")], register("A", present(3)))  # Monday AM, Monday PM, Tuesday AM
    assert data_to(lake, URN, 2024) == dt.date(2024, 9, 10)
    assert data_to(lake, URN, 2023) is None


def test_a_school_with_no_data_has_no_summary(lake):
    with pytest.raises(LookupError, match="no attendance data"):
        summary(lake, URN)
