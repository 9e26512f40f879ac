"""A pupil held by two schools over two academic years, beside other pupils, for the subject access tests.

Alder holds PUPIL in 2023/24 and 2024/25 with CLASSMATE; Birch holds PUPIL in 2024/25 with NEIGHBOUR.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from rollbook.lake import MARKS, PUPILS, Lake, PartitionKey
from rollbook.rules.upn import make
from tests.support.registers import marks, pupil

ALDER, BIRCH = 100001, 100002
PUPIL, CLASSMATE, NEIGHBOUR = make(823, 4001, 23, 1), make(823, 4001, 23, 2), make(202, 4002, 24, 3)
#: Each school and year's registers: UPN to codes, a session each from the year's second Monday.
REGISTERS = {
    (ALDER, 2023): {PUPIL: "/\\" * 5, CLASSMATE: "O" * 10},
    (ALDER, 2024): {PUPIL: "II" + "/\\" * 2, CLASSMATE: "/\\" * 3},
    (BIRCH, 2024): {PUPIL: "/\\" * 2 + "M", NEIGHBOUR: "/\\"},
}


def write(lake: Lake) -> None:
    for (school, year), registers in REGISTERS.items():
        lake.replace(
            {
                PartitionKey("pupils", year, school): pa.Table.from_pylist(
                    [pupil(upn) for upn in registers], schema=PUPILS
                ),
                PartitionKey("marks", year, school): pa.Table.from_pylist(
                    [_in_year(mark, year) for upn, codes in registers.items() for mark in marks(upn, codes)],
                    schema=MARKS,
                ),
            }
        )


def _in_year(mark: dict, year: int) -> dict:
    """`registers.marks` dates from September 2024; move them to September of `year`."""
    return {**mark, "date": mark["date"] - dt.timedelta(weeks=52 * (2024 - year))}
