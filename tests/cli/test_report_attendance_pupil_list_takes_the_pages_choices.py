"""`rollbook report attendance pupil-list` takes the page's choices: bands, order and the pupil filters."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.imports.service import run_import


@pytest.fixture
def imported(db, school_files, data_dir):
    run_import([school_files / "900001"], actor="test")


def pupils(*args: str) -> list[dict]:
    result = CliRunner().invoke(
        app, ["report", "attendance", "pupil-list", "--school", "900001", "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["pupil_list"]


def test_sorted_by_name_and_chosen_by_band(imported):
    everyone = pupils("--sort", "name")
    assert [p["name"] for p in everyone] == sorted(p["name"] for p in everyone)
    band = everyone[0]["band"]
    assert {p["upn"] for p in pupils("--band", band)} == {p["upn"] for p in everyone if p["band"] == band}


def test_registration_group_chooses_its_pupils(imported):
    everyone = pupils()
    group = everyone[0]["reg_group"]
    assert {p["upn"] for p in pupils("--reg-group", group)} == {
        p["upn"] for p in everyone if p["reg_group"] == group
    }


def test_an_unknown_sort_says_which_columns_there_are(imported):
    result = CliRunner().invoke(
        app, ["report", "attendance", "pupil-list", "--school", "900001", "--sort", "shoe_size"]
    )
    assert result.exit_code != 0 and "weeks_below_100" in result.output
