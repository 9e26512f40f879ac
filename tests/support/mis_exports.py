"""Hand-built CTFs and CSVs for the ingest tests: small enough to read, exact enough to assert on.

Every test school is LA 123, Estab 4567, URN 900001, importing 2024/25 on 31/07/2025 unless a test says
otherwise. 02/09/2024 is a Monday.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rollbook.ingest import ImportOutcome, Problem, import_paths
from rollbook.lake import Lake, PartitionKey
from rollbook.rules import upn as upns

LA, ESTAB, URN = 123, 4567, 900001
SCHOOL_NAME = "Rollbook Test Primary"
YEAR = 2024
TODAY = dt.date(2025, 7, 31)


def upn(serial: int) -> str:
    return upns.make(LA, ESTAB, 15, serial)


ANN, BEN, CAL = upn(1), upn(2), upn(3)


def year_data(
    start: str, marks: str, *, year: int = YEAR, school: tuple[int, int] | None = None, **totals: int
) -> str:
    """An Attendance/YearData element; `school` (LEA, Estab) names the school the marks were taken at."""
    where = ""
    if school:
        where = f"<LEA>{school[0]}</LEA><Estab>{school[1]}</Estab><SchoolName>Elsewhere</SchoolName>"
    sums = "".join(f"<{name}>{value}</{name}>" for name, value in totals.items())
    return (
        f"<YearData><Year>{year}</Year>{where}{sums}<AttendSessions>"
        f"<AttendanceStartDate>{start}</AttendanceStartDate><AttendanceMarks>{marks}</AttendanceMarks>"
        "</AttendSessions></YearData>"
    )


def ctf_pupil(
    upn: str = ANN,
    *,
    forename: str = "Ann",
    surname: str = "Smith",
    dob: str = "2015-05-01",
    gender: str = "F",
    details: str = "<NCyearActual>4</NCyearActual><Ethnicity>WBRI</Ethnicity>",
    entry: str | None = "2019-09-04",
    leaving: str | None = None,
    extra: str = "",
    attendance: str = "",
) -> str:
    """A CTF's Pupil element, written as the file holds it so that a test can put any text in any element.
    `extra` goes after BasicDetails (FSMhistory, SENhistory); `attendance` inside
    Attendance (YearData elements)."""
    history = ""
    if entry is not None:
        left = f"<LeavingDate>{leaving}</LeavingDate>" if leaving else ""
        history = (
            f"<SchoolHistory><School><LEA>{LA}</LEA><Estab>{ESTAB}</Estab>"
            f"<EntryDate>{entry}</EntryDate>{left}</School></SchoolHistory>"
        )
    return (
        f"<Pupil><UPN>{upn}</UPN><Surname>{surname}</Surname><Forename>{forename}</Forename>"
        f"<DOB>{dob}</DOB><Gender>{gender}</Gender><BasicDetails>{details}</BasicDetails>{extra}{history}"
        f"<Attendance>{attendance}</Attendance></Pupil>"
    )


def ctf(*pupils: str, urn: int | None = URN, la: int = LA, estab: int = ESTAB, year: str = "2024/25") -> str:
    urn_element = f"<URN>{urn}</URN>" if urn is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile><Header>'
        "<DocumentName>Common Transfer File</DocumentName><SourceSchool>"
        f"<LEA>{la}</LEA><Estab>{estab}</Estab>{urn_element}<SchoolName>{SCHOOL_NAME}</SchoolName>"
        f"<AcademicYear>{year}</AcademicYear></SourceSchool></Header>\n"
        "<CTFpupilData>\n" + "\n".join(pupils) + "\n</CTFpupilData></CTfile>\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_ctf(folder: Path, *pupils: str, name: str = f"{LA}{ESTAB}_CTF_{LA}LLLL_001.xml", **header) -> Path:
    return write(folder, name, ctf(*pupils, **header))


def csv_text(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def import_one(lake: Lake, *paths: Path, **options) -> ImportOutcome:
    """Import `paths` as of TODAY (unless `today` is given) and return the one outcome."""
    options.setdefault("today", TODAY)
    (outcome,) = import_paths(list(paths), lake, **options)
    return outcome


def marks_in(lake: Lake, year: int = YEAR, school: int = URN) -> list[tuple[str, dt.date, str, str]]:
    """The partition's marks as (UPN, date, session, code), sorted."""
    table = lake.read(PartitionKey("marks", year, school))
    if table is None:
        return []
    return sorted(zip(*(table[name].to_pylist() for name in ("upn", "date", "session", "code")), strict=True))


def pupils_in(lake: Lake, year: int = YEAR, school: int = URN) -> dict[str, dict[str, object]]:
    """The partition's pupils by UPN."""
    table = lake.read(PartitionKey("pupils", year, school))
    return {row["upn"]: row for row in table.to_pylist()} if table is not None else {}


def lake_files(lake: Lake) -> dict[str, bytes]:
    """Every file under the lake's root, by relative path, with its bytes."""
    if not lake.root.exists():
        return {}
    files = sorted(path for path in lake.root.rglob("*") if path.is_file())
    return {str(path.relative_to(lake.root)): path.read_bytes() for path in files}


def the_refusal(outcome: ImportOutcome) -> Problem:
    """The one refusal an outcome lists, after checking that the import did not land."""
    assert not outcome.landed
    assert outcome.partitions_written == []
    assert len(outcome.report.refusals) == 1, outcome.report.text()
    return outcome.report.refusals.listed[0]


def d(text: str) -> dt.date:
    """A date written DD/MM/YYYY, as the report writes it."""
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


WEEK = "/\\" * 5 + "####"  # Monday 02/09/2024 to Sunday 08/09/2024, present every session


def already_imported(lake: Lake, folder: Path) -> dict[str, bytes]:
    """Land ANN and BEN with a week of marks from 02/09/2024, and return the lake's files, so that a test
    can check a refused import leaves them as they were."""
    folder.mkdir()
    first = write_ctf(
        folder,
        ctf_pupil(ANN, attendance=year_data("2024-09-02", WEEK)),
        ctf_pupil(BEN, forename="Ben", gender="M", attendance=year_data("2024-09-02", WEEK)),
    )
    outcome = import_one(lake, first)
    assert outcome.landed and outcome.partitions_written, outcome.report.text()
    return lake_files(lake)
