"""Write `pupils.csv` (and, with results, `prior.csv`, `results.csv` and, for a cohort without KS2,
`baseline.csv`) for a school and `schools.csv` for a synthetic set, in the docs/import-formats.md
templates."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from rollbook.synth.results import SchoolResults
from rollbook.synth.school_year import SchoolYear
from rollbook.synth.schools import SchoolInfo

PUPIL_COLUMNS = ("upn", "forename", "surname", "dob", "sex", "nc_year", "reg_group", "fsm6", "sen", "eal",
                 "ethnicity", "admission_date", "leaving_date")  # fmt: skip
PRIOR_COLUMNS = ("upn", "ks2_reading", "ks2_maths")
BASELINE_COLUMNS = ("upn", "baseline", "score")
RESULT_COLUMNS = ("upn", "subject", "qualification", "grade", "exam_series", "board")
SCHOOL_COLUMNS = ("urn", "la", "estab", "name", "la_name", "region", "phase", "pupils", "fsm6_pct", "eal_pct",
                  "sen_support_pct", "ehc_plan_pct")  # fmt: skip


def _yes_no(flag: bool) -> str:
    return "Y" if flag else "N"


def _date(value: np.datetime64) -> str:
    return "" if np.isnat(value) else str(value)


def write_pupils(school_year: SchoolYear, folder: Path) -> Path:
    path = folder / "pupils.csv"
    p = school_year.pupils
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(PUPIL_COLUMNS)
        columns = (
            p.upn, p.forename, p.surname, p.dob, p.sex, p.nc_year, p.reg_group, map(_yes_no, p.fsm6), p.sen,
            map(_yes_no, p.eal), p.ethnicity, map(_date, p.admission), map(_date, p.leaving),
        )  # fmt: skip
        writer.writerows(zip(*columns, strict=True))
    return path


def write_results(results: SchoolResults, folder: Path) -> tuple[Path, Path]:
    """`prior.csv` (KS2 reading and maths) and `results.csv` (one row per result), as the MIS exports them;
    and `baseline.csv` when Year 11 has test scores in place of KS2."""
    prior = _write_csv(folder / "prior.csv", PRIOR_COLUMNS, results.prior)
    rows = _write_csv(
        folder / "results.csv",
        RESULT_COLUMNS,
        ((r.upn, r.subject, r.qualification, r.grade, r.exam_series, r.board) for r in results.results),
    )
    if results.baseline:
        _write_csv(folder / "baseline.csv", BASELINE_COLUMNS, results.baseline)
    return prior, rows


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def write_schools_csv(schools: Iterable[SchoolInfo], out: Path) -> Path:
    path = out / "schools.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SCHOOL_COLUMNS)
        for school in schools:
            writer.writerow(getattr(school, column) for column in SCHOOL_COLUMNS)
    return path
