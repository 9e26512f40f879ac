"""Reading results.csv: one row per pupil per result, as MIS exports write them (docs/import-formats.md,
"results.csv"). Each row is read by the KS4 rules: the subject and qualification by any of the names exports
use, the grade against its qualification's scale for the year."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rollbook.ingest.csv_reading import cell, complete_rows, unreadable
from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.rules.results.exam_result import ExamResult, exam_result
from rollbook.rules.results.grades import BadGrade
from rollbook.rules.results.qualifications import UnknownQualification
from rollbook.rules.results.subjects import UnknownSubject

REQUIRED = ("upn", "subject", "qualification", "grade")
COLUMNS = (*REQUIRED, "exam_series", "board", "discount_code")
#: The kind of refusal each of the rules' errors is.
KINDS: dict[type[Exception], Kind] = {
    UnknownSubject: Kind.UNKNOWN_SUBJECT,
    UnknownQualification: Kind.UNKNOWN_QUALIFICATION,
    BadGrade: Kind.BAD_GRADE,
}


@dataclass(frozen=True)
class ResultLine:
    """One result as read, and where it came from."""

    upn: str
    result: ExamResult
    board: str | None
    discount_code: str | None
    file: str
    line: int

    @property
    def key(self) -> tuple[str, str, str, dt.date | None]:
        """What makes a result one: the pupil, the subject, the qualification and the series."""
        return self.upn, self.result.subject.key, self.result.qualification.key, self.result.series

    def row(self) -> dict[str, object]:
        """As the lake's results table holds it."""
        return {
            "upn": self.upn,
            "subject": self.result.subject.key,
            "qualification": self.result.qualification.key,
            "grade": self.result.grade.text,
            "exam_series": self.result.series,
            "board": self.board,
            "discount_code": self.discount_code,
        }


def read_results_csv(path: Path, report: ValidationReport, academic_year: int) -> list[ResultLine]:
    """The results in a results.csv for `academic_year` (2024 is 2024/25), every bad row refused by line."""
    found: list[ResultLine] = []
    first: dict[tuple, int] = {}
    try:
        for line, cells, upn in complete_rows(path, REQUIRED, COLUMNS, report):
            try:
                result = exam_result(
                    cell(cells, "subject"),
                    cell(cells, "qualification"),
                    cell(cells, "grade"),
                    academic_year,
                    cell(cells, "exam_series") or None,
                )
            except (LookupError, ValueError) as error:
                kind = KINDS.get(type(error), Kind.BAD_VALUE)
                report.refuse(kind, str(error), file=path.name, line=line, upn=upn)
                continue
            read = ResultLine(
                upn,
                result,
                cell(cells, "board") or None,
                cell(cells, "discount_code") or None,
                path.name,
                line,
            )
            if (earlier := first.setdefault(read.key, line)) != line:
                report.refuse(
                    Kind.BAD_VALUE,
                    f"{result.describe()}: this result is also at line {earlier}",
                    file=path.name,
                    line=line,
                    upn=upn,
                )
                continue
            found.append(read)
    except (UnicodeDecodeError, csv.Error) as error:
        unreadable(error, path.name, report)
    return found
