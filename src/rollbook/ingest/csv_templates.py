"""Reading the two CSV templates, pupils.csv and marks.csv (docs/import-formats.md, "CSV templates").

Column names are matched case-insensitively in any order; extra columns are listed in the report. A CSV
names no school: the importer supplies it.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path

import numpy as np

from rollbook.ingest.marks import SESSION_NAMES, Marks, Origin, refuse_marks
from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.ingest.pupils import PupilRecord
from rollbook.ingest.values import parse_bool, too_long
from rollbook.lake import PUPILS
from rollbook.rules.calendar import academic_year_label, academic_year_of
from rollbook.rules.characteristics import parse_sen, parse_sex
from rollbook.rules.dates import parse_date
from rollbook.rules.upn import normalise, problem_with
from rollbook.rules.years import parse_nc_year

ENCODING = "utf-8-sig"  # spreadsheet programs often start a CSV with a byte-order mark


class CsvKind(StrEnum):
    PUPILS = "pupils"
    MARKS = "marks"


PUPILS_REQUIRED = ("upn", "forename", "surname", "dob", "sex")
MARKS_COLUMNS = ("upn", "date", "session", "code")
#: How to read each pupils.csv column other than the UPN; a blank cell means "not given".
PUPILS_READERS: dict[str, Callable[[str], object]] = {
    "forename": str,
    "surname": str,
    "dob": parse_date,
    "sex": parse_sex,
    "nc_year": parse_nc_year,
    "reg_group": str,
    "fsm6": parse_bool,
    "sen": parse_sen,
    "eal": parse_bool,
    "ethnicity": str,
    "admission_date": parse_date,
    "leaving_date": parse_date,
}
DATE_COLUMNS = frozenset({"dob", "admission_date", "leaving_date"})


def header_of(path: Path) -> list[str]:
    """The file's column names, lower-cased; empty when it cannot be read as CSV text."""
    try:
        with path.open(newline="", encoding=ENCODING) as handle:
            return [name.strip().lower() for name in next(csv.reader(handle), [])]
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def csv_kind(path: Path) -> CsvKind | None:
    """Which template a CSV follows, told by its columns: marks have date, session and code."""
    columns = set(header_of(path))
    if {"date", "session", "code"} <= columns:
        return CsvKind.MARKS
    if "upn" in columns and columns & {"forename", "surname", "dob"}:
        return CsvKind.PUPILS
    return None


