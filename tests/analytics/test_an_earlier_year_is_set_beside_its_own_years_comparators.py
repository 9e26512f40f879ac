"""An earlier year's 360 is set beside the comparators published for that year, and while there are none it
says so and shows none: never the latest year's beside it.

Alder holds 2023/24 (tests/support/earlier_year.py: 85.0% attendance) and 2024/25 (the small world's
two-week school). Alder is the only school published, so "national" is Alder itself: 85.0% in 2023/24.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.analytics.comparators.snapshot import Suppression
from rollbook.rules.calendar import england_default
from tests.support.earlier_year import EARLIER, LAST_MARK, write_earlier_year
from tests.support.registers import URN
from tests.support.reports import attendance_report
from tests.support.small_world import write_two_week_school


def _publish(lake, snapshots, year: int, as_of: dt.date) -> None:
    facts = [SchoolFacts(URN, 823, "Bedford", "East of England", england_default(year))]
    publish(lake, snapshots, facts, year, as_of, suppression=Suppression(1, 1))


def test_an_earlier_year_is_set_beside_its_own_years_comparators(lake, tmp_path):
    write_two_week_school(lake)
    write_earlier_year(lake)
    snapshots = tmp_path / "snapshots"
    _publish(lake, snapshots, 2024, dt.date(2024, 9, 20))

    earlier = attendance_report("360", URN, lake=lake, snapshots=snapshots, academic_year=EARLIER)
    assert earlier.data["comparison"] == {"unavailable": "no comparators have been published for 2023/24"}
    assert earlier.data["three_sixty"]["comparators"] == []

    _publish(lake, snapshots, EARLIER, LAST_MARK)
    earlier = attendance_report("360", URN, lake=lake, snapshots=snapshots, academic_year=EARLIER)
    assert earlier.data["comparison"]["as_of"].startswith("2023-09-15")
    national = earlier.data["three_sixty"]["rows"][0]["beside"][0]
    assert national["attendance_rate"] == pytest.approx(85.0)
    latest = attendance_report("360", URN, lake=lake, snapshots=snapshots)
    assert latest.data["comparison"]["as_of"].startswith("2024-09-20")
