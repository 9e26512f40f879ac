"""`rollbook report ks4`: the KS4 reports as the pages give them, and `rollbook estimates`: a DfE estimates
table the next publish measures Progress 8 against."""

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
    published = CliRunner().invoke(app, ["publish"])
    assert "Published national KS4 figures for 2018" in published.output, published.output
    return lake


def report(*args: str) -> str:
    result = CliRunner().invoke(app, ["report", "ks4", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_headline_as_json(nation):
    data = json.loads(report("headline", "--school", "100001", "--format", "json"))
    assert data["measures"]["attainment8"] == 33.0 and data["label"] == "2018/19"


def test_the_pupils_are_sorted_and_the_read_recorded(nation):
    data = json.loads(report("pupils", "--school", "100001", "--sort", "attainment8", "--format", "json"))
    assert [p["attainment8"] for p in data["pupils"]] == [12, 54]
    assert AccessRecord.objects.filter(what="ks4 pupils (json)").count() == 1


def test_a_year_not_held_is_refused_in_a_line(nation):
    result = CliRunner().invoke(
        app, ["report", "ks4", "headline", "--school", "100001", "--academic-year", "2017"]
    )
    assert result.exit_code == 2 and "2018/19" in result.output


def test_a_dfe_estimates_table_replaces_the_held_cohorts(nation, tmp_path):
    table = tmp_path / "estimates.csv"
    # Each fine level's estimate: Alder's A1 (4.4) scored 54 against 50, A2 (3.1) 12 against 20.
    table.write_text(
        "KS2 fine level,Attainment 8 estimate,English,Maths,EBacc,Open\n3.1,20,4,4,6,6\n4.4,50,10,10,15,15\n"
    )
    loaded = CliRunner().invoke(
        app, ["estimates", str(table), "--academic-year", "2018/19", "--baseline", "fine-levels"]
    )
    assert loaded.exit_code == 0, loaded.output
    CliRunner().invoke(app, ["publish"])
    data = json.loads(report("pupils", "--school", "100001", "--format", "json", "--sort", "upn"))
    assert [p["progress8"] for p in data["pupils"]] == [pytest.approx(0.4), pytest.approx(-0.8)]
    assert "DfE" in data["national"]["estimates"]
