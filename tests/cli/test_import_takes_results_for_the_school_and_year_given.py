"""`rollbook import results.csv prior.csv --school URN` lands a school's KS4 files in the latest year its data
holds, or in the `--academic-year` given, where results for pupils not on roll that year are refused."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rollbook.cli import REFUSED, app
from rollbook.lake import Lake, PartitionKey


def run(*args: str):
    return CliRunner().invoke(app, ["import", *args])


@pytest.mark.django_db
def test_the_results_land_for_the_schools_year(school_files):
    folder = school_files / "900001"
    assert run(str(next(folder.glob("*.xml")))).exit_code == 0  # registers the school and its 2024/25

    result = run(str(folder / "results.csv"), str(folder / "prior.csv"), "--school", "900001")

    assert result.exit_code == 0, result.output
    assert "results " in result.stderr and "prior attainment " in result.stderr
    assert Lake.configured().read(PartitionKey("results", 2024, 900001)).num_rows > 100


@pytest.mark.django_db
def test_a_year_with_no_pupils_is_refused(school_files):
    folder = school_files / "900001"
    assert run(str(next(folder.glob("*.xml")))).exit_code == 0

    result = run(str(folder / "results.csv"), "--school", "900001", "--academic-year", "2023")

    assert (
        result.exit_code == REFUSED
        and "no pupil with this UPN is on the school's roll in 2023/24" in result.stderr
    )
