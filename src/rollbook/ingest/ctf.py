"""Reading a DfE Common Transfer File: the source school, its pupils and their session marks.

Element names follow the DfE's CTF specification; docs/import-formats.md says what each becomes in the
lake.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
from lxml import etree

from rollbook.ingest.marks import Marks, Origin, refuse_marks
from rollbook.ingest.problems import MAX_LISTED_PER_KIND, Kind, ValidationReport
from rollbook.ingest.pupils import PupilRecord
from rollbook.ingest.tokens import Tokens, tokenise
from rollbook.ingest.values import MAX_FIELD_LENGTH, too_long
from rollbook.rules.attendance.codes import ATTENDING, AUTHORISED, CATEGORY_OF, UNAUTHORISED
from rollbook.rules.calendar import (
    academic_year_bounds,
    academic_year_label,
    parse_academic_year,
)
from rollbook.rules.characteristics import parse_sen, parse_sex
from rollbook.rules.upn import normalise, problem_with
from rollbook.rules.years import parse_nc_year

NO_SESSION = "#"
#: An AttendanceMarks string holds at most a year's sessions, two characters each (a 2024 code such as C1).
MAX_MARKS_LENGTH = 366 * 2 * 2
#: First languages that do not make a pupil EAL: English, believed English, not obtained, refused.
NOT_EAL_LANGUAGES = frozenset({"ENG", "ENB", "NOT", "REF"})
FIRST_LANGUAGE = "F"
#: FSM6 looks back over the imported academic year and the five before it.
FSM6_YEARS = 6
#: The sender's totals and the categories each one counts.
SENDER_TOTALS = {
    "SessionsPossible": ATTENDING | {AUTHORISED, UNAUTHORISED},
    "SessionsAttended": ATTENDING,
    "SessionsAuthorised": frozenset({AUTHORISED}),
    "SessionsUnauthorised": frozenset({UNAUTHORISED}),
}

T = TypeVar("T")


@dataclass(frozen=True)
class SourceSchool:
    la: int | None = None
    estab: int | None = None
    urn: int | None = None
    name: str | None = None
    academic_year: int | None = None

    def sent(self, la: int | None, estab: int | None) -> bool:
        """Whether a YearData naming `la` and `estab` (either may be absent) is this school's own."""
        return (la is None or la == self.la) and (estab is None or estab == self.estab)


@dataclass
class CtfFile:
    path: Path
    school: SourceSchool = field(default_factory=SourceSchool)
    pupils: list[PupilRecord] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks.empty)


class Node:
    """An element whose children are found by tag through a dictionary: a CTF needs many small lookups, and
    this is several times quicker than lxml's ElementPath for them."""

    __slots__ = ("element", "_children")

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self._children: dict[object, Node] | None = None

    def find(self, path: str) -> Node | None:
        node: Node | None = self
        for tag in path.split("/"):
            if node._children is None:
                node._children = {}
                for child in node.element:
                    node._children.setdefault(child.tag, Node(child))
            node = node._children.get(tag)
            if node is None:
                return None
        return node

    def text(self, path: str) -> str | None:
        """The stripped text at `path`; None when absent or blank."""
        node = self.find(path)
        value = node.element.text if node is not None else None
        return value.strip() or None if value is not None else None

    def all(self, path: str) -> Iterator[Node]:
        """Every element at `path` (whose last step may repeat)."""
        parent_path, _, tag = path.rpartition("/")
        parent = self.find(parent_path) if parent_path else self
        if parent is not None:
            yield from (Node(child) for child in parent.element.iterchildren(tag))


@dataclass
class _MarksString:
    """One AttendSessions element: whose marks, from which date, for which academic year."""

    pupil: str
    start: dt.date
    year: int
    totals: int  # index of its YearData among those with totals to check
    element: str


