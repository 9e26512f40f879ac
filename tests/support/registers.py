"""Registers written into the lake: how the test worlds put a school's pupils and their marks there.

A register is a sequence of codes (a string of one-character codes, or a list where a code has two, such
as "Y1"), one per session from a start day (Monday 09/09/2024 unless given), morning then afternoon,
weekdays only: ten codes are a school week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pyarrow as pa

from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey
from rollbook.rules.calendar import SESSIONS, weekdays
from tests.support.pupils import pupil

YEAR = 2024
#: Alder School, as in the web test world, unless a test names another.
URN = 100001
MONDAY = dt.date(2024, 9, 9)  # the 2024 code set is in force


def register(upn: str, codes: Sequence[str], start: dt.date = MONDAY) -> list[dict[str, object]]:
    """Marks for `upn`, one code per session from `start` onwards."""
    days = weekdays(start, start + dt.timedelta(days=len(codes)))
    sessions = [(day, session) for day in days for session in SESSIONS]
    return [
        {"upn": upn, "date": day, "session": str(session), "code": code}
        for (day, session), code in zip(sessions, codes, strict=False)
    ]


def write(
    lake: Lake, pupils: list[dict], marks: list[dict], school: int = URN, academic_year: int = YEAR
) -> None:
    """Replace a school's pupils and marks of one year with these rows."""
    lake.replace(
        {
            PartitionKey("pupils", academic_year, school): pa.Table.from_pylist(pupils, schema=PUPILS),
            PartitionKey("marks", academic_year, school): pa.Table.from_pylist(marks, schema=MARKS),
        }
    )


def write_school(lake: Lake, urn: int, registers: dict[str, Sequence[str]]) -> None:
    """Each pupil of `registers` (UPN to codes from `MONDAY`) as a default `pupil` of school `urn`."""
    marks = [mark for upn, codes in registers.items() for mark in register(upn, codes)]
    write(lake, [pupil(upn) for upn in registers], marks, urn)
