"""An earlier academic year held: a fortnight of Alder's 2023/24, beside the worlds' 2024/25.

From Monday 11/09/2023, ten sessions each, both pupils in Year 7 (7A) that year:
  A0000000001  7 present, then ill (I) from Thursday afternoon: 3 of 10 sessions absent, 30%, so
               persistently absent (10% or more) but not severely (50% or more).
  B0000000002  10 present.
So the whole school's 2023/24: 20 possible sessions, 17 attended: attendance 85.0%, authorised absence
15.0%, unauthorised 0.0%, persistent absence 1 pupil of 2, 50.0%, severe absence 0.0%. Its latest mark is
Friday 15/09/2023. (Both later years differ: the web world's week is 80.0%, the browser world's fortnight
90.0%.)
"""

from __future__ import annotations

import datetime as dt

from rollbook.lake import Lake
from tests.support.pupils import pupil
from tests.support.registers import URN, register, write

EARLIER = 2023
MONDAY = dt.date(2023, 9, 11)
LAST_MARK = dt.date(2023, 9, 15)
REGISTERS = {"A0000000001": "/\\" * 3 + "/III", "B0000000002": "/\\" * 5}


def write_earlier_year(lake: Lake, school: int = URN) -> None:
    """The school's 2023/24 pupils and marks, as above, beside whatever later year it holds."""
    pupils = [pupil(upn, nc_year=7, reg_group="7A") for upn in REGISTERS]
    marks = [mark for upn, codes in REGISTERS.items() for mark in register(upn, codes, MONDAY)]
    write(lake, pupils, marks, school, academic_year=EARLIER)