@dataclass
class _Reader:
    """Reads one file, filing problems against it."""

    path: Path
    report: ValidationReport
    strings: list[str] = field(default_factory=list)
    runs: list[_MarksString] = field(default_factory=list)
    totals: list[tuple[str, str, dict[str, int]]] = field(default_factory=list)
    other_schools: dict[tuple[str, int], set[str]] = field(default_factory=lambda: defaultdict(set))

    def refuse(self, kind: Kind, message: str, where: str, upn: str | None = None) -> None:
        self.report.refuse(kind, message, file=self.path.name, element=where, upn=upn)

    def value(
        self,
        element: Node,
        path: str,
        where: str,
        read: Callable[[str], T],
        *,
        kind: Kind = Kind.BAD_VALUE,
        upn: str | None = None,
        required: bool = False,
        limit: int = MAX_FIELD_LENGTH,
    ) -> T | None:
        """The element's text read by `read`; None when absent (refused if `required`), longer than `limit`
        characters (refused) or unreadable."""
        text = element.text(path)
        if text is None:
            if required:
                self.refuse(Kind.BAD_VALUE, f"{path} is missing", where, upn)
            return None
        if problem := too_long(text, limit):
            self.refuse(Kind.BAD_VALUE, f"{path} {problem}", where, upn)
            return None
        try:
            return read(text)
        except ValueError as error:
            self.refuse(kind, f"{path}: {error}", where, upn)
            return None

    def text(
        self, element: Node, path: str, where: str, upn: str | None = None, *, limit: int = MAX_FIELD_LENGTH
    ) -> str | None:
        """The element's text as it is; None when absent or, refused, when longer than `limit`."""
        return self.value(element, path, where, str, upn=upn, limit=limit)

    def date(
        self,
        element: Node,
        path: str,
        where: str,
        upn: str | None = None,
        *,
        required: bool = False,
    ) -> dt.date | None:
        return self.value(element, path, where, _ctf_date, kind=Kind.BAD_DATE, upn=upn, required=required)


def _ctf_date(text: str) -> dt.date:
    try:
        if len(text) == len("YYYY-MM-DD"):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")


def read_ctf(path: Path, report: ValidationReport, *, academic_year: int | None = None) -> CtfFile:
    """The school, pupils and marks in a CTF, with every problem filed in `report`.

    `academic_year` stands in for the header's AcademicYear, when it has none, in working out FSM6; with
    neither, the CTF is refused, asking for the year.
    """
    ctf = CtfFile(path)
    root = _parse(path, report)
    if root is None:
        return ctf
    reader = _Reader(path, report)
    ctf.school = _source_school(reader, root)
    if ctf.school.la is None and ctf.school.urn is None:
        reader.refuse(
            Kind.BAD_VALUE, "the header names no source school (URN, or LEA and Estab)", "Header/SourceSchool"
        )
    year = ctf.school.academic_year or academic_year
    if year is None:
        reader.refuse(
            Kind.YEAR,
            "the header gives no AcademicYear, so free school meals cannot be counted; give the academic "
            "year the file is for",
            "Header/SourceSchool",
        )
    for number, element in enumerate(root.all("CTFpupilData/Pupil"), start=1):
        pupil = _pupil(reader, element, f"Pupil[{number}]", ctf.school, year)
        if pupil is not None:
            ctf.pupils.append(pupil)
    ctf.marks = _marks(reader)
    for (school, year_data), upns in sorted(reader.other_schools.items()):
        report.note(
            Kind.OTHER_SCHOOL,
            f"attendance at {school} in {academic_year_label(year_data)} for {len(upns):,} pupil(s) "
            "was not imported",
            file=path.name,
        )
    return ctf


