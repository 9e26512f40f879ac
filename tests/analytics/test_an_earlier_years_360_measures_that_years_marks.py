"""The 360 asked for an earlier academic year held measures the whole of that year's marks, not the latest
year's.

Alder holds two years. 2023/24 (tests/support/earlier_year.py): a fortnight, A ill for 3 of 10 sessions, B
present for all 10: the whole school 85.0% attendance, 15.0% authorised absence, 0.0% unauthorised, 1 of 2
pupils persistently absent (50.0%), none severely. 2024/25 (the small world's two-week school, from
09/09/2024) is left out. Worked by hand: in 2023/24 both pupils are in Year 7, so Year 7 is the whole
school again; there is no Year 8 row.
"""

from __future__ import annotations

import pytest

from tests.support.earlier_year import write_earlier_year
from tests.support.registers import URN
from tests.support.reports import attendance_report
from tests.support.small_world import write_two_week_school


@pytest.fixture
def two_years(lake, tmp_path):
    write_two_week_school(lake)
    write_earlier_year(lake)
    return tmp_path / "snapshots"


def test_an_earlier_years_360_measures_that_years_marks(lake, two_years):
    result = attendance_report("360", URN, lake=lake, snapshots=two_years, academic_year="2023/24")

    assert result.data["period"] == {
        "from": "2023-08-01",
        "to": "2023-09-15",
        "label": "2023/24 to 15/09/2023",
    }
    rows = {row["label"]: row["school"] for row in result.data["three_sixty"]["rows"]}
    whole = rows["Whole school"]
    assert whole["pupils"] == 2
    assert whole["attendance_rate"] == pytest.approx(85.0)
    assert whole["authorised_absence_rate"] == pytest.approx(15.0)
    assert whole["unauthorised_absence_rate"] == pytest.approx(0.0)
    assert whole["persistent_absence_rate"] == pytest.approx(50.0)
    assert whole["severe_absence_rate"] == pytest.approx(0.0)
    assert rows["Year 7"] == whole
    assert "Year 8" not in rows
