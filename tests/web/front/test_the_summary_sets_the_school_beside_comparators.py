"""Once comparators are published, the summary page sets the school beside them, shaded and explained.

The world's two schools, week commencing 09/09/2024, worked by hand:
  Alder: possible 20; 4 authorised absent -> attendance 80%, absence 20%; 1 of 2 pupils persistently absent.
  Birch: possible 10; 10 unauthorised -> absence 100%; its one pupil persistently absent.
  National (both): possible 30; present 16 -> attendance 53.33%; absence 46.67%; PA 2 of 3 = 66.67%.
  Alder against national: attendance +26.67 points, absence -26.67: both 4+ points better (deepest green).
  Significance of Alder's absence: rates 0 and 0.4 over 10 sessions, overall 0.2; residuals -2, +2;
  variance 8 / 20^2 x 2/1 = 0.04, standard error 0.2; z = (0.2 - 0.4667) / 0.2 = -1.33: not significant.
"""

from __future__ import annotations

import pytest

from rollbook.web.publishing.service import publish_snapshot
from tests.support.comparators import publish_with_minimums


@pytest.fixture
def published(world, monkeypatch):
    return publish_with_minimums(monkeypatch)


def test_national_figures_sit_beside_the_schools_with_their_shading(world, published):
    response = world.client_for(world.alice).get("/schools/100001/attendance/")
    national = response.context["comparators"][0]
    assert national["label"] == "National" and national["schools"] == 2
    assert national["measures"]["attendance_rate"] == pytest.approx(160 / 3)
    gap = national["differences"]["overall_absence_rate"]
    assert (gap["points"], gap["shade"], gap["significant"]) == (-26.67, "shade-better-3", False)
    assert gap["z"] == pytest.approx((0.2 - 14 / 30) / 0.2)
    page = response.content.decode()
    assert 'class="num school shade-better-3"' in page  # the school's own figure carries the shading
    assert "53.3%" in page and "this school is 26.67 points higher" in page


def test_the_page_says_when_comparators_were_published_and_how_they_are_made(world, published):
    page = world.client_for(world.alice).get("/schools/100001/attendance/").content.decode()
    assert "comparators published" in page and "data to 13/09/2024" in page
    assert "standardised" in page  # the similar-schools method, with its parameters
    assert "ratio estimator" in page  # the significance test used


def test_a_suppressed_comparator_says_why(world, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "3")
    publish_snapshot()
    page = world.client_for(world.alice).get("/schools/100001/attendance/").content.decode()
    assert "National is not shown: built from 2 schools; comparators need at least 3." in page


def test_the_weekly_chart_draws_the_national_line(world, published):
    chart = world.client_for(world.alice).get("/schools/100001/attendance/").context["chart"]
    series = {row["series"]: row["attendance"] for row in chart["data"]["values"]}
    assert series == {"This school": 80.0, "National": pytest.approx(160 / 3)}
