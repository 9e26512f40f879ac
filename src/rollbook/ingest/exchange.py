"""A sync pushed by a school's MIS connector: pupils and session marks for a date range, as JSON
(docs/exchange.md). Plain Python, no Django: the web API hands over the decoded JSON and the school.

The payload becomes the structures the CTF and CSV importers make (PupilRecord, Marks) and passes the same
checks; every problem is listed, placed by its element (`marks[12].code`), and any problem refuses the
whole sync. A range sync replaces, for each pupil it sends, exactly the marks between its `from` and `to`
dates; a year sync replaces the school's whole academic year, pupils and marks. Both land through one
`Lake.replace`, so re-sending the same payload writes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from rollbook.ingest.csv_templates import PUPILS_READERS, PUPILS_REQUIRED
from rollbook.ingest.importer import ImportOutcome, _check_birth_dates
from rollbook.ingest.marks import INDEX, SESSION_NAMES, Marks, Origin, check_marks
from rollbook.ingest.merge import Partitions, Window, plan
from rollbook.ingest.problems import Kind, ValidationReport, show_date
from rollbook.ingest.pupils import PupilRecord
from rollbook.lake import Lake, LakeChanged, new_version_id
from rollbook.rules.calendar import academic_year_bounds, academic_year_of, parse_academic_year
from rollbook.rules.dates import parse_date
from rollbook.rules.upn import problem_with

RANGE, YEAR = "range", "year"
SCOPES = (RANGE, YEAR)
MARK_FIELDS = ("upn", "date", "session", "code")
#: The field of a mark each of check_marks' refusals is about (a duplicate is about the whole mark).
_FIELD_REFUSED = {Kind.UNKNOWN_CODE: "code", Kind.BAD_DATE: "date", Kind.NOT_ON_ROLL: "upn"}
_DATE_FIELDS = frozenset({"dob", "admission_date", "leaving_date"})
#: A payload gives few distinct dates many times over (every mark of a day has its date).
_read_date = functools.lru_cache(maxsize=1024)(parse_date)


@dataclass(frozen=True)
class Sync:
    """A read payload: the dates it replaces (None when they could not be read), and its pupils and marks
    (marks.upns holds every pupil it sends, with or without marks, since each one's marks in the window are
    replaced)."""

    window: Window | None
    pupils: list[PupilRecord]
    marks: Marks

    @property
    def scope(self) -> str:
        return YEAR if self.window is not None and self.window.everyone else RANGE

    def academic_years(self) -> list[int]:
        """The year the window is in; without one, the years of the marks (to find who is on roll)."""
        if self.window is not None:
            return list(self.window.academic_years())
        return sorted({int(year) for year in self.marks.academic_years()})

    def describe(self) -> str:
        """What the sync replaces, in words without a slash: the import history takes it for a file name."""
        if self.window is None:
            return "an unreadable range"
        if self.window.everyone:
            year = academic_year_of(self.window.start)
            return f"the whole academic year {year} to {year + 1}"
        return f"{_spoken(self.window.start)} to {_spoken(self.window.end)}"


def _spoken(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def push(
    data: object, lake: Lake, school: int, *, today: dt.date | None = None, keep_version: bool = False
) -> tuple[ImportOutcome, Sync]:
    """Check the decoded JSON `data` and land it for `school`, or change nothing and say why; the
    outcome's report lists every problem. It lands only onto the school's data it was checked against
    (another write in between refuses it, to be sent again); `keep_version` keeps what it replaced, for
    undo, as the outcome's `version`."""
    today = today or dt.date.today()
    report = ValidationReport.listing_everything()
    outcome = ImportOutcome([], report, urn=school)
    sync = read(data, report, today)
    outcome.lake_state = lake.state(school)
    current = Partitions(lake, school)
    roll = {} if sync.scope == YEAR else current.roll(sync.academic_years())
    roll.update({p.upn: (p.values["admission_date"], p.values["leaving_date"]) for p in sync.pupils})
    marks = _check(sync.marks, roll, report, today)
    if report.refused or sync.window is None:
        return outcome, sync
    changes = plan(current, sync.academic_years(), sync.pupils, marks, sync.window)
    version = new_version_id() if keep_version and changes.partitions else None
    try:
        written = lake.replace(changes.partitions, keep=version, expect=outcome.lake_state)
    except LakeChanged:
        report.refuse(
            Kind.CHANGED_MEANWHILE,
            "the school's data changed while this sync was checked (another sync or import landed); "
            "nothing was changed: send it again",
        )
        return outcome, sync
    outcome.landed, outcome.partitions_written, outcome.version = True, written, version if written else None
    outcome.counts, outcome.weeks, outcome.planned = changes.counts, changes.weeks, sorted(changes.partitions)
    return outcome, sync


