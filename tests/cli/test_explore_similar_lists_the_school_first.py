"""`rollbook explore similar --format json` gives a list `schools`, the chosen school first with difference
0 and then nearest first, each with its URN, name, difference and the fields displayed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rollbook.cli import app

REGIONS = [["H", "London"], ["B", "North West"]]
META = [{"name": "URN"}, {"name": "School name"}, {"name": "Region", "lookup": REGIONS}, {"name": "FSM6, %"},
        {"name": "KS4 pupils, 2019"}, {"name": "Difference"}]  # fmt: skip
DATA = [
    [1, "One", "H", 20, 100],
    [2, "Two", "H", 30, 100],
    [3, "Three", "B", 20, 140],
    [4, "Four", "H", 10, 300],
]


@pytest.fixture
def loaded(tmp_path):
    (tmp_path / "ks4_sly.json").write_text(json.dumps({"meta": META, "data": DATA}))
    assert CliRunner().invoke(app, ["public-data", "import", str(tmp_path)]).exit_code == 0


def similar(*options: str) -> dict:
    command = [
        "explore",
        "similar",
        "--school",
        "1",
        "--criteria",
        "FSM6, %",
        "--criteria",
        "KS4 pupils, 2019",
    ]
    result = CliRunner().invoke(app, [*command, *options, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.django_db
def test_the_school_comes_first_then_the_nearest(loaded):
    data = similar("--top", "3")

    assert [(row["urn"], row["name"]) for row in data["schools"]] == [
        (1, "One"),
        (3, "Three"),
        (2, "Two"),
        (4, "Four"),
    ]
    assert data["schools"][0]["difference"] == 0
    assert data["schools"][1]["difference"] == pytest.approx(40 / 6800**0.5)
    keys = list(data["schools"][1])
    assert keys[:3] == ["urn", "name", "difference"]
    assert {"DfE number", "Local authority", "FSM6, %", "KS4 pupils, 2019"} <= set(
        keys
    )  # the usual ones, and criteria
    assert data["criteria"] == ["FSM6, %", "KS4 pupils, 2019"]


@pytest.mark.django_db
def test_filters_and_fields_shown_are_named_as_the_tool_names_them(loaded):
    data = similar("--filter", "Region=London", "--show", "Region", "--top", "1")

    assert [(row["urn"], row["Region"]) for row in data["schools"]] == [(1, "London"), (2, "London")]
    assert data["filters"] == ["Region=London"]
    assert "filter=Region%3DLondon" in data["address"]


@pytest.mark.django_db
def test_an_unknown_field_is_refused_by_name(loaded):
    result = CliRunner().invoke(app, ["explore", "similar", "--school", "1", "--criteria", "Shoe size"])
    assert result.exit_code == 2
    assert "has no field 'Shoe size'" in result.output