def _parse(path: Path, report: ValidationReport) -> Node | None:
    """The file's root element; None, with the reason refused, when it cannot be opened or parsed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return Node(etree.parse(str(path), parser).getroot())
    except etree.XMLSyntaxError as error:
        report.refuse(Kind.UNREADABLE, f"not readable XML: {error.msg}", file=path.name, line=error.lineno)
    except OSError as error:  # lxml's error for a file it cannot open
        reason = f"cannot be opened: {error}" if path.exists() else "no such file"
        report.refuse(Kind.UNREADABLE, reason, file=path.name)
    return None


def _source_school(reader: _Reader, root: Node) -> SourceSchool:
    where = "Header/SourceSchool"
    source = root.find(where)
    if source is None:
        return SourceSchool()
    return SourceSchool(
        la=reader.value(source, "LEA", where, int),
        estab=reader.value(source, "Estab", where, int),
        urn=reader.value(source, "URN", where, int),
        name=reader.text(source, "SchoolName", where),
        academic_year=reader.value(source, "AcademicYear", where, parse_academic_year),
    )


def _pupil(
    reader: _Reader, element: Node, where: str, school: SourceSchool, year: int | None
) -> PupilRecord | None:
    upn = reader.value(element, "UPN", where, normalise, required=True)
    if upn is None:
        return None
    if problem := problem_with(upn):
        reader.refuse(Kind.BAD_UPN, problem, f"{where}/UPN", upn)
    admission, leaving = _enrolment(reader, element, where, upn, school)
    values = {
        "upn": upn,
        "forename": reader.value(element, "Forename", where, str, upn=upn, required=True),
        "surname": reader.value(element, "Surname", where, str, upn=upn, required=True),
        "dob": reader.date(element, "DOB", where, upn, required=True),
        "sex": reader.value(element, "Gender", where, parse_sex, upn=upn, required=True),
        "nc_year": reader.value(element, "BasicDetails/NCyearActual", where, parse_nc_year, upn=upn),
        "reg_group": None,
        "fsm6": _fsm6(reader, element, where, upn, year),
        "sen": _sen(reader, element, where, upn),
        "eal": _eal(element),
        "ethnicity": reader.text(element, "BasicDetails/Ethnicity", where, upn),
        "admission_date": admission,
        "leaving_date": leaving,
    }
    _attendance(reader, element, where, upn, school)
    return PupilRecord(values, reader.path.name, element=where)


def _eal(element: Node) -> bool | None:
    """Whether the first language is other than English; None when the CTF gives no first language."""
    for language in element.all("BasicDetails/Languages/Type"):
        if (language.text("LanguageType") or "").upper() == FIRST_LANGUAGE:
            return (language.text("Language") or "").upper() not in NOT_EAL_LANGUAGES
    return None


def _fsm6(reader: _Reader, element: Node, where: str, upn: str, year: int | None) -> bool | None:
    """Whether any FSM spell overlaps the six academic years ending with `year`; None with no history, or
    no year to count back from."""
    history = element.find("FSMhistory")
    if history is None or year is None:
        return None
    window_start = academic_year_bounds(year - FSM6_YEARS + 1)[0]
    window_end = academic_year_bounds(year)[1]
    eligible = False
    for number, spell in enumerate(history.all("FSMinstance"), start=1):
        place = f"{where}/FSMhistory/FSMinstance[{number}]"
        start = reader.date(spell, "FSMstartDate", place, upn)
        end = reader.date(spell, "FSMendDate", place, upn)
        eligible |= (start is None or start <= window_end) and (end is None or end >= window_start)
    return eligible


def _sen(reader: _Reader, element: Node, where: str, upn: str) -> str | None:
    """The provision of the latest SEN record, or None with no SEN history."""
    latest: tuple[dt.date, str] | None = None
    for number, record in enumerate(element.all("SENhistory/SEN"), start=1):
        place = f"{where}/SENhistory/SEN[{number}]"
        start = reader.date(record, "StartDate", place, upn) or dt.date.min
        provision = reader.value(record, "SENprovision", place, parse_sen, upn=upn, required=True)
        if provision is not None and (latest is None or start >= latest[0]):
            latest = (start, provision)
    return latest[1] if latest else None


def _enrolment(
    reader: _Reader, element: Node, where: str, upn: str, school: SourceSchool
) -> tuple[dt.date | None, dt.date | None]:
    """Entry and leaving dates at the source school, from the pupil's latest entry there."""
    found: tuple[dt.date | None, dt.date | None] = (None, None)
    for number, record in enumerate(element.all("SchoolHistory/School"), start=1):
        place = f"{where}/SchoolHistory/School[{number}]"
        if (
            reader.value(record, "LEA", place, int) != school.la
            or reader.value(record, "Estab", place, int) != school.estab
        ):
            continue
        entry = reader.date(record, "EntryDate", place, upn)
        if found[0] is None or (entry is not None and entry >= found[0]):
            found = (entry, reader.date(record, "LeavingDate", place, upn))
    return found


