"""Small partitions for the tests of kept versions: registers as in tests/support/registers.py, and a school's
partitions read back whole, to compare before and after."""

from __future__ import annotations

import pyarrow as pa

from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey
from tests.support import registers
from tests.support.pupils import pupil
from tests.support.registers import YEAR

SCHOOL = 900001
MARKS_NOW = PartitionKey("marks", YEAR, SCHOOL)
MARKS_BEFORE = PartitionKey("marks", YEAR - 1, SCHOOL)
PUPILS_NOW = PartitionKey("pupils", YEAR, SCHOOL)


def register(**codes: str) -> pa.Table:
    """Marks for each pupil named, one code per session from Monday 09/09/2024."""
    return pa.Table.from_pylist(
        [mark for upn, each in codes.items() for mark in registers.register(upn, each)], schema=MARKS
    )


def pupils(*upns: str) -> pa.Table:
    return pa.Table.from_pylist([pupil(upn) for upn in upns], schema=PUPILS)


def held(lake: Lake, school: int = SCHOOL) -> dict[PartitionKey, bytes]:
    """Every partition of the school, as the bytes of its Parquet file."""
    return {key: lake.path(key).read_bytes() for key in lake.school_rows(school)}


def codes(lake: Lake, key: PartitionKey = MARKS_NOW) -> str:
    return "".join(lake.read(key).column("code").to_pylist())
