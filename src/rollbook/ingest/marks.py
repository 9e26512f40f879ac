"""Session marks as columns, and the checks every mark passes whichever file it came from.

Marks are held dictionary-encoded (an index into a list of UPNs, an index into a list of codes) so that a
year of marks for a large school is checked with a handful of numpy operations rather than a loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from rollbook.ingest.problems import Kind, ValidationReport, show_date
from rollbook.lake import MARKS
from rollbook.rules.attendance.codes import SET_2006, SET_2024, SET_2024_STARTS

SESSION_NAMES = ("AM", "PM")
NOT_ON_ROLL_CODE = "Z"  # a Z outside the pupil's enrolment says just that, so it is not refused
_SESSION_KEY_BITS = 1
_PUPIL_KEY_SHIFT = 32
#: Admission and leaving dates for a pupil with none: before and after any session.
_EARLIEST, _LATEST = np.datetime64("0001-01-01"), np.datetime64("9999-12-31")

#: Origin.unit of marks from a JSON array, placed as `element[position]` (`marks[12]`).
INDEX = "index"

#: Enrolment by UPN: (admission date, leaving date), either None when not known.
Roll = Mapping[str, tuple[dt.date | None, dt.date | None]]


@dataclass(frozen=True)
class Origin:
    """Where a run of marks came from: a file and, for a CTF, the element holding the marks string."""

    file: str
    element: str
    unit: str  # "line" for a CSV row number, "session" for a position in a CTF marks string, or INDEX


@dataclass(frozen=True)
class Marks:
    upns: list[str]
    pupil: np.ndarray  # int32 index into upns
    day: np.ndarray  # datetime64[D]
    session: np.ndarray  # int8: 0 AM, 1 PM
    codes: list[str]
    code: np.ndarray  # int32 index into codes
    origins: list[Origin]
    origin: np.ndarray  # int32 index into origins
    position: np.ndarray  # int32 line number or session number, as Origin.unit says

    def __len__(self) -> int:
        return len(self.day)

    @classmethod
    def empty(cls) -> Marks:
        none = np.zeros(0, np.int32)
        return cls([], none, np.zeros(0, "datetime64[D]"), none.astype(np.int8), [], none, [], none, none)

    def take(self, rows: np.ndarray) -> Marks:
        """The marks at `rows` (a boolean mask or indices), sharing this set's dictionaries."""
        return Marks(
            self.upns,
            self.pupil[rows],
            self.day[rows],
            self.session[rows],
            self.codes,
            self.code[rows],
            self.origins,
            self.origin[rows],
            self.position[rows],
        )

    @classmethod
    def concat(cls, parts: Sequence[Marks]) -> Marks:
        """One set of marks from several, their dictionaries merged."""
        if not parts:
            return cls.empty()
        upns = list(dict.fromkeys(upn for part in parts for upn in part.upns))
        codes = list(dict.fromkeys(code for part in parts for code in part.codes))
        origins = [origin for part in parts for origin in part.origins]
        offsets = np.cumsum([0] + [len(part.origins) for part in parts])
        return cls(
            upns,
            np.concatenate([_reindex(part.pupil, part.upns, upns) for part in parts]),
            np.concatenate([part.day for part in parts]),
            np.concatenate([part.session for part in parts]),
            codes,
            np.concatenate([_reindex(part.code, part.codes, codes) for part in parts]),
            origins,
            np.concatenate([part.origin + offset for part, offset in zip(parts, offsets, strict=False)]),
            np.concatenate([part.position for part in parts]),
        )

    def upn_of(self, row: int) -> str:
        return self.upns[self.pupil[row]]

    def code_of(self, row: int) -> str:
        return self.codes[self.code[row]]

    def date_of(self, row: int) -> dt.date:
        return self.day[row].astype(dt.date)

    def place(self, row: int) -> str:
        origin = self.origins[self.origin[row]]
        if origin.unit == INDEX:
            return f"{origin.element}[{self.position[row]}]"
        return ", ".join(part for part in (origin.element, f"{origin.unit} {self.position[row]}") if part)

    def locate(self, row: int) -> dict[str, object]:
        """The file, line or element, UPN and date of one mark, as a Problem takes them."""
        origin = self.origins[self.origin[row]]
        line = int(self.position[row]) if origin.unit == "line" else None
        return {
            "file": origin.file,
            "line": line,
            "element": self.place(row) if line is None else None,
            "upn": self.upn_of(row),
            "day": self.date_of(row),
        }

    def academic_years(self) -> np.ndarray:
        """The academic year of each mark (a year runs from 1 August)."""
        months = self.day.astype("datetime64[M]").astype(np.int64)
        return months // 12 + 1970 - (months % 12 < 7)

    def table(self) -> pa.Table:
        return pa.table(
            {
                "upn": _decoded(self.pupil, self.upns),
                "date": pa.array(self.day, pa.date32()),
                "session": _decoded(self.session.astype(np.int32), list(SESSION_NAMES)),
                "code": _decoded(self.code, self.codes),
            },
            schema=MARKS,
        )


def _reindex(indices: np.ndarray, old: list[str], new: list[str]) -> np.ndarray:
    position = {value: i for i, value in enumerate(new)}
    mapping = np.array([position[value] for value in old], np.int32)
    return mapping[indices] if len(indices) else indices.astype(np.int32)


