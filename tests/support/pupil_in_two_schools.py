"""A pupil held by two schools over two academic years, beside other pupils, for the subject access tests.

Alder holds PUPIL in 2023/24 and 2024/25 with CLASSMATE; Birch holds PUPIL in 2024/25 with NEIGHBOUR.
"""

from __future__ import annotations

import datetime as dt

from rollbook.lake import Lake
from rollbook.rules.upn import make
from tests.support.pupils import pupil
from tests.support.registers import MONDAY, YEAR, register
from tests.support.registers import write as write_registers

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
        second_monday = MONDAY - dt.timedelta(weeks=52 * (YEAR - year))
        marks = [mark for upn, codes in registers.items() for mark in register(upn, codes, second_monday)]
        write_registers(lake, [pupil(upn) for upn in registers], marks, school, year)
