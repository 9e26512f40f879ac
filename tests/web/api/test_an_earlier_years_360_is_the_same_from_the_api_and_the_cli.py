"""An earlier year's 360 is one answer however it is asked: the JSON API's `academic_year` and the CLI's
`--academic-year` give the report's own data for that year (tests/support/earlier_year.py: 85.0%
attendance in Alder's 2023/24, where the web world's 2024/25 week has 80.0%)."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from typer.testing import CliRunner

from rollbook.cli import app
from tests.support.earlier_year import write_earlier_year
from tests.support.reports import attendance_report


def test_an_earlier_years_360_is_the_same_from_the_api_and_the_cli(world):
    write_earlier_year(world.lake)
    expected = attendance_report("360", 100001, academic_year="2023/24").data
    expected = json.loads(json.dumps(expected, cls=DjangoJSONEncoder))
    assert expected["three_sixty"]["rows"][0]["school"]["attendance_rate"] == 85.0

    response = world.client_for(world.pam).get("/api/v1/schools/100001/attendance/360?academic_year=2023/24")
    assert response.status_code == 200
    assert response.json() == expected

    cli = [
        "report",
        "attendance",
        "360",
        "--school",
        "100001",
        "--academic-year",
        "2023/24",
        "--format",
        "json",
    ]
    result = CliRunner().invoke(app, cli)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected
