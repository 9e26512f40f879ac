"""Register codes and their statistical treatment, per DfE (docs/attendance-measures.md).

Two code sets exist: the one in the Education (Pupil Registration) (England) Regulations 2006 as revised
in 2013, and the one in the School Attendance (Pupil Registration) (England) Regulations 2024, in force from
19 August 2024. The set that applies to a mark is chosen by the date of its session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PRESENT = "present"
    AEA = "aea"
    AUTHORISED = "authorised"
    UNAUTHORISED = "unauthorised"
    NOT_POSSIBLE = "not_possible"


PRESENT, AEA, AUTHORISED, UNAUTHORISED, NOT_POSSIBLE = Category

#: Categories that count towards attendance (the DfE's `overall_attendance`).
ATTENDING = frozenset({PRESENT, AEA})
#: Categories that count as absence.
ABSENT = frozenset({AUTHORISED, UNAUTHORISED})

#: First day on which the 2024 code set applies.
SET_2024_STARTS = dt.date(2024, 8, 19)

#: The mark for a session with no mark entered yet. It is not a code; it must not remain in a register.
NO_MARK = "-"


@dataclass(frozen=True)
class Code:
    code: str
    meaning: str
    category: Category
    code_set: str

    @property
    def possible(self) -> bool:
        """Whether a session with this mark counts in possible sessions (the rates' denominator)."""
        return self.category is not NOT_POSSIBLE


@dataclass(frozen=True)
class CodeSet:
    name: str
    starts: dt.date | None
    codes: dict[str, Code]

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> Code:
        return self.codes[code]


def _code_set(name: str, starts: dt.date | None, rows: list[tuple[str, str, Category]]) -> CodeSet:
    return CodeSet(
        name, starts, {code: Code(code, meaning, category, name) for code, meaning, category in rows}
    )


_COMMON_HEAD = [
    ("/", "Present (morning session)", PRESENT),
    ("\\", "Present (afternoon session)", PRESENT),
    ("L", "Late, arrived before the register closed", PRESENT),
]

SET_2024 = _code_set(
    "2024",
    SET_2024_STARTS,
    _COMMON_HEAD
    + [
        ("K", "Attending education provision arranged by the local authority", AEA),
        ("V", "Attending an educational visit or trip", AEA),
        ("P", "Participating in an approved sporting activity", AEA),
        ("W", "Attending work experience", AEA),
        ("B", "Attending any other approved educational activity", AEA),
        ("D", "Dual registered: attending another school", NOT_POSSIBLE),
        ("C1", "Leave of absence for a regulated performance or regulated employment abroad", AUTHORISED),
        ("M", "Leave of absence for a medical or dental appointment", AUTHORISED),
        ("J1", "Leave of absence to attend an interview", AUTHORISED),
        ("S", "Leave of absence to study for a public examination", AUTHORISED),
        ("X", "Non-compulsory school age pupil not required to attend", NOT_POSSIBLE),
        ("C2", "Leave of absence for a part-time timetable", AUTHORISED),
        ("C", "Leave of absence for exceptional circumstances", AUTHORISED),
        ("T", "Parent travelling for occupational purposes", AUTHORISED),
        ("R", "Religious observance", AUTHORISED),
        ("I", "Illness (not a medical or dental appointment)", AUTHORISED),
        ("E", "Suspended or permanently excluded, no alternative provision", AUTHORISED),
        ("Q", "Unable to attend: lack of access arrangements", NOT_POSSIBLE),
        ("Y1", "Unable to attend: transport not available", NOT_POSSIBLE),
        ("Y2", "Unable to attend: widespread disruption to travel", NOT_POSSIBLE),
        ("Y3", "Unable to attend: part of the school premises closed", NOT_POSSIBLE),
        ("Y4", "Unable to attend: whole school site unexpectedly closed", NOT_POSSIBLE),
        ("Y5", "Unable to attend: in criminal justice detention", NOT_POSSIBLE),
        ("Y6", "Unable to attend: public health guidance or law", NOT_POSSIBLE),
        ("Y7", "Unable to attend: any other unavoidable cause", NOT_POSSIBLE),
        ("G", "Holiday not granted by the school", UNAUTHORISED),
        ("N", "Reason for absence not yet established", UNAUTHORISED),
        ("O", "Absent in other or unknown circumstances", UNAUTHORISED),
        ("U", "Arrived after the register closed", UNAUTHORISED),
        ("Z", "Prospective pupil not on the admission register", NOT_POSSIBLE),
        ("#", "Planned whole or partial school closure", NOT_POSSIBLE),
        (NO_MARK, "No mark entered yet", NOT_POSSIBLE),
    ],
)

SET_2006 = _code_set(
    "2006",
    None,
    _COMMON_HEAD
    + [
        ("B", "Educated off site (not dual registration)", AEA),
        ("D", "Dual registered: attending another school", NOT_POSSIBLE),
        ("J", "At an interview with a prospective employer or educational establishment", AEA),
        ("P", "Participating in a supervised sporting activity", AEA),
        ("V", "Educational visit or trip", AEA),
        ("W", "Work experience", AEA),
        ("C", "Other authorised circumstances", AUTHORISED),
        ("E", "Excluded, no alternative provision made", AUTHORISED),
        ("H", "Authorised family holiday", AUTHORISED),
        ("I", "Illness (not medical or dental appointments)", AUTHORISED),
        ("M", "Medical or dental appointments", AUTHORISED),
        ("R", "Religious observance", AUTHORISED),
        ("S", "Study leave", AUTHORISED),
        ("T", "Gypsy, Roma and Traveller absence", AUTHORISED),
        ("G", "Family holiday not agreed, or days in excess of the agreement", UNAUTHORISED),
        ("N", "No reason yet provided", UNAUTHORISED),
        ("O", "Other unauthorised absence", UNAUTHORISED),
        ("U", "Arrived after the register closed", UNAUTHORISED),
        ("X", "Non-compulsory school age, not required to attend", NOT_POSSIBLE),
        ("Y", "Unable to attend due to exceptional circumstances", NOT_POSSIBLE),
        ("Z", "Pupil not on admission register", NOT_POSSIBLE),
        ("#", "Planned whole or partial school closure", NOT_POSSIBLE),
        (NO_MARK, "No mark entered yet", NOT_POSSIBLE),
    ],
)

CODE_SETS = (SET_2006, SET_2024)


def code_set_for(day: dt.date) -> CodeSet:
    """The code set in force on the day of a session."""
    return SET_2024 if day >= SET_2024_STARTS else SET_2006


def lookup(code: str, day: dt.date) -> Code | None:
    """The code as defined on `day`, or None when that day's code set has no such code."""
    return code_set_for(day).codes.get(code)


def _categories() -> dict[str, Category]:
    """Every code's category across both sets.

    A code that appears in both sets has the same category in each (tested), so analytics can map codes to
    categories without knowing the session's date; the importer has already refused codes that are not in
    the set in force on their date.
    """
    merged: dict[str, Category] = {}
    for code_set in CODE_SETS:
        for code in code_set.codes.values():
            if merged.setdefault(code.code, code.category) is not code.category:
                raise ValueError(f"code {code.code} changes category between code sets")
    return merged


CATEGORY_OF: dict[str, Category] = _categories()


def code_table() -> list[dict[str, object]]:
    """The code table as plain rows, for `rollbook codes` and the API."""
    return [
        {
            "code": code.code,
            "meaning": code.meaning,
            "category": str(code.category),
            "possible": code.possible,
            "code_set": code.code_set,
        }
        for code_set in CODE_SETS
        for code in code_set.codes.values()
    ]
