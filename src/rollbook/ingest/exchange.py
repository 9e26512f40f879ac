"""A sync pushed by a school's MIS connector: pupils and session marks for a date range, as JSON
(docs/exchange.md). Plain Python, no Django: the web API hands over the decoded JSON and the school.

The payload is read by its model (sync_payload) and becomes the structures the CTF and CSV importers make
(PupilRecord, Marks), which pass the same checks; every problem is listed, placed by its element
(`marks[12].code`), and any problem refuses the whole sync. A range sync replaces, for each pupil it
sends, exactly the marks between its `from` and `to` dates; a year sync replaces the school's whole
academic year, pupils and marks. Both land through one `Lake.replace`, so re-sending the same payload
writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from rollbook.ingest.importer import ImportOutcome, _check_birth_dates
from rollbook.ingest.marks import INDEX, Marks, Origin, check_marks
from rollbook.ingest.merge import Partitions, Window, plan
from rollbook.ingest.problems import Kind, ValidationReport, show_date
from rollbook.ingest.pupils import PupilRecord
from rollbook.ingest.sync_payload import RANGE, YEAR, SyncMark, SyncWindow, read_payload
from rollbook.lake import Lake, LakeChanged, new_version_id
from rollbook.rules.calendar import academic_year_bounds, academic_year_of

#: The field of a mark each of check_marks' refusals is about (a duplicate is about the whole mark).
_FIELD_REFUSED = {Kind.UNKNOWN_CODE: "code", Kind.BAD_DATE: "date", Kind.NOT_ON_ROLL: "upn"}


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
    roll.update({p.upn: (p.values.get("admission_date"), p.values.get("leaving_date")) for p in sync.pupils})
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
    """The payload as a Sync, refusing every element that is wrong: first each field that cannot be read
    (sync_payload), then what needs several fields together."""
    found = read_payload(data)
    for problem in found.problems:
        report.refusals.add(problem)
    window = _window(found.window, report, today) if found.window is not None else None
    readable = [(index, _pupil(index, pupil.model_dump())) for index, pupil in found.pupils]
    unreadable = [(index, _pupil(index, {"upn": upn})) for index, upn in found.unreadable_pupils]
    pupils = [record for _, record in sorted(readable + unreadable, key=lambda each: each[0])]
    _refuse_repeated_pupils(pupils, report)
    _check_birth_dates([record for _, record in readable], today, report)
    if window is not None and window.everyone and not pupils:
        report.refuse(Kind.BAD_VALUE, "a whole-year sync must send the year's pupils", element="pupils")
    return Sync(window, pupils, _marks(found.marks, [pupil.upn for pupil in pupils], window, report))


def _pupil(index: int, values: dict[str, object]) -> PupilRecord:
    return PupilRecord(values, "", element=f"pupils[{index}]")


def _window(sent: SyncWindow, report: ValidationReport, today: dt.date) -> Window | None:
    if sent.scope == YEAR:
        return _year_window(sent, report, today)
    if sent.academic_year is not None:
        message = 'academic_year is for a whole-year sync ("scope": "year")'
        report.refuse(Kind.BAD_VALUE, message, element="academic_year")
    for name, day in (("from", sent.start), ("to", sent.end)):
        if day is None:
            report.refuse(Kind.BAD_DATE, f"{name} is missing (a date, YYYY-MM-DD)", element=name)
    start, end = sent.start, sent.end
    if start is None or end is None:
        return None
    wrong = len(report.refusals)
    if start > end:
        message = f"from ({show_date(start)}) is after to ({show_date(end)})"
        report.refuse(Kind.BAD_DATE, message, element="to")
    if end > today:
        report.refuse(Kind.BAD_DATE, f"to ({show_date(end)}) is in the future", element="to")
    if academic_year_of(start) != academic_year_of(end):
        report.refuse(
            Kind.OUTSIDE_YEAR,
            "from and to must be in one academic year (1 August to 31 July); send each year separately",
            element="to",
        )
    return Window(start, end) if len(report.refusals) == wrong else None


def _year_window(sent: SyncWindow, report: ValidationReport, today: dt.date) -> Window | None:
    for name, day in (("from", sent.start), ("to", sent.end)):
        if day is not None:
            report.refuse(Kind.BAD_VALUE, f"{name} is not used in a whole-year sync", element=name)
    if sent.academic_year is None:
        report.refuse(
            Kind.BAD_VALUE,
            'academic_year must be the year it starts in, such as 2024 or "2024/25"',
            element="academic_year",
        )
        return None
    start, end = academic_year_bounds(sent.academic_year)
    if start > today:
        report.refuse(
            Kind.BAD_DATE, f"the academic year {sent.academic_year} has not begun", element="academic_year"
        )
        return None
    return Window(start, end, everyone=True)


def _refuse_repeated_pupils(pupils: list[PupilRecord], report: ValidationReport) -> None:
    first: dict[str, PupilRecord] = {}
    for pupil in pupils:
        earlier = first.setdefault(pupil.upn, pupil)
        if earlier is not pupil:
            report.refuse(
                Kind.BAD_VALUE,
                f"this pupil is also sent at {earlier.where}",
                element=pupil.element,
                upn=pupil.upn,
            )


def _marks(
    sent: list[tuple[int, SyncMark]], pupils: list[str], window: Window | None, report: ValidationReport
) -> Marks:
    """The marks sent within the window, with every pupil sent in the dictionary of UPNs."""
    upns: dict[str, int] = {upn: index for index, upn in enumerate(dict.fromkeys(pupils))}
    codes: dict[str, int] = {}
    pupil = np.array([upns.setdefault(mark["upn"], len(upns)) for _, mark in sent], np.int32)
    code = np.array([codes.setdefault(mark["code"], len(codes)) for _, mark in sent], np.int32)
    day = pa.array([mark["date"] for _, mark in sent], pa.date32()).to_numpy(zero_copy_only=False)
    session = np.array([mark["session"] == "PM" for _, mark in sent], np.int8)
    position = np.array([index for index, _ in sent], np.int32)
    origins = [Origin("", "marks", INDEX)]
    marks = Marks(list(upns), pupil, day, session, list(codes), code, origins, np.zeros_like(code), position)
    if window is None:
        return marks
    outside = (day < np.datetime64(window.start, "D")) | (day > np.datetime64(window.end, "D"))
    for row in np.flatnonzero(outside):
        report.refuse(
            Kind.OUTSIDE_YEAR if window.everyone else Kind.BAD_DATE,
            f"the date is outside the sync's dates, {show_date(window.start)} to {show_date(window.end)}",
            element=f"marks[{position[row]}].date",
            upn=marks.upn_of(int(row)),
            day=marks.date_of(int(row)),
        )
    return marks.take(~outside) if outside.any() else marks


def _check(marks: Marks, roll: Mapping, report: ValidationReport, today: dt.date) -> Marks:
    """The importers' checks of marks (codes for their dates, not in the future, on roll, duplicates), each
    refusal placed at the mark's field it is about."""
    found = ValidationReport.listing_everything()
    marks = check_marks(marks, roll, found, today)
    for problem in found.refusals.listed:
        field = _FIELD_REFUSED.get(problem.kind)
        report.refusals.add(replace(problem, element=f"{problem.element}.{field}") if field else problem)
    for problem in found.notes.listed:
        report.notes.add(problem)
    return marks
