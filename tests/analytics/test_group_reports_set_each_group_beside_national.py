"""Year groups, pupil groups and absence by reason, each beside the same group nationally.

small_world's three schools; school 1 is measured. Worked by hand:
  Year 8 at school 1: A and B, possible 20, absent 4 -> attendance 80%, absence 20%, PA 1 of 2 = 50%.
  Year 8 nationally: A, B, C, possible 30, absent 14 -> absence 46.67%, PA 2 of 3, severe 1 of 3.
  Girls at school 1: A alone, absence 0%. Girls nationally: A, C, D, absence 10 of 30 = 33.33%.
  Boys: B alone at school 1 and nationally: absence 40% in both, no shading.
  Illness (I) at school 1: 4 of 20 possible = 20%; nationally 4 of 40 = 10%: 10 points worse.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.attendance.groups import absence, pupil_groups, three_sixty, weekdays, year_groups
from rollbook.analytics.comparators.publish import publish
from rollbook.analytics.comparators.snapshot import Snapshot, Suppression
from rollbook.rules.periods import custom
from tests.support.small_world import TWO_WEEKS, write_three_schools

PERIOD = custom(dt.date(2024, 8, 1), dt.date(2024, 9, 13))
YEAR_TO_DATE = ("year", "year_to_date")


@pytest.fixture
def snapshot(lake, tmp_path):
    schools = write_three_schools(lake)
    publish(lake, tmp_path, schools, 2024, dt.date(2024, 9, 13), suppression=Suppression(1, 1))
    return Snapshot.latest(tmp_path)


def test_each_year_group_is_beside_the_same_year_group_nationally(lake, snapshot):
    (year_8,) = year_groups(lake, snapshot, 1, PERIOD, YEAR_TO_DATE)
    assert (year_8["label"], year_8["school"]["pupils"], year_8["school"]["overall_absence_rate"]) == (
        "Year 8", 2, 20.0,
    )  # fmt: skip
    national = year_8["national"]
    assert national["overall_absence_rate"] == pytest.approx(140 / 3)
    assert national["persistent_absence_rate"] == pytest.approx(200 / 3)
    assert national["differences"]["overall_absence_rate"] == {"points": -26.67, "shade": "shade-better-3"}


def test_pupil_groups_compare_like_with_like(lake, snapshot):
    groups = pupil_groups(lake, snapshot, 1, PERIOD, YEAR_TO_DATE)
    by_sex = {row["label"]: row for row in groups["sex"]}
    assert by_sex["Girls"]["national"]["overall_absence_rate"] == pytest.approx(100 / 3)
    assert by_sex["Boys"]["national"]["differences"]["overall_absence_rate"] == {"points": 0.0, "shade": ""}
    assert [row["label"] for row in groups["ethnicity"]] == ["WBRI"]
    assert groups["ethnicity"][0]["national"] is None  # comparators are not published by ethnicity


def test_absence_by_reason_lists_absence_codes_beside_national(lake, snapshot):
    rows = absence(lake, snapshot, 1, PERIOD, YEAR_TO_DATE)
    assert [
        (row["code"], row["sessions"], row["rate"], row["national_rate"], row["shade"]) for row in rows
    ] == [("I", 4, 20.0, 10.0, "shade-worse-3")]
    assert rows[0]["meaning"].startswith("Illness")


def test_without_a_snapshot_the_school_stands_alone(lake):
    write_three_schools(lake)
    (year_8,) = year_groups(lake, None, 1, TWO_WEEKS, None)
    assert year_8["national"] is None and year_8["school"]["attendance_rate"] == 80.0


def test_each_weekday_session_is_beside_the_same_session_nationally(lake, snapshot):
    # Monday morning: school 1 has A present and B ill (50%); nationally A, D present, B ill, C off (50%).
    # Wednesday morning: school 1 both present (100%); nationally C is off, 3 of 4 present (75%).
    rows = {row["label"]: row for row in weekdays(lake, snapshot, 1, PERIOD, YEAR_TO_DATE)}
    assert list(rows)[:3] == ["Monday morning", "Monday afternoon", "Tuesday morning"]
    monday = rows["Monday morning"]
    assert (monday["school"]["attendance_rate"], monday["national"]["attendance_rate"]) == (50.0, 50.0)
    assert monday["national"]["unauthorised_absence_rate"] == 25.0
    wednesday = rows["Wednesday morning"]["national"]
    assert wednesday["attendance_rate"] == 75.0
    assert wednesday["differences"]["attendance_rate"] == {"points": 25.0, "shade": "shade-better-3"}


def test_the_360_sets_the_school_and_each_group_beside_every_comparator(lake, snapshot):
    # School 1 (London, LA 201): attendance 80%. National, all three schools: 26 of 40 = 65%.
    # London, schools 1 and 2: 16 of 30 = 53.33%. Similar schools to school 1: the other two, 10 of 20 = 50%.
    found = three_sixty(lake, snapshot, 1, PERIOD, YEAR_TO_DATE)
    assert found["comparators"] == ["National", "London", "City of London", "Similar schools"]
    whole = found["rows"][0]
    assert (whole["label"], whole["school"]["attendance_rate"]) == ("Whole school", 80.0)
    assert [other["attendance_rate"] for other in whole["beside"]] == [
        65.0, pytest.approx(160 / 3), 80.0, 50.0,
    ]  # fmt: skip
    assert whole["beside"][0]["differences"]["attendance_rate"] == {"points": 15.0, "shade": "shade-better-3"}
    assert [row["label"] for row in found["rows"][1:]] == ["Year 8", "Girls", "Boys", "Not FSM6", "No SEN"]
    girls = found["rows"][2]
    assert "overall_absence_rate" not in girls["beside"][0]  # not a 360 measure
    assert girls["beside"][0]["attendance_rate"] == pytest.approx(200 / 3)  # A, C, D: 20 of 30
