"""Sync payloads as a school's MIS connector sends them, for the sync API's tests.

The pupils are Alder School's (URN 100001, LA 823, Estab 4001, as in the web test world). A register is a
string of codes, one per session from Monday 06/01/2025, morning then afternoon, Monday to Friday.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from rollbook.lake import Lake, PartitionKey
from rollbook.rules import upn as upns
from tests.support import pupils
from tests.support.registers import register

URN = 100001
MONDAY = dt.date(2025, 1, 6)
FRIDAY = MONDAY + dt.timedelta(days=4)
#: A day after the fortnight the tests send, so that none of their dates is in the future.
TODAY = dt.date(2025, 1, 20)


def upn(serial: int) -> str:
    return upns.make(823, 4001, 20, serial)


ANN, BEN, CAL = upn(1), upn(2), upn(3)


def sent(row: dict[str, object]) -> dict[str, object]:
    """A lake row as JSON carries it: dates written YYYY-MM-DD."""
    return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in row.items()}


def pupil(upn: str, **changes: object) -> dict[str, object]:
    """A Year 8 girl on roll since September 2023, as a connector sends her."""
    return sent(pupils.pupil(upn, **({"surname": f"Pupil {upn[-3:]}"} | changes)))


def marks(upn: str, codes: str, start: dt.date = MONDAY) -> list[dict[str, object]]:
    return [sent(mark) for mark in register(upn, codes, start)]


def payload(
    start: dt.date, end: dt.date, registers: dict[str, str], *, begin: dt.date = MONDAY, **extra: object
) -> dict[str, object]:
    """A range sync of `registers` (UPN to codes from Monday `begin`), sending each pupil."""
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "pupils": [pupil(each) for each in registers],
        "marks": [mark for each, codes in registers.items() for mark in marks(each, codes, begin)],
        **extra,
    }


def held(lake: Lake, urn: int = URN) -> dict[PartitionKey, pa.Table]:
    """Everything the lake holds for a school, to compare before and after."""
    return {key: lake.read(key) for key in lake.school_rows(urn)}


def marks_held(lake: Lake, urn: int = URN, year: int = 2024) -> set[tuple[str, dt.date, str, str]]:
    rows = lake.read(PartitionKey("marks", year, urn))
    if rows is None:
        return set()
    columns = rows.to_pydict()
    return set(zip(columns["upn"], columns["date"], columns["session"], columns["code"], strict=True))


def assert_unchanged(before: dict, after: dict) -> None:
    """Every partition as it was (from syncs.held)."""
    assert after.keys() == before.keys()
    assert all(after[key].equals(rows) for key, rows in before.items())
