"""Every attendance report opens as a page, a CSV download and JSON, with period and filters in the URL."""

from __future__ import annotations

import csv
import io
import json

import pytest
from lxml import html
from openpyxl import load_workbook

from rollbook.analytics import reports
from tests.support.reports import attendance_report

ATTENDANCE_REPORTS = [report.name for report in reports.of("attendance")]

PAGES = {name: f"/schools/100001/attendance/{name}/" for name in ATTENDANCE_REPORTS}
#: What a report needs in its URL to open: the pupil report, which pupil.
NEEDS = {"pupil": {"upn": "B0000000002"}}


@pytest.mark.parametrize("name", ATTENDANCE_REPORTS)
def test_each_report_opens_for_a_member(world, name):
    response = world.client_for(world.pam).get(PAGES[name], NEEDS.get(name, {}))
    assert response.status_code == 200
    assert response.context["report"].data == attendance_report(name, 100001, **NEEDS.get(name, {})).data


@pytest.mark.parametrize("name", ATTENDANCE_REPORTS)
def test_each_report_is_refused_to_another_schools_user(world, name):
    assert world.client_for(world.bob).get(PAGES[name]).status_code == 404


def test_filters_in_the_url_choose_the_pupils_and_stay_ticked(world):
    response = world.client_for(world.alice).get(PAGES["year-groups"] + "?year_group=9")
    assert response.context["result"]["year_groups"] == []  # Alder has only Year 8 pupils
    assert response.context["result"]["filters"] == {"year_groups": [9]}
    page = html.fromstring(response.content)
    assert page.xpath("//input[@name='year_group'][@checked]/@value") == ["9"]
    tabs = page.xpath("//nav[@class='tabs']//a/@href")
    assert all(href.endswith("?year_group=9") for href in tabs)  # the choice follows from report to report


def test_dates_in_the_url_choose_the_period(world):
    response = world.client_for(world.alice).get(
        PAGES["summary"] + "?from_date=10/09/2024&to_date=2024-09-11"
    )
    assert response.context["result"]["period"]["label"] == "10/09/2024 to 11/09/2024"
    assert response.context["result"]["measures"]["possible_sessions"] == 8  # two pupils, two days


def test_a_csv_download_has_the_reports_rows(world):
    response = world.client_for(world.alice).get(PAGES["summary"] + "?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="100001-attendance-summary.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["Attendance %"] == "80.0"


def test_json_is_the_reports_data(world):
    response = world.client_for(world.alice).get(PAGES["absence"] + "?format=json")
    data = json.loads(response.content)
    assert [(row["code"], row["sessions"]) for row in data["absence"]] == [("I", 4)]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?from_date=31/02/2024&to_date=01/03/2024", "From: &#x27;31/02/2024&#x27; is not a date"),
        ("?from_date=01/09/2024", "Give both a from date and a to date"),
        ("?from_date=01/07/2024&to_date=13/09/2024", "within one academic year"),
    ],
)
def test_bad_choices_are_explained_not_crashed_on(world, query, message):
    response = world.client_for(world.alice).get(PAGES["summary"] + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_unknown_report_is_not_found(world):
    assert world.client_for(world.alice).get("/schools/100001/attendance/horoscope/").status_code == 404


@pytest.mark.parametrize("name", ATTENDANCE_REPORTS)
def test_an_excel_download_holds_the_same_rows_in_excels_formats(world, name):
    response = world.client_for(world.pam).get(PAGES[name], {"format": "xlsx", **NEEDS.get(name, {})})
    assert response["Content-Disposition"] == f'attachment; filename="100001-attendance-{name}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows())
    expected = attendance_report(name, 100001, **NEEDS.get(name, {})).rows
    assert len(rows) == len(expected) + 1
    assert expected, "every report has rows for the world's week"
    assert tuple(cell.value for cell in rows[0]) == tuple(expected[0])
    for cell, (heading, value) in zip(rows[1], expected[0].items(), strict=True):
        if "%" in heading and isinstance(value, float):  # a percentage as Excel holds one: 80.0 is 0.8
            assert cell.value == pytest.approx(value / 100) and cell.number_format.endswith("%"), heading
        else:
            assert cell.value == value, heading


def test_a_single_week_shows_no_persistent_absence(world):
    # The DfE shows no persistent absence for a single week: it is a measure over time.
    response = world.client_for(world.alice).get(PAGES["summary"] + "?latest_week=on")
    assert response.context["result"]["period"]["label"] == "Week commencing 09/09/2024"
    shown = [figure["key"] for figure in response.context["headline"]]
    assert shown == [
        "attendance_rate",
        "overall_absence_rate",
        "authorised_absence_rate",
        "unauthorised_absence_rate",
    ]
