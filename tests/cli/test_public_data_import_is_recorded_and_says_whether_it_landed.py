"""`rollbook public-data import` exits 0 when the files landed and 1 when refused, saying why; either way
the import history records it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rollbook.cli import REFUSED, app

ABSENCE = "LA,ESTAB,URN,PERCTOT,PPERSABS10\n202,4104,100049,6.9,18.8\n"


@pytest.mark.django_db
def test_files_that_land_are_listed_and_recorded(tmp_path):
    from rollbook.web.imports.models import ImportRecord

    (tmp_path / "england_abs.csv").write_text(ABSENCE)

    result = CliRunner().invoke(app, ["public-data", "import", str(tmp_path), "--year", "2019"])

    assert result.exit_code == 0, result.output
    assert "Loaded public data for 2019: england_abs.csv: absence, 1 rows." in result.stderr
    record = ImportRecord.objects.get()
    assert (record.source, record.outcome, record.school) == ("public-data", ImportRecord.LANDED, None)
    assert record.changes["files"][0]["dataset"] == "absence"
    listed = CliRunner().invoke(app, ["public-data", "list", "--format", "json"])
    assert [
        (row["year"], row["data set"], row["rows"]) for row in __import__("json").loads(listed.stdout)
    ] == [("2019", "absence", 1)]


@pytest.mark.django_db
def test_a_refused_import_exits_one_and_names_the_problem(tmp_path):
    from rollbook.web.imports.models import ImportRecord

    path = tmp_path / "england_abs.csv"
    path.write_text(ABSENCE.replace("6.9", "six"))

    result = CliRunner().invoke(app, ["public-data", "import", str(path), "--year", "2019"])

    assert result.exit_code == REFUSED
    assert "england_abs.csv, line 2, column PERCTOT: 'six' is not a number" in result.stderr
    assert ImportRecord.objects.get().outcome == ImportRecord.REFUSED
