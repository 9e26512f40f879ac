"""Without pupil-level access, no group or filtered selection of a few pupils shows its figures."""

from __future__ import annotations

import pyarrow as pa
import pytest

from rollbook.analytics.disclosure import hide_small_groups, reason
from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey
from tests.support.reports import attendance_report
from tests.support.small_world import URN, YEAR, present, pupil, register


@pytest.fixture
def six_girls_two_boys(tmp_path) -> Lake:
    lake = Lake(tmp_path / "lake")
    upns = [f"G{n:012d}" for n in range(6)] + [f"B{n:012d}" for n in range(2)]
    pupils = [pupil(upn, sex=upn[0].replace("G", "F").replace("B", "M")) for upn in upns]
    marks = [mark for upn in upns for mark in register(upn, present(10))]
    lake.replace(
        {
            PartitionKey("pupils", YEAR, URN): pa.Table.from_pylist(pupils, schema=PUPILS),
            PartitionKey("marks", YEAR, URN): pa.Table.from_pylist(marks, schema=MARKS),
        }
    )
    return lake


def report(lake: Lake, name: str, **choices):
    return attendance_report(name, URN, lake=lake, snapshots=lake.root / "none", **choices)


def test_the_boys_are_hidden_on_pupil_groups_and_the_girls_shown(six_girls_two_boys):
    found = report(six_girls_two_boys, "pupil-groups", min_group_pupils=5).data["pupil_groups"]["sex"]
    by_label = {row["label"]: row["school"] for row in found}
    assert by_label["Girls"]["attendance_rate"] == 100.0
    assert by_label["Boys"] == {
        **dict.fromkeys(by_label["Girls"], None),
        "pupils": 2,
        "suppressed": reason(5),
    }
    everyone = report(six_girls_two_boys, "pupil-groups").data["pupil_groups"]["sex"]
    assert {row["label"]: row["school"]["attendance_rate"] for row in everyone} == {
        "Girls": 100.0,
        "Boys": 100.0,
    }


def test_the_csv_rows_carry_no_figure_for_a_hidden_group(six_girls_two_boys):
    rows = report(six_girls_two_boys, "360", min_group_pupils=5).rows
    boys = next(row for row in rows if row["Group"] == "Boys")
    assert boys["Attendance %"] is None and boys["Pupils"] == 2


def test_filters_that_choose_a_few_pupils_are_refused(six_girls_two_boys):
    with pytest.raises(ValueError, match="These filters choose 2 pupils, fewer than 5 pupils"):
        report(six_girls_two_boys, "summary", sex="M", min_group_pupils=5)
    chosen = report(six_girls_two_boys, "summary", sex="F", min_group_pupils=5)
    assert chosen.data["measures"]["pupils"] == 6
    assert report(six_girls_two_boys, "summary", sex="M").data["measures"]["pupils"] == 2


def group(pupils: int, grouping: str = "sex") -> dict:
    return {
        "grouping": grouping,
        "label": "Girls",
        "school": {"pupils": pupils, "attendance_rate": 90.0, "persistent_absence_rate": 50.0},
        "national": {"attendance_rate": 93.0, "differences": {"attendance_rate": {"points": -3.0}}},
        "beside": [{"differences": {"attendance_rate": {"points": -3.0}}}],
    }


@pytest.mark.parametrize(("pupils", "hidden"), [(1, True), (4, True), (5, False), (0, False)])
def test_a_group_under_the_minimum_loses_its_figures_and_differences(pupils, hidden):
    groups = [group(pupils)]
    assert hide_small_groups(groups, minimum=5) == int(hidden)
    (shown,) = groups
    assert shown["school"]["pupils"] == pupils  # the count stays
    if hidden:
        assert shown["school"]["attendance_rate"] is None
        assert shown["school"]["persistent_absence_rate"] is None
        assert shown["school"]["suppressed"] == reason(5)
        assert shown["national"]["differences"] == {}  # national + gap would give the rate back
        assert shown["beside"][0]["differences"] == {}
    else:
        assert shown["school"]["attendance_rate"] == 90.0


def test_the_whole_school_is_never_hidden():
    groups = [group(2, grouping="school")]
    assert hide_small_groups(groups, minimum=5) == 0
    assert groups[0]["school"]["attendance_rate"] == 90.0
