"""KS4 results, KS2 prior attainment and other baselines from a school's exports (results.csv, prior.csv,
baseline.csv) into the lake, read by the rules of rollbook.rules.results and checked against the school's
pupils of the year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rollbook.ingest.problems import ValidationReport
from rollbook.ingest.results.baseline_csv import baseline_rows, read_baseline_csv
from rollbook.ingest.results.cohort import YearGroups, cohort_results, prior_rows
from rollbook.ingest.results.prior_csv import read_prior_csv
from rollbook.ingest.results.results_csv import ResultLine, read_results_csv


@dataclass(frozen=True)
class KS4Files:
    """What a batch's results and prior attainment files hold for an academic year, checked: None for a kind
    it has no file of."""

    academic_year: int
    results: list[ResultLine] | None = None
    prior: list[dict[str, object]] | None = None
    baselines: list[dict[str, object]] | None = None


def read_ks4(
    results: Sequence[Path],
    prior: Sequence[Path],
    academic_year: int,
    year_groups: YearGroups | None,
    report: ValidationReport,
    baselines: Sequence[Path] = (),
) -> KS4Files:
    """Read every results.csv, prior.csv and baseline.csv for `academic_year`, each row checked by the KS4
    rules and, when the school's pupils of the year are known (`year_groups`), against them."""
    results_read = [line for path in results for line in read_results_csv(path, report, academic_year)]
    prior_read = [line for path in prior for line in read_prior_csv(path, report)]
    baselines_read = [line for path in baselines for line in read_baseline_csv(path, report)]
    if year_groups is None:
        return KS4Files(academic_year)
    return KS4Files(
        academic_year,
        cohort_results(results_read, year_groups, academic_year, report) if results else None,
        prior_rows(prior_read, year_groups, academic_year, report) if prior else None,
        baseline_rows(baselines_read, year_groups, academic_year, report) if baselines else None,
    )