def _rows(
    path: Path, required: tuple[str, ...], report: ValidationReport
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: cell}) for each data row, once the header has every required column. A row
    with a cell longer than a field may be is refused, naming the column, and not read."""
    with path.open(newline="", encoding=ENCODING) as handle:
        reader = csv.reader(handle)
        header = [name.strip().lower() for name in next(reader, [])]
        if not _short_enough(
            path, 1, [f"column {number}" for number in range(1, len(header) + 1)], header, report
        ):
            return
        missing = [name for name in required if name not in header]
        if missing:
            report.refuse(Kind.BAD_VALUE, f"missing column(s): {', '.join(missing)}", file=path.name, line=1)
            return
        known = set(PUPILS.names) | set(MARKS_COLUMNS)
        extra = [name for name in header if name not in known]
        if extra:
            report.note(Kind.IGNORED, f"extra column(s) not imported: {', '.join(extra)}", file=path.name)
        for row in reader:
            if any(cell.strip() for cell in row) and _short_enough(
                path, reader.line_num, header, row, report
            ):
                yield reader.line_num, dict(zip(header, row, strict=False))


def _short_enough(
    path: Path, line: int, columns: list[str], cells: list[str], report: ValidationReport
) -> bool:
    """Whether every cell of a row fits in a field, refusing each that does not."""
    fits = True
    for column, cell in zip(columns, cells, strict=False):
        if problem := too_long(cell):
            report.refuse(Kind.BAD_VALUE, f"{column} {problem}", file=path.name, line=line)
            fits = False
    return fits


def _cell(cells: dict[str, str], name: str) -> str:
    """The stripped cell under column `name`; blank when the row stops short of it."""
    return cells.get(name, "").strip()


def _upn(cells: dict[str, str], report: ValidationReport, file: str, line: int) -> str:
    upn = normalise(_cell(cells, "upn"))
    if problem := problem_with(upn):
        report.refuse(Kind.BAD_UPN, problem, file=file, line=line, upn=upn or None)
    return upn


def read_pupils_csv(path: Path, report: ValidationReport) -> list[PupilRecord]:
    pupils = []
    try:
        for line, cells in _rows(path, PUPILS_REQUIRED, report):
            upn = _upn(cells, report, path.name, line)
            values: dict[str, object] = {"upn": upn}
            for name, read in PUPILS_READERS.items():
                text = _cell(cells, name)
                if not text:
                    values[name] = None
                    if name in PUPILS_REQUIRED:
                        report.refuse(Kind.BAD_VALUE, f"{name} is blank", file=path.name, line=line, upn=upn)
                    continue
                try:
                    values[name] = read(text)
                except ValueError as error:
                    kind = Kind.BAD_DATE if name in DATE_COLUMNS else Kind.BAD_VALUE
                    report.refuse(kind, f"{name}: {error}", file=path.name, line=line, upn=upn)
                    values[name] = None
            pupils.append(PupilRecord(values, path.name, line=line))
    except (UnicodeDecodeError, csv.Error) as error:
        report.refuse(Kind.UNREADABLE, f"not readable as UTF-8 CSV: {error}", file=path.name)
    return pupils


def read_marks_csv(path: Path, report: ValidationReport, *, academic_year: int | None = None) -> Marks:
    """The marks in a marks.csv. Every date must fall in `academic_year`, or else in the academic year of
    the first row's date."""
    lines, upns, days, sessions, codes = [], [], [], [], []
    dates: dict[str, dt.date | ValueError] = {}
    try:
        for line, cells in _rows(path, MARKS_COLUMNS, report):
            upn = _upn(cells, report, path.name, line)
            text = _cell(cells, "date")
            if text not in dates:
                dates[text] = _date_or_error(text)
            day = dates[text]
            session = _cell(cells, "session").upper()
            code = _cell(cells, "code").upper()
            problem = _mark_problem(day, session, code)
            if problem:
                kind, message = problem
                report.refuse(kind, message, file=path.name, line=line, upn=upn, day=_date_only(day))
                continue
            lines.append(line)
            upns.append(upn)
            days.append(day)
            sessions.append(SESSION_NAMES.index(session))
            codes.append(code)
    except (UnicodeDecodeError, csv.Error) as error:
        report.refuse(Kind.UNREADABLE, f"not readable as UTF-8 CSV: {error}", file=path.name)
    marks = _marks(path, lines, upns, days, sessions, codes)
    if len(marks):
        year = academic_year if academic_year is not None else academic_year_of(marks.date_of(0))
        refuse_marks(
            report,
            marks,
            marks.academic_years() != year,
            Kind.OUTSIDE_YEAR,
            lambda _: f"this date is outside the academic year {academic_year_label(year)}",
        )
    return marks


def _date_or_error(text: str) -> dt.date | ValueError:
    try:
        return parse_date(text)
    except ValueError as error:
        return error


def _date_only(day: dt.date | ValueError) -> dt.date | None:
    return day if isinstance(day, dt.date) else None


def _mark_problem(day: dt.date | ValueError, session: str, code: str) -> tuple[Kind, str] | None:
    if isinstance(day, ValueError):
        return Kind.BAD_DATE, str(day)
    if session not in SESSION_NAMES:
        return Kind.BAD_VALUE, f"session {session!r} is not AM or PM"
    if not code:
        return Kind.BAD_VALUE, "code is blank"
    return None


def _marks(path: Path, lines: list, upns: list, days: list, sessions: list, codes: list) -> Marks:
    upn_values, pupil = np.unique(np.array(upns, dtype=object), return_inverse=True) if upns else ([], [])
    code_values, code = np.unique(np.array(codes, dtype=object), return_inverse=True) if codes else ([], [])
    return Marks(
        [str(value) for value in upn_values],
        np.asarray(pupil, np.int32),
        np.array(days, "datetime64[D]"),
        np.array(sessions, np.int8),
        [str(value) for value in code_values],
        np.asarray(code, np.int32),
        [Origin(path.name, "", "line")],
        np.zeros(len(lines), np.int32),
        np.array(lines, np.int32),
    )
