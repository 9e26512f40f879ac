"""`rollbook demo` builds synthetic schools through the real importers and hands out a working login."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from rich.progress import Progress

from rollbook.lake import Lake, PartitionKey
from rollbook.web.demo import build_demo, demo_year
from rollbook.web.imports.models import ImportRecord
from rollbook.web.schools.models import School


def test_in_term_the_demo_shows_this_year_to_yesterday():
    assert demo_year(dt.date(2026, 11, 23)) == (2026, dt.date(2026, 11, 22))


def test_in_the_summer_holiday_the_demo_shows_last_year_whole():
    assert demo_year(dt.date(2026, 8, 10)) == (2025, None)


@pytest.mark.django_db
def test_the_login_opens_the_first_schools_summary():
    login = build_demo(schools=2, seed=3, progress=Progress(disable=True), today=dt.date(2024, 9, 17))
    assert School.objects.count() == 2
    # Each school's year to date, and its pupils and results of each of the three years before.
    assert ImportRecord.objects.filter(outcome=ImportRecord.LANDED, source="demo").count() == 2 * 4
    client = Client()
    assert client.login(username=login.username, password=login.password)
    response = client.get("/", follow=True)
    first = School.objects.order_by("urn").first()
    assert response.redirect_chain[-1][0] == f"/schools/{first.urn}/"
    attendance = response.context["overview"].attendance
    assert attendance["period"]["label"] == "2024/25 to 16/09/2024"
    assert attendance["measures"]["pupils"] > 500
    # Comparators were published from the demo's schools (two schools are too few to show, and it says so).
    comparison = attendance["comparison"]
    assert comparison["as_of"] == "2024-09-16" and not comparison["unavailable"]
    assert comparison["comparators"][0]["suppressed"].startswith("built from 2 schools")
    # The demo user is the school's data manager, so every page of the school is there to try.
    page = response.content.decode()
    for link in ("users/", "imports/", "audit/"):
        assert f'href="/schools/{first.urn}/{link}' in page, link


@pytest.mark.django_db
def test_the_demos_schools_have_three_earlier_years_of_results_and_none_for_the_year_under_way():
    build_demo(schools=2, seed=3, progress=Progress(disable=True), today=dt.date(2024, 9, 17))
    lake = Lake.configured()
    for school in School.objects.all():
        assert lake.read(PartitionKey("results", 2024, school.urn)) is None  # sat in June 2025
        for year in (2021, 2022, 2023):
            results = lake.read(PartitionKey("results", year, school.urn))
            pupils = lake.read(PartitionKey("pupils", year, school.urn)).to_pylist()
            year_11 = {pupil["upn"] for pupil in pupils if pupil["nc_year"] == 11}
            assert results.num_rows > 500 and set(results.column("upn").to_pylist()) <= year_11
            assert lake.read(PartitionKey("prior_attainment", year, school.urn)).num_rows > 300
            assert lake.read(PartitionKey("marks", year, school.urn)) is None  # results alone
    page = Client()
    login = build_demo(schools=2, seed=3, progress=Progress(disable=True), today=dt.date(2024, 9, 17))
    assert page.login(username=login.username, password=login.password)
    first = School.objects.order_by("urn").first()
    data = page.get(f"/schools/{first.urn}/ks4/", {"format": "json"}).json()
    assert [year["label"] for year in data["trend"]] == ["2021/22", "2022/23", "2023/24"]
    assert data["national"]["schools"] == 2 and data["progress8"]["calculated"]  # 2023/24: KS2 in 2019


@pytest.mark.django_db
def test_a_second_run_reuses_the_build_and_changes_the_password():
    first = build_demo(schools=2, seed=3, progress=Progress(disable=True), today=dt.date(2024, 9, 17))
    second = build_demo(schools=2, seed=3, progress=Progress(disable=True), today=dt.date(2024, 9, 17))
    assert first.password != second.password
    assert ImportRecord.objects.count() == 2 * 4
    assert Client().login(username=second.username, password=second.password)
