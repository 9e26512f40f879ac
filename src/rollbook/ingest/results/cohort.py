"""Results and prior attainment belong to the school's pupils of their academic year (docs/import-formats.md,
"Whose results"): results to its KS4 cohort, the Year 11 pupils of that year; KS2 prior attainment to any of
its pupils old enough to have sat KS2 in a year the tests were held, read on the baseline of that summer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.ingest.results.prior_csv import PriorLine
from rollbook.ingest.results.results_csv import ResultLine
from rollbook.rules.calendar import academic_year_label
from rollbook.rules.results.prior_attainment import (
    BadPriorAttainment,
    baseline_for,
    ks2_year,
    prior_attainment,
)
from rollbook.rules.years import KS4_YEAR, label

#: Each pupil of the year by UPN, with their National Curriculum year (None when not following it).
YearGroups = Mapping[str, "int | None"]


def cohort_results(
    lines: Iterable[ResultLine], year_groups: YearGroups, academic_year: int, report: ValidationReport
) -> list[ResultLine]:
    """The results of the year's Year 11 pupils; each other result is refused, naming the line and why."""
    kept = []
    for line in lines:
        where = {"file": line.file, "line": line.line, "upn": line.upn}
        if not on_roll(line.upn, year_groups, academic_year, report, where):
            continue
        if (year := year_groups[line.upn]) != KS4_YEAR:
            report.refuse(
                Kind.NOT_IN_COHORT,
                f"the pupil is in {label(year)} in {academic_year_label(academic_year)}: results are for the "
                "KS4 cohort, the school's Year 11 (import an early entry with the pupil's Year 11 results)",
                **where,
            )
        else:
            kept.append(line)
    return kept


def prior_rows(
    lines: Iterable[PriorLine], year_groups: YearGroups, academic_year: int, report: ValidationReport
) -> list[dict[str, object]]:
    """Each pupil's prior attainment as the lake holds it, checked on the baseline of the summer they were
    in Year 6; a pupil not on roll, too young for KS2, or whose KS2 tests were cancelled is refused."""
    rows = []
    for line in lines:
        where = {"file": line.file, "line": line.line, "upn": line.upn}
        if not on_roll(line.upn, year_groups, academic_year, report, where):
            continue
        year = year_groups[line.upn]
        summer = ks2_year(academic_year, year) if year is not None else None
        if summer is None or summer > academic_year + 1:
            why = "follows no National Curriculum year" if year is None else f"is in {label(year)}"
            report.refuse(Kind.BAD_PRIOR, f"the pupil {why}, so has no KS2 results yet", **where)
            continue
        baseline = baseline_for(summer)
        if baseline is None:
            message = f"the pupil was in Year 6 in summer {summer}, when no KS2 tests were held"
            report.refuse(Kind.BAD_PRIOR, message, **where)
            continue
        try:
            found = prior_attainment(line.reading, line.maths, baseline)
        except BadPriorAttainment as error:
            report.refuse(Kind.BAD_PRIOR, f"{error} (KS2 in summer {summer}: {baseline})", **where)
            continue
        rows.append(_row(line.upn, str(baseline), found.reading, found.maths))
    return rows


def on_roll(
    upn: str, year_groups: YearGroups, academic_year: int, report: ValidationReport, where: dict[str, object]
) -> bool:
    """Whether `upn` is a pupil of the school that year, refusing the row when not."""
    if upn in year_groups:
        return True
    message = f"no pupil with this UPN is on the school's roll in {academic_year_label(academic_year)}"
    report.refuse(Kind.NOT_IN_COHORT, message, **where)
    return False


def _row(upn: str, baseline: str, reading: Decimal, maths: Decimal) -> dict[str, object]:
    return {"upn": upn, "baseline": baseline, "ks2_reading": reading, "ks2_maths": maths}