def _decoded(indices: np.ndarray, dictionary: list[str]) -> pa.Array:
    encoded = pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), pa.array(dictionary, pa.string()))
    return encoded.dictionary_decode()


def as_days(value: dt.date | None, missing: np.datetime64) -> np.datetime64:
    return missing if value is None else np.datetime64(value, "D")


def refuse_marks(
    report: ValidationReport, marks: Marks, mask: np.ndarray, kind: Kind, describe: Callable[[int], str]
) -> None:
    """Refuse the marks picked out by `mask`, listing the first few and counting the rest."""
    rows = np.flatnonzero(mask)
    listed = len(rows) if report.refusals.limit is None else report.refusals.limit
    for row in rows[:listed]:
        report.refuse(kind, describe(int(row)), **marks.locate(int(row)))
    report.refusals.add_more(kind, max(0, len(rows) - listed))


def check_marks(marks: Marks, roll: Roll, report: ValidationReport, today: dt.date) -> Marks:
    """Refuse marks with codes unknown on their date, future dates, or pupils not on roll; resolve repeats.

    Returns the marks with any exact repeat (same pupil, date, session and code) removed.
    """
    _check_codes(marks, report)
    refuse_marks(
        report,
        marks,
        marks.day > np.datetime64(today, "D"),
        Kind.BAD_DATE,
        lambda _: "the date is in the future",
    )
    _check_roll(marks, roll, report)
    return _without_repeats(marks, report)


def _check_codes(marks: Marks, report: ValidationReport) -> None:
    in_2024_set = marks.day >= np.datetime64(SET_2024_STARTS, "D")
    known_2006 = np.array([code in SET_2006 for code in marks.codes] + [False])
    known_2024 = np.array([code in SET_2024 for code in marks.codes] + [False])
    known = np.where(in_2024_set, known_2024[marks.code], known_2006[marks.code])

    def describe(row: int) -> str:
        code = marks.code_of(row)
        if marks.day[row] >= np.datetime64(SET_2024_STARTS, "D"):
            return f"code {code!r} is not in the 2024 code set, in force from {show_date(SET_2024_STARTS)}"
        return f"code {code!r} is not in the code set in force before {show_date(SET_2024_STARTS)}"

    refuse_marks(report, marks, ~known, Kind.UNKNOWN_CODE, describe)


def _check_roll(marks: Marks, roll: Roll, report: ValidationReport) -> None:
    enrolments = [roll.get(upn) for upn in marks.upns]
    known = np.array([enrolment is not None for enrolment in enrolments] + [False])
    admitted = np.array([as_days(e and e[0], _EARLIEST) for e in enrolments] + [_EARLIEST], "datetime64[D]")
    left = np.array([as_days(e and e[1], _LATEST) for e in enrolments] + [_LATEST], "datetime64[D]")
    z = marks.codes.index(NOT_ON_ROLL_CODE) if NOT_ON_ROLL_CODE in marks.codes else -1
    before = marks.day < admitted[marks.pupil]
    after = marks.day > left[marks.pupil]
    off_roll = (~known[marks.pupil] | before | after) & (marks.code != z)

    def describe(row: int) -> str:
        pupil = marks.pupil[row]
        if not known[pupil]:
            return "no pupil with this UPN is in the import or already on roll at the school"
        if before[row]:
            return f"the pupil was admitted on {show_date(admitted[pupil].astype(dt.date))}, after this date"
        return f"the pupil left on {show_date(left[pupil].astype(dt.date))}, before this date"

    refuse_marks(report, marks, off_roll, Kind.NOT_ON_ROLL, describe)


def session_keys(pupil: np.ndarray, day: np.ndarray, session: np.ndarray) -> np.ndarray:
    """One int64 per (pupil, date, session), ordered as the three are."""
    days = day.astype(np.int64) - np.datetime64(_EARLIEST, "D").astype(np.int64)
    return (
        (pupil.astype(np.int64) << _PUPIL_KEY_SHIFT) | (days << _SESSION_KEY_BITS) | session.astype(np.int64)
    )


def _without_repeats(marks: Marks, report: ValidationReport) -> Marks:
    keys = session_keys(marks.pupil, marks.day, marks.session)
    if (keys[1:] > keys[:-1]).all():  # already in order with no repeats, as a CTF's marks usually are
        return marks
    order = np.argsort(keys, kind="stable")
    repeated = keys[order[1:]] == keys[order[:-1]]
    later, earlier = order[1:][repeated], order[:-1][repeated]
    clash = marks.code[later] != marks.code[earlier]

    def describe(i: int) -> str:
        first, second = earlier[clash][i], later[clash][i]
        file = marks.origins[marks.origin[first]].file
        elsewhere = ", ".join(part for part in (file, marks.place(first)) if part)
        return (
            f"{SESSION_NAMES[marks.session[first]]} session given twice: code {marks.code_of(first)!r} at "
            f"{elsewhere}, and {marks.code_of(second)!r} here"
        )

    clashing = marks.take(later[clash])
    refuse_marks(report, clashing, np.ones(len(clashing), bool), Kind.DUPLICATE_MARK, describe)
    if (~clash).any():
        report.note(
            Kind.REPEATED_MARK,
            f"{int((~clash).sum()):,} marks were given twice with the same code; kept one of each",
        )
    keep = np.ones(len(marks), bool)
    keep[later] = False
    return marks.take(keep) if not keep.all() else marks
