"""With results, each school's folder also holds prior.csv (KS2 for every pupil who has it) and results.csv
(Year 11's results), in the names an MIS export uses, every row readable by the KS4 rules."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from rollbook.rules.results.exam_result import exam_result
from rollbook.rules.results.subjects import subject
from rollbook.synth import write_schools


def _rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    write_schools(out / "2018", 3, seed=3, academic_year=2018, workers=1, results=True)
    write_schools(out / "2024", 2, seed=3, academic_year=2024, as_of=dt.date(2024, 10, 4), workers=1,
                  results=True)  # fmt: skip
    return {year: sorted(p for p in (out / year).iterdir() if p.is_dir()) for year in ("2018", "2024")}


def test_every_result_row_is_read_by_the_rules(folders):
    names = set()
    for folder in folders["2018"] + folders["2024"]:
        rows = _rows(folder / "results.csv")
        assert list(rows[0]) == ["upn", "subject", "qualification", "grade", "exam_series", "board"]
        for row in rows:
            exam_result(row["subject"], row["qualification"], row["grade"], 2018, row["exam_series"])
            names.add(row["subject"])
    # Exports write everyday names, not Rollbook's own: aliases are met.
    assert {"Maths", "English Lang", "Combined Science: Trilogy"} & names
    assert any(subject(name).name != name for name in names)


def test_results_are_for_year_11_pupils_and_most_sit_english_and_maths(folders):
    for folder in folders["2018"]:
        year_11 = {row["upn"] for row in _rows(folder / "pupils.csv") if row["nc_year"] == "11"}
        rows = _rows(folder / "results.csv")
        assert {row["upn"] for row in rows} <= year_11
        maths = {row["upn"] for row in rows if subject(row["subject"]).key == "maths"}
        assert len(maths) > 0.9 * len(year_11)


def test_in_2018_19_year_11_have_fine_levels_and_year_7_scaled_scores(folders):
    for folder in folders["2018"]:
        year_of = {row["upn"]: row["nc_year"] for row in _rows(folder / "pupils.csv")}
        prior = _rows(folder / "prior.csv")
        assert list(prior[0]) == ["upn", "ks2_reading", "ks2_maths"]
        year_11 = [row for row in prior if year_of[row["upn"]] == "11"]
        year_7 = [row for row in prior if year_of[row["upn"]] == "7"]
        assert year_11 and all("." in row["ks2_maths"] for row in year_11)
        assert year_7 and all(80 <= int(row["ks2_maths"]) <= 120 for row in year_7)


def test_in_2024_25_years_10_and_11_have_no_ks2_for_the_tests_were_cancelled(folders):
    for folder in folders["2024"]:
        year_of = {row["upn"]: row["nc_year"] for row in _rows(folder / "pupils.csv")}
        years = {year_of[row["upn"]] for row in _rows(folder / "prior.csv")}
        assert {"7", "8", "9"} <= years
        assert not years & {"10", "11"}
