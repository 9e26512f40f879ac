"""`rollbook report subjects NAME` and `rollbook report insight`: the curriculum reports and the areas of
interest as the pages give them, after a publish that wrote the national subject figures (tests/support/
ks4.py's nation; its figures are worked out in
tests/web/results/test_the_curriculum_reports_show_alders_subjects_beside_national.py)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.audit.models import AccessRecord
from tests.support.ks4 import write_ks4_nation


@pytest.fixture
def nation(db, lake):
    write_ks4_nation(lake)
    assert CliRunner().invoke(app, ["publish"]).exit_code == 0
    return lake


def report(*args: str) -> str:
    result = CliRunner().invoke(app, ["report", "subjects", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_value_added_as_json(nation):
    data = json.loads(
        report("value-added", "--school", "100001", "--academic-year", "2018/19", "--format", "json")
    )
    maths = next(row for row in data["subjects"] if row["subject"] == "maths")
    assert maths["value_added"]["value_added"] == pytest.approx(-1)  # A1 0 and A2 -2 against 5


def test_entries_as_a_table(nation):
    text = report("entries", "--school", "100001")
    assert "Subjects per pupil" in text and "English" in text


def test_the_subject_dashboard_is_recorded(nation):
    data = json.loads(
        report("subject", "--school", "100001", "--subject", "art_and_design", "--format", "json")
    )
    assert [p["residual"] for p in data["dashboard"]["pupils"]] == [2.5, -2.5]  # 7 and 2 against 4.5
    assert AccessRecord.objects.filter(what="subjects subject (json)").count() == 1


def test_report_insight_says_each_section_had_nothing_to_report(nation):
    result = CliRunner().invoke(app, ["report", "insight", "--school", "100001", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("There was nothing significant to report.") == 4  # groups of 3 pupils
