"""Write a school year as a Common Transfer File, as docs/import-formats.md reads it.

The XML is built as text: every value is a code, a date, a number or a name from our own word lists, so
escaping names is the only care needed, and string building keeps writing a thousand schools fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

from rollbook.rules.calendar import academic_year_bounds
from rollbook.synth.marks import CODES
from rollbook.synth.school_year import SchoolYear

NO_SESSION = "#"
#: Each code's token as bytes, padded to two with NUL (stripped when a pupil's string is finished).
_TOKENS = np.array([list(code.ljust(2, "\0").encode("ascii")) for code in CODES], dtype=np.uint8)
_TOKENS[0] = list(b"#\0")  # "no mark" inside a pupil's span (never expected) is written as no session
#: FSM6 pupils' eligibility starts this many years before the school year, at most.
FSM_LOOKBACK_YEARS = 5


def ctf_name(school_year: SchoolYear) -> str:
    laestab = school_year.school.laestab
    return f"{laestab}_CTF_{laestab}_001.xml"


def write_ctf(school_year: SchoolYear, folder: Path) -> Path:
    path = folder / ctf_name(school_year)
    path.write_text(ctf_text(school_year), encoding="utf-8")
    return path


def ctf_text(school_year: SchoolYear) -> str:
    school, pupils = school_year.school, school_year.pupils
    year = school_year.calendar.academic_year
    marks = _mark_strings(school_year)
    totals = school_year.session_counts()
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile>\n<Header>\n'
        "<DocumentName>Common Transfer File</DocumentName>\n"
        f"<CTFversion>23.0</CTFversion>\n<DateTime>{dt.datetime(year, 9, 1):%Y-%m-%dT%H:%M:%S}</DateTime>\n"
        f"<DocumentQualifier>full</DocumentQualifier>\n<SourceSchool>\n<LEA>{school.la:03d}</LEA>\n"
        f"<Estab>{school.estab:04d}</Estab>\n<URN>{school.urn}</URN>\n<SchoolName>{escape(school.name)}</SchoolName>\n"
        f"<AcademicYear>{year}/{year + 1}</AcademicYear>\n</SourceSchool>\n</Header>\n<CTFpupilData>\n"
    ]
    fsm_from = dt.date(year - FSM_LOOKBACK_YEARS, 9, 1)
    for i in range(len(pupils)):
        present, aea, authorised, unauthorised = (int(n) for n in totals[i])
        start, string = marks[i]
        leaving = pupils.leaving[i]
        leaving_xml = "" if np.isnat(leaving) else f"<LeavingDate>{leaving}</LeavingDate>"
        parts.append(
            f"<Pupil>\n<UPN>{pupils.upn[i]}</UPN>\n<Surname>{escape(pupils.surname[i])}</Surname>\n"
            f"<Forename>{escape(pupils.forename[i])}</Forename>\n<DOB>{pupils.dob[i]}</DOB>\n"
            f"<Gender>{pupils.sex[i]}</Gender>\n<BasicDetails>\n<NCyearActual>{pupils.nc_year[i]}</NCyearActual>\n"
            f"<Ethnicity>{pupils.ethnicity[i]}</Ethnicity>\n<Languages>\n<Type>\n<LanguageType>F</LanguageType>\n"
            f"<Language>{pupils.language[i]}</Language>\n</Type>\n</Languages>\n</BasicDetails>\n"
            f"{_fsm_xml(pupils.fsm6[i], fsm_from, i)}{_sen_xml(pupils.sen[i], pupils.admission[i])}"
            f"<SchoolHistory>\n<School>\n<LEA>{school.la:03d}</LEA>\n<Estab>{school.estab:04d}</Estab>\n"
            f"<EntryDate>{pupils.admission[i]}</EntryDate>\n{leaving_xml}</School>\n</SchoolHistory>\n"
            f"<Attendance>\n<YearData>\n<Year>{year}</Year>\n<LEA>{school.la:03d}</LEA>\n<Estab>{school.estab:04d}</Estab>\n"
            f"<SessionsPossible>{present + aea + authorised + unauthorised}</SessionsPossible>\n"
            f"<SessionsAttended>{present + aea}</SessionsAttended>\n"
            f"<SessionsAuthorised>{authorised}</SessionsAuthorised>\n"
            f"<SessionsUnauthorised>{unauthorised}</SessionsUnauthorised>\n<AttendSessions>\n"
            f"<AttendanceStartDate>{start}</AttendanceStartDate>\n<AttendanceMarks>{string}</AttendanceMarks>\n"
            "</AttendSessions>\n</YearData>\n</Attendance>\n</Pupil>\n"
        )
    parts.append("</CTFpupilData>\n</CTfile>\n")
    return "".join(parts)


def _fsm_xml(fsm6: bool, fsm_from: dt.date, i: int) -> str:
    """FSM6 pupils have one open eligibility spell starting within the last six years (spread by pupil)."""
    if not fsm6:
        return ""
    start = fsm_from + dt.timedelta(days=(i * 137) % (FSM_LOOKBACK_YEARS * 365))
    return (
        f"<FSMhistory>\n<FSMinstance>\n<FSMstartDate>{start}</FSMstartDate>\n</FSMinstance>\n</FSMhistory>\n"
    )


def _sen_xml(sen: str, admission: np.datetime64) -> str:
    if sen == "N":
        return ""
    return (
        f"<SENhistory>\n<SEN>\n<StartDate>{admission}</StartDate>\n<SENprovision>{sen}</SENprovision>\n"
        "</SEN>\n</SENhistory>\n"
    )


def _mark_strings(school_year: SchoolYear) -> list[tuple[dt.date, str]]:
    """Each pupil's AttendanceStartDate and marks: every calendar date from 1 September (or admission) to
    the last school day shown (or leaving), AM then PM, `##` on days with no session."""
    days = school_year.days
    year = school_year.calendar.academic_year
    first = max(dt.date(year, 9, 1), academic_year_bounds(year)[0])
    calendar_days = (days[-1] - first).days + 1
    grid = np.zeros((len(school_year.pupils), calendar_days, 2, 2), dtype=np.uint8)
    grid[..., 0] = ord(NO_SESSION)
    columns = np.array([(day - first).days for day in days], dtype=int)
    sessions = school_year.marks.reshape(len(school_year.pupils), len(days), 2)
    grid[:, columns] = _TOKENS[sessions]
    pupils = school_year.pupils
    result = []
    for i in range(len(pupils)):
        admitted = pupils.admission[i].astype(dt.date)
        start = max(first, admitted)
        leaving = pupils.leaving[i]
        end = days[-1] if np.isnat(leaving) else min(days[-1], leaving.astype(dt.date))
        row = grid[i, (start - first).days : (end - first).days + 1]
        result.append((start, row.tobytes().replace(b"\0", b"").decode("ascii")))
    return result
