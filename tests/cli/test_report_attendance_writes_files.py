"""`rollbook report attendance NAME --out FILE`: any format to a file, and Excel, which needs one."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.imports.service import run_import
from tests.support.reports import attendance_report


@pytest.fixture
def imported(db, school_files, data_dir):
    run_import([school_files / "900001"], actor="test")


def run(*args: str):
    return CliRunner().invoke(app, ["report", "attendance", *args, "--school", "900001"])


@pytest.mark.parametrize("name", ["year-groups", "registration-groups", "absence-frequency"])
def test_an_excel_workbook_holds_the_reports_rows(imported, tmp_path, name):
    result = run(name, "--format", "xlsx", "--out", str(tmp_path / "report.xlsx"))
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(tmp_path / "report.xlsx").active.iter_rows(values_only=True))
    expected = attendance_report(name, 900001).rows
    assert expected and rows[0] == tuple(expected[0])
    # Excel holds a percentage as a fraction (80.0% is 0.8), and keeps 15 significant figures, so the last
    # digit of an unrounded rate may differ.
    as_excel = [
        [
            value / 100 if "%" in heading and isinstance(value, float) else value
            for heading, value in row.items()
        ]
        for row in expected
    ]
    assert [list(row) for row in rows[1:]] == [pytest.approx(row) for row in as_excel]


def test_json_goes_to_the_file_not_the_terminal(imported, tmp_path):
    result = run("summary", "--format", "json", "--out", str(tmp_path / "summary.json"))
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "summary.json").read_text())["measures"]["pupils"] > 0
    assert "{" not in result.stdout


def test_excel_without_a_file_is_refused(imported):
    result = run("summary", "--format", "xlsx")
    assert result.exit_code == 2
    assert "needs --out FILE.xlsx" in result.output


def test_registration_groups_print_each_form_beside_the_whole_school(imported):
    result = run("registration-groups", "--format", "table")
    assert result.exit_code == 0, result.output
    assert "Registration groups (in brackets: points from the whole school)" in result.output
    forms = {row["Registration group"] for row in attendance_report("registration-groups", 900001).rows}
    assert forms and all(form in result.output for form in forms)
