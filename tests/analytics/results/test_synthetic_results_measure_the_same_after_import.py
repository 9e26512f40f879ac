"""Synth -> files -> import -> the same results: every Year 11 pupil's KS4 measures, worked out by the
engine from the lake, equal the rules' own measures of the results.csv and prior.csv that `rollbook synth`
wrote (read here with the csv module, apart from the importer)."""

from __future__ import annotations

import csv
import datetime as dt

from rollbook.analytics.results.cohort import cohort
from rollbook.ingest import import_paths
from rollbook.rules.results.exam_result import exam_result
from rollbook.rules.results.prior_attainment import Baseline, prior_attainment
from rollbook.rules.results.pupil_measures import measure_pupil
from rollbook.synth import write_schools

YEAR = 2018
AS_OF = dt.date(2018, 9, 28)


def rows_of(path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def figures(measures) -> tuple:
    """Every figure measured, and how many results counted and were discounted. Which of two equal results
    fills a slot, or is the one discounted, depends on their order (the lake keeps them sorted) and changes
    no figure."""
    a8 = measures.attainment8
    return (
        (a8.total, a8.english, a8.maths, a8.ebacc, a8.open), measures.ebacc, measures.basics, measures.prior,
        len(measures.counted), len(measures.discounted),
    )  # fmt: skip


def test_two_synthetic_schools_measure_alike_from_their_files_and_from_the_lake(tmp_path, lake):
    schools = write_schools(tmp_path / "synth", 2, seed=5, academic_year=YEAR, as_of=AS_OF, workers=1)
    outcomes = import_paths([tmp_path / "synth"], lake, today=AS_OF)
    assert all(outcome.landed for outcome in outcomes), outcomes[0].report.text()
    for school in schools:
        folder = tmp_path / "synth" / str(school.urn)
        results: dict[str, list] = {}
        for row in rows_of(folder / "results.csv"):
            found = exam_result(row["subject"], row["qualification"], row["grade"], YEAR, row["exam_series"])
            results.setdefault(row["upn"], []).append(found)
        measured = cohort(lake, school.urn, YEAR).pupils
        year_11 = {pupil.upn for pupil in measured}  # who sat KS2 in 2014, on fine levels
        priors = {
            row["upn"]: prior_attainment(row["ks2_reading"], row["ks2_maths"], Baseline.FINE_LEVELS)
            for row in rows_of(folder / "prior.csv")
            if row["upn"] in year_11
        }
        assert len(measured) > 100 and sum(bool(p.measures.counted) for p in measured) > 100
        for pupil in measured:
            expected = measure_pupil(pupil.upn, results.get(pupil.upn, ()), priors.get(pupil.upn))
            assert figures(pupil.measures) == figures(expected), pupil.upn
