"""`rollbook report attendance summary`: the figures the web page shows, as JSON, CSV or a table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from rollbook.analytics.attendance import summary
from rollbook.analytics.filters import Filters
from rollbook.analytics.reports.attendance.common import heading_in_words
from rollbook.cli import app
from rollbook.lake import Lake
from rollbook.rules.attendance.measures import SUMMARY_KEYS
from rollbook.rules.periods import custom
from rollbook.web.imports.service import run_import


@pytest.fixture
def imported(db, school_files, data_dir):
    run_import([school_files / "900001"], actor="test")
    return Lake(data_dir / "lake")


def run(*args: str):
    return CliRunner().invoke(app, ["report", "attendance", "summary", *args])


def report(*args: str) -> str:
    result = run("--school", "900001", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_has_exactly_the_measures_and_the_weeks(imported):
    data = json.loads(report("--format", "json"))
    assert list(data["measures"]) == list(SUMMARY_KEYS)
    assert data["weeks"] and all(set(SUMMARY_KEYS) <= set(week) for week in data["weeks"])
    assert data["period"]["label"] == "2024/25 to 13/09/2024"
    assert data.pop("comparison") == {"unavailable": "no comparators have been published yet"}
    assert data.pop("filters") == {}
    assert data == summary(imported, 900001)


def test_dates_and_year_groups_choose_the_period_and_pupils(imported):
    data = json.loads(
        report("--from", "2024-09-09", "--to", "13/09/2024", "--year-group", "7", "--format", "json")
    )
    week = custom(dt.date(2024, 9, 9), dt.date(2024, 9, 13))
    expected = summary(imported, 900001, week, Filters(year_groups=(7,)))
    assert data["measures"] == expected["measures"]
    assert data["filters"] == {"year_groups": [7]}
    assert len(data["weeks"]) == 1


def test_csv_has_a_row_for_the_period_then_one_per_week(imported):
    rows = list(csv.DictReader(io.StringIO(report("--format", "csv"))))
    assert list(rows[0]) == [
        "Period",
        *(heading_in_words(key) for key in SUMMARY_KEYS),
        *(f"{heading_in_words(key)} (exact)" for key in SUMMARY_KEYS if key.endswith("_rate")),
    ]
    assert rows[0]["Period"] == "2024/25 to 13/09/2024"
    assert rows[-1]["Period"] == "Week commencing 09/09/2024"


def test_table_is_titled_with_the_school_and_period(imported):
    assert "Attendance summary, school 900001, 2024/25 to 13/09/2024" in report("--format", "table")


def test_a_school_with_no_data_exits_two_with_a_reason(imported):
    result = run("--school", "42", "--format", "json")
    assert result.exit_code == 2
    assert "no attendance data is held for school URN 42" in result.stderr


def test_a_period_across_two_academic_years_is_refused(imported):
    result = run("--school", "900001", "--from", "2024-07-01", "--to", "2024-09-13")
    assert result.exit_code == 2
    assert "within one academic year" in result.stderr


def test_the_data_check_is_a_csv_row_per_week_with_every_code(imported):
    result = CliRunner().invoke(
        app, ["report", "attendance", "data-check", "--school", "900001", "--format", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["Week commencing"] for row in rows] == ["02/09/2024", "09/09/2024"]
    for row in rows:
        marked = sum(int(value) for key, value in row.items() if key.startswith("Code ") and key != "Code -")
        assert marked == int(row["Marked sessions"])
        assert int(row["Expected sessions"]) == int(row["Marked sessions"]) + int(row["Missing marks"]) + int(
            row["No mark yet"]
        )


def test_the_operators_pupil_list_read_is_recorded(imported):
    from rollbook.web.audit.models import AccessRecord

    result = CliRunner().invoke(
        app, ["report", "attendance", "pupil-list", "--school", "900001", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["pupil_list"]) > 500
    (record,) = AccessRecord.objects.filter(kind="read")
    assert record.actor.startswith("cli:") and record.what == "attendance pupil-list (json)"
    assert record.school.urn == 900001
