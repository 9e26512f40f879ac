"""Writing small hand-made schools into the lake for the web and browser tests.

A register is a string of codes, one per session from Monday 09/09/2024, morning then afternoon, Monday to
Friday, for as many weeks as it is long.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey

YEAR = 2024
MONDAY = dt.date(2024, 9, 9)


def pupil(upn: str) -> dict[str, object]:
    """A Year 8 girl on roll since September 2023."""
    return {
        "upn": upn,
        "forename": "Pat",
        "surname": upn,
        "dob": dt.date(2012, 3, 1),
        "sex": "F",
        "nc_year": 8,
        "reg_group": "8A",
        "fsm6": False,
        "sen": "N",
        "eal": False,
        "ethnicity": "WBRI",
        "admission_date": dt.date(2023, 9, 1),
        "leaving_date": None,
    }


def marks(upn: str, codes: str) -> list[dict[str, object]]:
    days = [MONDAY + dt.timedelta(weeks=index // 10, days=index % 10 // 2) for index in range(len(codes))]
    return [
        {"upn": upn, "date": day, "session": ("AM", "PM")[index % 2], "code": code}
        for index, (day, code) in enumerate(zip(days, codes, strict=True))
    ]


def write_school(lake: Lake, urn: int, registers: dict[str, str]) -> None:
    """Each pupil of `registers` (UPN to codes) as a pupil of school `urn`, with their marks."""
    rows = [mark for upn, codes in registers.items() for mark in marks(upn, codes)]
    lake.replace(
        {
            PartitionKey("pupils", YEAR, urn): pa.Table.from_pylist(
                [pupil(u) for u in registers], schema=PUPILS
            ),
            PartitionKey("marks", YEAR, urn): pa.Table.from_pylist(rows, schema=MARKS),
        }
    )
