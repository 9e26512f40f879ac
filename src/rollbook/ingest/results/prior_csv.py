"""Reading prior.csv: each pupil's KS2 reading and maths (docs/import-formats.md, "prior.csv"), as scaled
scores or, for pupils who sat KS2 before 2016, fine levels. Which the pupil has, and so how the values are
checked, depends on the summer they were in Year 6 (cohort.py)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rollbook.ingest.csv_reading import cell, complete_rows, unreadable
from rollbook.ingest.problems import Kind, ValidationReport

COLUMNS = ("upn", "ks2_reading", "ks2_maths")


@dataclass(frozen=True)
class PriorLine:
    """One pupil's KS2 results as written, and where they came from."""

    upn: str
    reading: str
    maths: str
    file: str
    line: int


def read_prior_csv(path: Path, report: ValidationReport) -> list[PriorLine]:
    """The rows of a prior.csv, each with both results given and each pupil once."""
    found: list[PriorLine] = []
    first: dict[str, int] = {}
    try:
        for line, cells, upn in complete_rows(path, COLUMNS, COLUMNS, report):
            if (earlier := first.setdefault(upn, line)) != line:
                message = f"this pupil's prior attainment is also at line {earlier}"
                report.refuse(Kind.BAD_VALUE, message, file=path.name, line=line, upn=upn)
                continue
            found.append(
                PriorLine(upn, cell(cells, "ks2_reading"), cell(cells, "ks2_maths"), path.name, line)
            )
    except (UnicodeDecodeError, csv.Error) as error:
        unreadable(error, path.name, report)
    return found
