"""`rollbook import` exits 0 when everything landed and 1 when anything was refused, saying why."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rollbook.cli import REFUSED, app


@pytest.mark.django_db
def test_a_clean_import_exits_zero(school_files):
    result = CliRunner().invoke(app, ["import", str(school_files)])
    assert result.exit_code == 0, result.output
    assert "School 900001 (" in result.stderr and "School 900002 (" in result.stderr
    again = CliRunner().invoke(app, ["import", str(school_files / "900001")])
    assert again.exit_code == 0
    assert "no change" in again.stderr


@pytest.mark.django_db
def test_a_refused_import_exits_one_and_names_the_problem(school_files, tmp_path):
    ctf = next((school_files / "900002").glob("*.xml"))
    bad = tmp_path / ctf.name
    bad.write_text(ctf.read_text().replace("<DOB>", "<DOB>31-02-", 1))
    result = CliRunner().invoke(app, ["import", str(bad)])
    assert result.exit_code == REFUSED
    assert "refused" in result.stderr
    assert ctf.name in result.stderr


@pytest.mark.django_db
def test_a_csv_for_an_unregistered_school_exits_one(school_files):
    result = CliRunner().invoke(app, ["import", str(school_files / "900001" / "pupils.csv"), "--school", "1"])
    assert result.exit_code == REFUSED
    assert "not registered" in result.stderr
