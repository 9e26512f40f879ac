"""Only marks inside the period count, and each enrolment is tested over the period alone."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.analytics.attendance import measures, summary
from rollbook.rules.calendar import HALF_TERM_NAMES, HalfTerm, SchoolCalendar
from rollbook.rules.periods import custom, term, week, year_to_date
from tests.support.small_world import URN, WEEK_1, WEEK_2, YEAR, present, pupil, register, write

#: A calendar whose six half-terms are the six weeks from WEEK_1, so the autumn term is weeks 1 and 2.
SIX_WEEK_YEAR = SchoolCalendar(
    YEAR,
    tuple(
        HalfTerm(name, WEEK_1 + dt.timedelta(weeks=index), WEEK_1 + dt.timedelta(weeks=index, days=4))
        for index, name in enumerate(HALF_TERM_NAMES)
    ),
)
#: Week 1: 10 I. Week 2: Monday to Wednesday AM 5 O, then 5 present. Week 3: 10 present.
THREE_WEEKS = ["I"] * 10 + ["O"] * 5 + present(5) + present(10)


def test_a_week_period_counts_that_weeks_marks_only(lake):
    # Week 1: 10 O; week 2: 10 present. Week 2 alone: 10 possible, no absence, nobody persistent.
    write(lake, [pupil("A")], register("A", ["O"] * 10 + present(10)))
    (row,) = measures(lake, [URN], week(WEEK_2))
    assert (row["possible_sessions"], row["unauthorised_absence_sessions"], row["persistent_absentees"]) == (
        10,
        0,
        0,
    )


def test_the_period_includes_its_first_and_last_days(lake):
    # Tuesday to Thursday of week 1: 6 of the 10 sessions (Monday's 2 I and Friday's 2 I left out).
    write(lake, [pupil("A")], register("A", ["I", "I"] + present(6) + ["I", "I"]))
    (row,) = measures(lake, [URN], custom(dt.date(2024, 9, 10), dt.date(2024, 9, 12)))
    assert (row["possible_sessions"], row["authorised_absence_sessions"]) == (6, 0)


def test_a_period_with_no_marks_gives_one_empty_row(lake):
    write(lake, [pupil("A")], register("A", present(10), start=WEEK_1))
    (row,) = measures(lake, [URN], week(dt.date(2024, 10, 7)))
    assert (row["pupils"], row["possible_sessions"], row["attendance_rate"]) == (0, 0, None)


@pytest.mark.parametrize(
    ("period", "possible", "authorised", "unauthorised", "severe"),
    [
        (term(SIX_WEEK_YEAR, "Autumn"), 20, 10, 5, 1),  # weeks 1-2: 15 of 20 absent
        (term(SIX_WEEK_YEAR, "Autumn 2"), 10, 0, 5, 1),  # week 2: 5 of 10 absent, 50% is severe
        (term(SIX_WEEK_YEAR, "Spring 1"), 10, 0, 0, 0),  # week 3
        (year_to_date(YEAR, dt.date(2024, 9, 18)), 16, 10, 5, 1),  # to Wednesday of week 2: 15 of 16
    ],
    ids=["term", "half-term", "another half-term", "year to date"],
)
def test_terms_half_terms_and_the_year_to_date_count_their_own_marks(
    lake, period, possible, authorised, unauthorised, severe
):
    write(lake, [pupil("A")], register("A", THREE_WEEKS))
    (row,) = measures(lake, [URN], period)
    assert (
        row["possible_sessions"],
        row["authorised_absence_sessions"],
        row["unauthorised_absence_sessions"],
        row["severe_absentees"],
    ) == (possible, authorised, unauthorised, severe)


def test_a_summary_for_a_term_is_labelled_by_it_and_lists_its_weeks(lake):
    write(lake, [pupil("A")], register("A", THREE_WEEKS))
    report = summary(lake, URN, term(SIX_WEEK_YEAR, "Autumn"))
    assert report["period"] == {"from": "2024-09-09", "to": "2024-09-20", "label": "Autumn 2024/25"}
    assert report["data_to"] == "2024-09-27"  # the latest mark held, in week 3
    assert [(week["week_commencing"], week["possible_sessions"]) for week in report["weeks"]] == [
        (WEEK_1.isoformat(), 10),
        (WEEK_2.isoformat(), 10),
    ]