def push_json(
    body: bytes, lake: Lake, school: int, *, today: dt.date | None = None, keep_version: bool = False
) -> tuple[ImportOutcome, Sync]:
    """`push` for a request's body, refused whole when it is not JSON."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:
        report = ValidationReport.listing_everything()
        report.refuse(Kind.UNREADABLE, f"the payload is not JSON: {error}")
        return ImportOutcome([], report, urn=school), Sync(None, [], Marks.empty())
    return push(data, lake, school, today=today, keep_version=keep_version)


def read(data: object, report: ValidationReport, today: dt.date) -> Sync:
    """The payload as a Sync, refusing every element that is wrong."""
    if not isinstance(data, Mapping):
        report.refuse(Kind.BAD_VALUE, f"the payload must be a JSON object, not {_json_type(data)}")
        return Sync(None, [], Marks.empty())
    _refuse_unknown(data, PAYLOAD_SCHEMA["properties"], "", report)
    window = _window(data, report, today)
    pupils = [
        pupil
        for index, item in _items(data, "pupils", report)
        if (pupil := _pupil(item, f"pupils[{index}]", report)) is not None
    ]
    _refuse_repeated_pupils(pupils, report)
    _check_birth_dates(pupils, today, report)
    if window is not None and window.everyone and not pupils:
        report.refuse(Kind.BAD_VALUE, "a whole-year sync must send the year's pupils", where="pupils")
    return Sync(window, pupils, _marks(data, [pupil.upn for pupil in pupils], window, report))


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


def _refuse_unknown(item: Mapping[str, Any], known: Mapping[str, object], at: str, report: ValidationReport):
    for name in item:
        if name not in known:
            report.refuse(
                Kind.BAD_VALUE,
                f"unknown field {name!r}; the fields are {', '.join(known)}",
                where=_path(at, str(name)),
            )


def _path(at: str, name: str) -> str:
    return f"{at}.{name}" if at else name


def _window(data: Mapping[str, Any], report: ValidationReport, today: dt.date) -> Window | None:
    scope = data.get("scope", RANGE)
    if scope not in SCOPES:
        report.refuse(Kind.BAD_VALUE, f"scope {scope!r} is not {' or '.join(SCOPES)}", where="scope")
        return None
    if scope == YEAR:
        return _year_window(data, report, today)
    if "academic_year" in data:
        report.refuse(
            Kind.BAD_VALUE, 'academic_year is for a whole-year sync ("scope": "year")', where="academic_year"
        )
    start, end = (_date(data, name, report, required=True) for name in ("from", "to"))
    if start is None or end is None:
        return None
    wrong = len(report.refusals)
    if start > end:
        report.refuse(Kind.BAD_DATE, f"from ({show_date(start)}) is after to ({show_date(end)})", where="to")
    if end > today:
        report.refuse(Kind.BAD_DATE, f"to ({show_date(end)}) is in the future", where="to")
    if academic_year_of(start) != academic_year_of(end):
        report.refuse(
            Kind.OUTSIDE_YEAR,
            "from and to must be in one academic year (1 August to 31 July); send each year separately",
            where="to",
        )
    return Window(start, end) if len(report.refusals) == wrong else None


def _year_window(data: Mapping[str, Any], report: ValidationReport, today: dt.date) -> Window | None:
    for name in ("from", "to"):
        if name in data:
            report.refuse(Kind.BAD_VALUE, f"{name} is not used in a whole-year sync", where=name)
    value = data.get("academic_year")
    try:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError
        year = value if isinstance(value, int) else parse_academic_year(value)
        start, end = academic_year_bounds(year)
    except (ValueError, OverflowError):
        report.refuse(
            Kind.BAD_VALUE,
            f'academic_year must be the year it starts in, such as 2024 or "2024/25", not {value!r}',
            where="academic_year",
        )
        return None
    if start > today:
        report.refuse(Kind.BAD_DATE, f"the academic year {year} has not begun", where="academic_year")
        return None
    return Window(start, end, everyone=True)


def _date(item: Mapping[str, Any], name: str, report: ValidationReport, *, required: bool, at: str = ""):
    value = item.get(name)
    where = _path(at, name)
    if value is None:
        if required:
            report.refuse(Kind.BAD_DATE, f"{name} is missing (a date, YYYY-MM-DD)", where=where)
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not a date (write YYYY-MM-DD)")
        return _read_date(value)
    except ValueError as error:
        report.refuse(Kind.BAD_DATE, str(error), where=where)
        return None


def _items(data: Mapping[str, Any], name: str, report: ValidationReport) -> Iterator[tuple[int, Mapping]]:
    """The objects of the list `name` (absent means none), refusing the list or any item not an object."""
    value = data.get(name, [])
    if not isinstance(value, list):
        report.refuse(Kind.BAD_VALUE, f"{name} must be a list, not {_json_type(value)}", where=name)
        return
    for index, item in enumerate(value):
        if isinstance(item, Mapping):
            yield index, item
        else:
            report.refuse(
                Kind.BAD_VALUE, f"must be an object, not {_json_type(item)}", where=f"{name}[{index}]"
            )


def _text(value: object) -> str | None:
    """A scalar as the CSV readers take it; None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    return None


