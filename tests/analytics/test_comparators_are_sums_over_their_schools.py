"""A published comparator is its schools' counts added up, turned into rates by the rules, and suppressed
when built from too few schools or pupils.

The three schools of small_world, week commencing 09/09/2024, worked by hand:
  National: possible 40; present 26; authorised 4; unauthorised 10 -> attendance 65%, absence 35%;
            B (40%) and C (100%) persistently absent: 2 of 4 = 50%; C severely absent: 1 of 4 = 25%.
  Girls:    possible 30; present 20; unauthorised 10 -> absence 33.3...%; C alone is PA and severe: 1 of 3.
  London:   possible 30; present 16; absence 14 -> 46.6...%.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.comparators.beside import published_period
from rollbook.analytics.comparators.publish import SchoolFacts, publish
from rollbook.analytics.comparators.snapshot import Snapshot, Suppression
from rollbook.analytics.filters import Filters
from rollbook.rules.calendar import england_default
from rollbook.rules.periods import custom
from tests.support.small_world import pupil, register, write, write_three_schools

AS_OF = dt.date(2024, 9, 13)


@pytest.fixture
def schools(lake):
    return write_three_schools(lake)


def published(lake, tmp_path, schools, suppression) -> Snapshot:
    publish(lake, tmp_path / "snapshots", schools, 2024, AS_OF, suppression=suppression)
    return Snapshot.latest(tmp_path / "snapshots")


def test_national_figures_add_up_every_school(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=1))
    (england,) = snapshot.figures("national", "England", "year", "year_to_date")
    assert england["schools"] == 3
    assert (england["possible_sessions"], england["present_sessions"]) == (40, 26)
    assert (england["authorised_absence_sessions"], england["unauthorised_absence_sessions"]) == (4, 10)
    assert england["attendance_rate"] == 65.0 and england["overall_absence_rate"] == 35.0
    assert (england["persistent_absence_rate"], england["severe_absence_rate"]) == (50.0, 25.0)


def test_filters_apply_to_the_comparator_as_to_the_school(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=1))
    (girls,) = snapshot.figures("national", "England", "year", "year_to_date", Filters(sex="F"))
    assert girls["overall_absence_rate"] == pytest.approx(100 / 3)
    assert girls["persistent_absentees"] == girls["severe_absentees"] == 1
    by_year = snapshot.figures("national", "England", "year", "year_to_date", by=("nc_year",))
    assert [(row["nc_year"], row["pupils"], row["overall_absence_rate"]) for row in by_year] == [
        (8, 3, pytest.approx(1400 / 30)),
        (9, 1, 0.0),
    ]


def test_weeks_half_terms_and_terms_are_published(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=1))
    for kind, name in (("week", "2024-09-09"), ("half_term", "Autumn 1"), ("term", "Autumn")):
        (row,) = snapshot.figures("national", "England", kind, name)
        assert row["overall_absence_rate"] == 35.0, (kind, name)
    (spring,) = snapshot.figures("national", "England", "half_term", "Spring 1")  # not begun by 13/09/2024
    assert spring["schools"] == 0 and spring["attendance_rate"] is None


def test_every_reason_is_published_with_its_rate(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=1))
    reasons = snapshot.reasons("national", "England", "year", "year_to_date")
    assert {row["code"]: (row["sessions"], row["rate"]) for row in reasons if row["code"] in "IO"} == {
        "I": (4, 10.0),
        "O": (10, 25.0),
    }


def test_a_comparator_from_too_few_schools_is_suppressed_and_says_why(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=2, min_pupils=1))
    (london,) = snapshot.figures("region", "London", "year", "year_to_date")
    assert london["suppressed"] is None
    assert london["overall_absence_rate"] == pytest.approx(1400 / 30)
    (north_east,) = snapshot.figures("region", "North East", "year", "year_to_date")
    assert north_east["suppressed"] == "built from 1 school; comparators need at least 2"
    assert north_east["overall_absence_rate"] is None
    assert snapshot.reasons("region", "North East", "year", "year_to_date") == []


def test_a_comparator_from_too_few_pupils_is_suppressed_and_says_why(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=4))
    assert snapshot.figures("national", "England", "year", "year_to_date")[0]["suppressed"] is None
    (london,) = snapshot.figures("region", "London", "year", "year_to_date")
    assert london["suppressed"] == "built from 3 pupils; comparators need at least 4"


def test_each_school_is_set_beside_its_own_comparators(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression())
    assert snapshot.comparators_of(3) == [
        ("national", "England"),
        ("region", "North East"),
        ("local_authority", "203"),
        ("similar", "3"),
    ]


def test_a_school_without_pupils_in_the_figures_does_not_count_towards_the_minimum(lake, tmp_path, schools):
    # School 4 has marks, but only D (dual registered elsewhere): no possible sessions, no pupils counted.
    write(lake, [pupil("E")], register("E", ["D"] * 10), school=4)
    schools.append(SchoolFacts(4, 204, "LA 4", "London", england_default(2024)))
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=4, min_pupils=1))
    (england,) = snapshot.figures("national", "England", "year", "year_to_date")
    assert england["suppressed"] == "built from 3 schools; comparators need at least 4"


def test_comparators_are_only_for_their_own_academic_year_and_weeks(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=1))
    next_year = custom(dt.date(2025, 9, 1), dt.date(2025, 9, 5))
    assert published_period(snapshot, None, next_year) == (None, "the latest comparators are for 2024/25")
    later_week = custom(dt.date(2024, 9, 16), dt.date(2024, 9, 20))
    assert published_period(snapshot, later_week, later_week)[0] is None
    this_week = custom(dt.date(2024, 9, 9), dt.date(2024, 9, 13))
    assert published_period(snapshot, this_week, this_week) == (("week", "2024-09-09"), "")


def test_filters_comparators_are_not_published_by_are_refused_not_dropped(lake, tmp_path, schools):
    snapshot = published(lake, tmp_path, schools, Suppression(min_schools=1, min_pupils=1))
    with pytest.raises(ValueError, match="cannot be filtered by eal"):
        snapshot.figures("national", "England", "year", "year_to_date", Filters(eal=True))
    with pytest.raises(ValueError, match="group them by weekday and session"):
        snapshot.figures("national", "England", "weekday", "year_to_date")
