"""Reading the two attendance CSV templates, pupils.csv and marks.csv (docs/import-formats.md, "CSV
templates"); what every CSV shares is in csv_reading."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np

from rollbook.ingest.csv_reading import cell, read_upn, rows, unreadable
from rollbook.ingest.marks import SESSION_NAMES, Marks, Origin, refuse_marks
from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.ingest.pupils import PupilRecord
from rollbook.ingest.values import parse_bool
from rollbook.lake import PUPILS
from rollbook.rules.calendar import academic_year_label, academic_year_of
from rollbook.rules.characteristics import parse_sen, parse_sex
from rollbook.rules.dates import parse_date
from rollbook.rules.years import parse_nc_year

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


def read_pupils_csv(path: Path, report: ValidationReport) -> list[PupilRecord]:
    pupils = []
    try:
        for line, cells in rows(path, PUPILS_REQUIRED, PUPILS.names, report):
            upn = read_upn(cells, report, path.name, line)
            values: dict[str, object] = {"upn": upn}
            for name, read in PUPILS_READERS.items():
                text = cell(cells, name)
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
        unreadable(error, path.name, report)
    return pupils


def read_marks_csv(path: Path, report: ValidationReport, *, academic_year: int | None = None) -> Marks:
    """The marks in a marks.csv. Every date must fall in `academic_year`, or else in the academic year of
    the first row's date."""
    lines, upns, days, sessions, codes = [], [], [], [], []
    dates: dict[str, dt.date | ValueError] = {}
    try:
        for line, cells in rows(path, MARKS_COLUMNS, MARKS_COLUMNS, report):
            upn = read_upn(cells, report, path.name, line)
            text = cell(cells, "date")
            if text not in dates:
                dates[text] = _date_or_error(text)
            day = dates[text]
            session = cell(cells, "session").upper()
            code = cell(cells, "code").upper()
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
        unreadable(error, path.name, report)
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
