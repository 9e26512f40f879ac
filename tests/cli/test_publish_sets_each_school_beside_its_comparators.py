"""`rollbook publish` writes comparators; the summary report then sets the school beside each of them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.cli import app
from rollbook.web.imports.service import run_import

#: Slow: each test imports two synthetic schools and publishes them.
pytestmark = pytest.mark.slow


@pytest.fixture
def published(db, school_files, data_dir, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "2")
    run_import([school_files], actor="test")
    result = CliRunner().invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    return Snapshot.latest(data_dir / "snapshots")


def summary(*args: str) -> dict:
    result = CliRunner().invoke(app, ["report", "attendance", "summary", "--school", "900001", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_publish_runs_to_the_latest_date_held(published):
    assert published.manifest.as_of == "2024-09-13"
    assert published.manifest.schools == 2


def test_the_national_comparator_is_both_schools_added_up(published):
    data = summary("--format", "json")
    national = data["comparison"]["comparators"][0]
    assert (national["label"], national["schools"], national["suppressed"]) == ("National", 2, None)
    other = json.loads(
        CliRunner()
        .invoke(app, ["report", "attendance", "summary", "--school", "900002", "--format", "json"])
        .stdout
    )
    both = data["measures"]["possible_sessions"] + other["measures"]["possible_sessions"]
    assert national["measures"]["possible_sessions"] == both
    gap = national["differences"]["overall_absence_rate"]
    expected = data["measures"]["overall_absence_rate"] - national["measures"]["overall_absence_rate"]
    assert gap["points"] == pytest.approx(expected, abs=0.005)


def test_a_region_with_one_school_is_suppressed_with_the_reason(published):
    comparators = {row["kind"]: row for row in summary("--format", "json")["comparison"]["comparators"]}
    assert comparators["region"]["suppressed"] == "built from 1 school; comparators need at least 2"
    assert comparators["region"]["measures"]["attendance_rate"] is None


def test_each_week_carries_the_national_figure(published):
    weeks = summary("--format", "json")["weeks"]
    assert weeks and all(week["national"]["pupils"] > week["pupils"] for week in weeks)


def test_a_custom_period_says_why_it_has_no_comparators(published):
    data = summary("--from", "2024-09-04", "--to", "2024-09-12", "--format", "json")
    assert "year to date, each term and half-term and each week" in data["comparison"]["unavailable"]


def test_the_table_sets_the_measures_beside_the_comparators(published):
    result = CliRunner().invoke(app, ["report", "attendance", "summary", "--school", "900001"])
    assert "comparators published" in result.stdout and "National" in result.stdout


def test_the_360_can_show_the_latest_week(published):
    data = summary_of("360", "--latest-week")
    assert data["period"]["label"] == "Week commencing 09/09/2024"
    assert data["three_sixty"]["comparators"][0] == "National"
    assert data["three_sixty"]["rows"][0]["beside"][0]["schools"] == 2


def summary_of(name: str, *args: str) -> dict:
    result = CliRunner().invoke(
        app, ["report", "attendance", name, "--school", "900001", "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_half_term_is_compared_with_the_same_half_term_published(published):
    data = summary("--term", "Autumn 1", "--format", "json")
    assert data["period"]["label"] == "Autumn 1 2024/25 to 13/09/2024"
    (national, *_) = data["comparison"]["comparators"]
    whole_year = summary("--format", "json")["comparison"]["comparators"][0]
    # The data held is all in Autumn 1, so the half-term so far is the year to date, school and nation alike.
    assert national["measures"] == whole_year["measures"]
    assert data["comparison"]["unavailable"] is None


def test_girls_are_compared_with_girls(published):
    data = summary("--sex", "F", "--format", "json")
    national = data["comparison"]["comparators"][0]
    everyone = summary("--format", "json")["comparison"]["comparators"][0]
    assert data["filters"] == {"sex": ["F"]}
    assert 0 < national["measures"]["possible_sessions"] < everyone["measures"]["possible_sessions"]


def test_a_second_publish_copies_the_unchanged_schools_unless_told_to_measure_all(published):
    again = CliRunner().invoke(app, ["publish"])
    assert again.exit_code == 0, again.output
    expected = f"(0 of 2 schools re-read; the others unchanged, copied from {published.path.name})"
    assert expected in " ".join(again.output.split())  # as the terminal's width wrapped it
    full = CliRunner().invoke(app, ["publish", "--full"])
    assert full.exit_code == 0, full.output
    assert "(2 of 2 schools re-read)" in " ".join(full.output.split())