def _attendance(reader: _Reader, element: Node, where: str, upn: str, school: SourceSchool) -> None:
    for number, year_data in enumerate(element.all("Attendance/YearData"), start=1):
        place = f"{where}/Attendance/YearData[{number}]"
        year = reader.value(year_data, "Year", place, parse_academic_year, upn=upn, required=True)
        if year is None:
            continue
        la, estab = reader.value(year_data, "LEA", place, int), reader.value(year_data, "Estab", place, int)
        if not school.sent(la, estab):
            name = reader.text(year_data, "SchoolName", place, upn) or "another school"
            reader.other_schools[(f"{name} (LEA {la}, Estab {estab})", year)].add(upn)
            continue
        totals = {name: reader.value(year_data, name, place, int, upn=upn) for name in SENDER_TOTALS}
        reader.totals.append(
            (place, upn, {name: value for name, value in totals.items() if value is not None})
        )
        for run, sessions in enumerate(year_data.all("AttendSessions"), start=1):
            run_place = f"{place}/AttendSessions[{run}]"
            start = reader.date(sessions, "AttendanceStartDate", run_place, upn, required=True)
            if sessions.find("AttendanceMarks") is None:
                reader.refuse(Kind.BAD_VALUE, "AttendanceMarks is missing", run_place, upn)
            marks = reader.text(sessions, "AttendanceMarks", run_place, upn, limit=MAX_MARKS_LENGTH)
            if start is None or marks is None:
                continue
            reader.strings.append(marks)
            reader.runs.append(
                _MarksString(upn, start, year, len(reader.totals) - 1, f"{run_place}/AttendanceMarks")
            )


def _marks(reader: _Reader) -> Marks:
    """Every marks string read as tokens, one session each, `#` dropped, checked against its YearData."""
    tokens, unreadable, unread_count = tokenise(reader.strings, MAX_LISTED_PER_KIND)
    for bad in unreadable:
        run = reader.runs[bad.string]
        reader.refuse(
            Kind.UNKNOWN_CODE,
            f'cannot read character {bad.character} (in "{bad.text}"): a digit that does not follow a letter',
            run.element,
            run.pupil,
        )
    reader.report.refusals.add_more(Kind.UNKNOWN_CODE, max(0, unread_count - len(unreadable)))

    upns = list(dict.fromkeys(run.pupil for run in reader.runs))
    position = {upn: i for i, upn in enumerate(upns)}
    pupil_of_run = np.array([position[run.pupil] for run in reader.runs] + [0], np.int32)
    start_of_run = np.array([run.start for run in reader.runs] + [dt.date.min], "datetime64[D]")
    session = tokens.index % 2
    day = start_of_run[tokens.string] + (tokens.index // 2)
    no_session = tokens.code == (tokens.codes.index(NO_SESSION) if NO_SESSION in tokens.codes else -1)
    skipped = int(no_session.sum())
    if skipped:
        reader.report.note(
            Kind.SKIPPED_SESSIONS,
            f"{skipped:,} sessions marked # (no session) were skipped",
            file=reader.path.name,
        )
    marks = Marks(
        upns,
        pupil_of_run[tokens.string],
        day,
        session.astype(np.int8),
        tokens.codes,
        tokens.code,
        [Origin(reader.path.name, run.element, "session") for run in reader.runs],
        tokens.string,
        tokens.index + 1,
    ).take(~no_session & ~_lone_digits(tokens))
    _check_years(reader, marks)
    _check_totals(reader, marks)
    return marks


def _lone_digits(tokens: Tokens) -> np.ndarray:
    """Tokens that are a digit alone: already refused as unreadable, so not refused again as codes."""
    is_digit = np.array([code.isdigit() for code in tokens.codes] + [False])
    return is_digit[tokens.code]


def _check_years(reader: _Reader, marks: Marks) -> None:
    years = np.array([run.year for run in reader.runs] + [0], np.int64)[marks.origin]
    outside = marks.academic_years() != years

    def describe(row: int) -> str:
        label = academic_year_label(int(years[row]))
        return f"this date is outside the academic year {label} given by YearData/Year"

    refuse_marks(reader.report, marks, outside, Kind.OUTSIDE_YEAR, describe)


def _check_totals(reader: _Reader, marks: Marks) -> None:
    """Warn where the sender's own totals disagree with the marks."""
    group_of_run = np.array([run.totals for run in reader.runs] + [0], np.int64)
    group = group_of_run[marks.origin]
    for name, categories in SENDER_TOTALS.items():
        counted = np.array([CATEGORY_OF.get(code) in categories for code in marks.codes] + [False])
        counts = np.bincount(group[counted[marks.code]], minlength=len(reader.totals))
        for (place, upn, totals), count in zip(reader.totals, counts, strict=True):
            if name in totals and totals[name] != count:
                reader.report.warn(
                    Kind.SENDER_TOTALS,
                    f"{name} says {totals[name]:,} but the marks give {int(count):,}",
                    file=reader.path.name,
                    element=place,
                    upn=upn,
                )
