"""`rollbook report attendance summary --family`: the page's Schools like yours column, from the same
question, in the terminal and the JSON; refused with why for a school not in the public data."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.imports.service import run_import
from tests.support.public_world import sly_school, world

LABEL = "Schools like yours, 2017/18 published figures"


@pytest.fixture
def imported(db, school_files, data_dir):
    run_import([school_files / "900001"], actor="test")
    absence = [{"urn": 900099, "overall_absence_rate": 6.0, "persistent_absence_rate": 20.0}]
    world(data_dir, sly=[sly_school(900001, 20, 500), sly_school(900099, 22, 100)], absence=absence)


def run(*args: str):
    return CliRunner().invoke(app, ["report", "attendance", "summary", "--family", *args])


def test_the_family_is_a_column_of_the_table_and_a_comparator_in_the_json(imported):
    table = run("--school", "900001")
    assert table.exit_code == 0, table.output
    assert "Schools like yours, 2017/18 published" in table.stdout  # the heading wraps in a narrow terminal
    assert re.search(r"│ Attendance\s+│ 93\.3\s+│ 94\.0 ", table.stdout)  # 100 less its 6.0% absence
    data = json.loads(run("--school", "900001", "--format", "json").stdout)
    (family,) = data["comparison"]["comparators"]
    assert family["label"] == LABEL and family["measures"]["attendance_rate"] == pytest.approx(94.0)


def test_a_school_not_in_the_public_data_is_told_why(db, school_files, data_dir):
    run_import([school_files / "900001"], actor="test")
    refused = run("--school", "900001")
    assert refused.exit_code != 0
    assert "Schools like yours cannot be shown" in refused.output
