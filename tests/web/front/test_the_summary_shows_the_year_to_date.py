"""The summary page shows the analytics figures for the year to date, rounded for reading, exact on hover.

Alder School, week commencing 09/09/2024 (the only week held), worked by hand:
  A: present all 10 sessions.  B: ill (I) Monday and Tuesday, 4 sessions, present for the other 6.
  possible 20; present 16 -> attendance 80%; authorised 4 -> overall and authorised absence 20%;
  unauthorised 0%. B missed 4/10 = 40% >= 10% -> persistently absent, 1 of 2 pupils = 50%; nobody >= 50%.
"""

from __future__ import annotations

from rollbook.analytics.attendance import summary


def test_the_headline_figures_are_the_hand_worked_ones(world):
    response = world.client_for(world.alice).get("/schools/100001/attendance/")
    headline = {figure["key"]: figure["value"] for figure in response.context["headline"]}
    assert headline == {
        "attendance_rate": 80.0,
        "overall_absence_rate": 20.0,
        "authorised_absence_rate": 20.0,
        "unauthorised_absence_rate": 0.0,
        "persistent_absence_rate": 50.0,
        "severe_absence_rate": 0.0,
    }
    page = response.content.decode()
    for shown in ("80.0%", "20.0%", "50.0%", 'title="80.0000%"'):
        assert shown in page


def test_the_page_names_the_period_and_the_data_date_as_dd_mm_yyyy(world):
    page = world.client_for(world.alice).get("/schools/100001/attendance/").content.decode()
    assert "2024/25 to 13/09/2024" in page
    assert "data to 13/09/2024" in page
    assert "09/09/2024" in page  # the week in the weekly table


def test_the_page_and_the_analytics_give_one_number(world):
    response = world.client_for(world.alice).get("/schools/100001/attendance/")
    result = dict(response.context["result"])
    assert result.pop("comparison") == {"unavailable": "no comparators have been published yet"}
    assert result.pop("filters") == {}  # no pupils chosen: all of them
    assert result == summary(world.lake, 100001)


def test_the_weekly_chart_is_a_vega_lite_spec_of_the_weeks(world):
    response = world.client_for(world.alice).get("/schools/100001/attendance/")
    chart = response.context["chart"]
    assert chart["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert chart["data"]["values"] == [{"week": "2024-09-09", "series": "This school", "attendance": 80.0}]