def _upn(value: object, where: str, report: ValidationReport) -> str | None:
    upn = value.strip().upper() if isinstance(value, str) else None
    if upn is not None:
        problem = problem_with(upn)
    else:
        problem = "upn is missing" if value is None else f"the UPN must be text, not {_json_type(value)}"
    if problem:
        report.refuse(Kind.BAD_UPN, problem, where=where, upn=upn or None)
        return None
    return upn


def _pupil(item: Mapping[str, Any], at: str, report: ValidationReport) -> PupilRecord | None:
    """One pupil as the CSV template reads it, each field checked by the same reader; None without a UPN.
    A pupil with a bad field is kept, so that their marks are not refused as well for being off roll."""
    _refuse_unknown(item, PUPIL_SCHEMA["properties"], at, report)
    upn = _upn(item.get("upn"), f"{at}.upn", report)
    values: dict[str, object] = {"upn": upn}
    for name, read_value in PUPILS_READERS.items():
        where = f"{at}.{name}"
        given = item.get(name)
        text = _text(given)
        values[name] = None
        if given is not None and text is None:
            report.refuse(Kind.BAD_VALUE, f"must be text, not {_json_type(given)}", where=where, upn=upn)
            continue
        if text is None or not text.strip():
            if name in PUPILS_REQUIRED:
                report.refuse(Kind.BAD_VALUE, f"{name} is missing", where=where, upn=upn)
            continue
        try:
            values[name] = read_value(text.strip())
        except ValueError as error:
            kind = Kind.BAD_DATE if name in _DATE_FIELDS else Kind.BAD_VALUE
            report.refuse(kind, str(error), where=where, upn=upn)
    return PupilRecord(values, "", at) if upn is not None else None


def _refuse_repeated_pupils(pupils: list[PupilRecord], report: ValidationReport) -> None:
    first: dict[str, PupilRecord] = {}
    for pupil in pupils:
        earlier = first.setdefault(pupil.upn, pupil)
        if earlier is not pupil:
            report.refuse(
                Kind.BAD_VALUE,
                f"this pupil is also sent at {earlier.where}",
                where=pupil.where,
                upn=pupil.upn,
            )


def _marks(
    data: Mapping[str, Any], sent: list[str], window: Window | None, report: ValidationReport
) -> Marks:
    """The payload's well-formed marks, with every pupil sent in the dictionary of UPNs."""
    upns: dict[str, int] = {upn: index for index, upn in enumerate(dict.fromkeys(sent))}
    codes: dict[str, int] = {}
    rows: list[tuple[int, dt.date, int, int, int]] = []
    for index, item in _items(data, "marks", report):
        at = f"marks[{index}]"
        _refuse_unknown(item, MARK_SCHEMA["properties"], at, report)
        mark = _mark(item, at, window, report)
        if mark is not None:
            upn, day, session, code = mark
            rows.append(
                (upns.setdefault(upn, len(upns)), day, session, codes.setdefault(code, len(codes)), index)
            )
    pupil, day, session, code, position = zip(*rows, strict=True) if rows else ([], [], [], [], [])
    return Marks(
        list(upns),
        np.array(pupil, np.int32),
        np.array(day, "datetime64[D]"),
        np.array(session, np.int8),
        list(codes),
        np.array(code, np.int32),
        [Origin("", "marks", INDEX)],
        np.zeros(len(rows), np.int32),
        np.array(position, np.int32),
    )


