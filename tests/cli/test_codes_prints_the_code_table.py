"""`rollbook codes --format json` prints both code sets, each code with its meaning and category."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.rules.attendance.codes import code_table


def test_json_lists_every_code_with_the_five_fields():
    result = CliRunner().invoke(app, ["codes", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows == code_table()
    assert set(rows[0]) == {"code", "meaning", "category", "possible", "code_set"}
    late = [row for row in rows if row["code"] == "L"]
    assert {row["category"] for row in late} == {"present"}
    assert any(row["code"] == "C1" and row["category"] == "authorised" for row in rows)


def test_csv_has_a_header_and_a_row_per_code():
    result = CliRunner().invoke(app, ["codes", "--format", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0] == "code,meaning,category,possible,code_set"
    assert len(lines) == len(code_table()) + 1
