"""`rollbook explore ofsted --format json` gives a list `rows`, one per rating in Ofsted's order, with the
table's keys; --region, --la and --trust choose the schools."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rollbook.cli import app

KS4 = """RECTYPE,LEA,ESTAB,URN,SCHNAME,NFTYPE,TPUP,ATT8SCR,P8MEA,PTL2BASICS_94,PTEBACC_E_PTQ_EE,PTEBACC_94
1,202,4104,100049,Haverstock School,CY,199,42.4,-0.09,58.8%,24.1%,19.1%
1,202,4166,100050,Parliament Hill School,CY,175,58.7,0.75,76.0%,58.3%,46.9%
1,352,4000,105555,A Manchester School,ACC,150,40.0,-0.5,50.0%,20.0%,10.0%
"""
RATINGS = "Rating,URN\nGood,100049\nOutstanding,100050\nGood,105555\n"
KEYS = ["rating", "schools", "basics_4_rate", "ebacc_entry_rate", "ebacc_4_rate", "attainment8", "progress8"]


@pytest.fixture
def loaded(tmp_path):
    (tmp_path / "ks4.csv").write_text(KS4)
    (tmp_path / "ratings.csv").write_text(RATINGS)
    assert CliRunner().invoke(app, ["public-data", "import", str(tmp_path), "--year", "2019"]).exit_code == 0


def ofsted(*options: str) -> dict:
    result = CliRunner().invoke(app, ["explore", "ofsted", "--year", "2019", *options, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.django_db
def test_json_has_a_row_per_rating_with_the_tables_keys(loaded):
    data = ofsted()

    assert (data["year"], data["area"]) == (2019, "England")
    assert [row["rating"] for row in data["rows"]] == [
        "Outstanding",
        "Good",
        "Requires improvement",
        "Inadequate",
    ]
    assert all(list(row) == KEYS for row in data["rows"])
    good = data["rows"][1]
    assert (good["schools"], good["attainment8"], good["progress8"]) == (
        2,
        pytest.approx(41.2),
        pytest.approx(-0.295),
    )


@pytest.mark.django_db
def test_an_area_chooses_the_schools(loaded):
    from rollbook.web.schools.models import School, Trust

    trust = Trust.objects.create(uid=4321, name="A Trust")
    School.objects.create(urn=100049, la_code=202, estab=4104, name="Haverstock School", trust=trust)

    assert [row["schools"] for row in ofsted("--region", "north west")["rows"]] == [0, 1, 0, 0]
    assert [row["schools"] for row in ofsted("--la", "202")["rows"]] == [1, 1, 0, 0]
    assert ofsted("--la", "202")["area"] == "Camden"
    assert [row["schools"] for row in ofsted("--trust", "4321")["rows"]] == [0, 1, 0, 0]


@pytest.mark.django_db
def test_two_areas_at_once_are_refused(loaded):
    result = CliRunner().invoke(app, ["explore", "ofsted", "--region", "London", "--la", "202"])
    assert result.exit_code == 2
    assert "choose one of --region, --la and --trust" in result.output
