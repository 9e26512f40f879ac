"""Reading baseline.csv: each pupil's score on another baseline the school holds (a standardised test score,
a reading age), the starting point of Rollbook value added where KS2 is missing (docs/import-formats.md,
"baseline.csv"). A file holds one baseline, named on every row, so each test a school sets is its own file
and a name mistyped on one row is caught rather than starting a baseline of its own."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from rollbook.ingest.csv_reading import cell, complete_rows, unreadable
from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.ingest.results.cohort import YearGroups, on_roll

COLUMNS = ("upn", "baseline", "score")
#: The scores a baseline may take: wide enough for any standardised scale (SAS 60 to 140) or a reading age
#: in months, and no wider, so a misplaced column is caught.
LOWEST, HIGHEST = Decimal(0), Decimal(200)
#: Scores are kept to two decimal places, as the lake's column holds them.
PLACES = Decimal("0.01")


@dataclass(frozen=True)
class BaselineLine:
    """One pupil's score as read, and where it came from."""

    upn: str
    baseline: str
    score: Decimal
    file: str
    line: int

    def row(self) -> dict[str, object]:
        """As the lake's baselines table holds it."""
        return {"upn": self.upn, "baseline": self.baseline, "score": self.score}


def read_baseline_csv(path: Path, report: ValidationReport) -> list[BaselineLine]:
    """The rows of a baseline.csv: one baseline (its name with spaces trimmed), each pupil once, each score
    a number from 0 to 200."""
    found: list[BaselineLine] = []
    first: dict[str, int] = {}
    named: tuple[str, int] | None = None
    try:
        for line, cells, upn in complete_rows(path, COLUMNS, COLUMNS, report):
            where = {"file": path.name, "line": line, "upn": upn}
            baseline = " ".join(cell(cells, "baseline").split())
            named = named or (baseline, line)
            if baseline != named[0]:
                message = (f"the baseline is {baseline!r}, but this file is for {named[0]!r} (line "
                           f"{named[1]}): give each baseline in a file of its own")  # fmt: skip
                report.refuse(Kind.BAD_VALUE, message, **where)
                continue
            if (earlier := first.setdefault(upn, line)) != line:
                report.refuse(
                    Kind.BAD_VALUE, f"this pupil's {baseline} score is also at line {earlier}", **where
                )
                continue
            score = _score(cell(cells, "score"))
            if score is None:
                message = f"score {cell(cells, 'score')!r} is not a number from {LOWEST} to {HIGHEST}"
                report.refuse(Kind.BAD_VALUE, message, **where)
                continue
            found.append(BaselineLine(upn, baseline, score, path.name, line))
    except (UnicodeDecodeError, csv.Error) as error:
        unreadable(error, path.name, report)
    return found


def baseline_rows(
    lines: Iterable[BaselineLine], year_groups: YearGroups, academic_year: int, report: ValidationReport
) -> list[dict[str, object]]:
    """The lake's rows for the school's pupils of the year (any year group); each other is refused by line,
    as is a pupil's second score on a baseline another file of the import gave too."""
    rows = []
    first: dict[tuple[str, str], BaselineLine] = {}
    for line in lines:
        where = {"file": line.file, "line": line.line, "upn": line.upn}
        if (earlier := first.setdefault((line.upn, line.baseline), line)) is not line:
            message = f"this pupil's {line.baseline} score is also in {earlier.file} at line {earlier.line}"
            report.refuse(Kind.BAD_VALUE, message, **where)
        elif on_roll(line.upn, year_groups, academic_year, report, where):
            rows.append(line.row())
    return rows


def _score(text: str) -> Decimal | None:
    try:
        score = Decimal(text)
    except InvalidOperation:
        return None
    if not score.is_finite() or not LOWEST <= score <= HIGHEST:
        return None
    return score.quantize(PLACES, ROUND_HALF_UP)