def _mark(
    item: Mapping[str, Any], at: str, window: Window | None, report: ValidationReport
) -> tuple[str, dt.date, int, str] | None:
    wrong = len(report.refusals)
    upn = _upn(item.get("upn"), f"{at}.upn", report)
    day = _date(item, "date", report, required=True, at=at)
    if day is not None and window is not None and not window.start <= day <= window.end:
        report.refuse(
            Kind.OUTSIDE_YEAR if window.everyone else Kind.BAD_DATE,
            f"the date is outside the sync's dates, {show_date(window.start)} to {show_date(window.end)}",
            where=f"{at}.date",
            upn=upn,
            day=day,
        )
    session = item.get("session")
    if not isinstance(session, str) or session.strip().upper() not in SESSION_NAMES:
        report.refuse(Kind.BAD_VALUE, f"session {session!r} is not AM or PM", where=f"{at}.session", upn=upn)
    code = item.get("code")
    if not isinstance(code, str) or not code.strip():
        report.refuse(Kind.BAD_VALUE, f"code {code!r} is not a register code", where=f"{at}.code", upn=upn)
    if len(report.refusals) > wrong or upn is None or day is None:
        return None
    return upn, day, SESSION_NAMES.index(session.strip().upper()), code.strip().upper()


def _check(marks: Marks, roll: Mapping, report: ValidationReport, today: dt.date) -> Marks:
    """The importers' checks of marks (codes for their dates, not in the future, on roll, duplicates), each
    refusal placed at the mark's field it is about."""
    found = ValidationReport.listing_everything()
    marks = check_marks(marks, roll, found, today)
    for problem in found.refusals.listed:
        field = _FIELD_REFUSED.get(problem.kind)
        report.refusals.add(replace(problem, where=f"{problem.where}.{field}") if field else problem)
    for problem in found.notes.listed:
        report.notes.add(problem)
    return marks


# -- the payload's JSON Schema, for the API's OpenAPI document ---------------------------------------------

_DATE = {"type": "string", "format": "date"}
_OPTIONAL_DATE = {"type": ["string", "null"], "format": "date"}
_UPN = {"type": "string", "pattern": r"^[A-Za-z]\d{11}[0-9A-Za-z]$", "description": "Unique Pupil Number"}
_PUPIL_PROPERTIES: dict[str, dict[str, object]] = {
    "upn": _UPN,
    "forename": {"type": "string", "minLength": 1},
    "surname": {"type": "string", "minLength": 1},
    "dob": _DATE,
    "sex": {"type": "string", "enum": ["M", "F"]},
    "nc_year": {
        "type": ["integer", "string", "null"],
        "minimum": 1,
        "maximum": 14,
        "description": "National Curriculum year: R, 1 to 14, N1, N2; X or null when not following it",
    },
    "reg_group": {"type": ["string", "null"]},
    "fsm6": {"type": ["boolean", "null"], "description": "eligible for free school meals in six years"},
    "sen": {"type": ["string", "null"], "enum": ["N", "K", "E", None], "description": "SEN provision"},
    "eal": {"type": ["boolean", "null"], "description": "English as an additional language"},
    "ethnicity": {"type": ["string", "null"], "description": "DfE ethnicity code, such as WBRI"},
    "admission_date": _OPTIONAL_DATE,
    "leaving_date": _OPTIONAL_DATE,
}
PUPIL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": list(PUPILS_REQUIRED),
    "additionalProperties": False,
    "properties": _PUPIL_PROPERTIES,
}
MARK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": list(MARK_FIELDS),
    "additionalProperties": False,
    "properties": {
        "upn": _UPN,
        "date": _DATE,
        "session": {"type": "string", "enum": list(SESSION_NAMES)},
        "code": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2,
            "description": "register code, e.g. / \\ I C1",
        },
    },
}
PAYLOAD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "scope": {
            "type": "string",
            "enum": list(SCOPES),
            "default": RANGE,
            "description": "range: replace the pupils' marks from `from` to `to`; year: replace the academic "
            "year's pupils and marks",
        },
        "from": {**_DATE, "description": "first date replaced (range)"},
        "to": {**_DATE, "description": "last date replaced (range); not in the future"},
        "academic_year": {
            "type": ["integer", "string"],
            "description": "the year replaced (year), by its first calendar year: 2024 is 2024/25",
        },
        "pupils": {"type": "array", "items": PUPIL_SCHEMA},
        "marks": {"type": "array", "items": MARK_SCHEMA},
    },
}
