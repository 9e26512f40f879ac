"""Every mark is a code of the set in force on its date: the 2006 set before 19 August 2024, then the 2024
set."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.rules.attendance.codes import lookup
from rollbook.synth import write_schools
from tests.support.ctf_reader import read_ctf


@pytest.mark.parametrize(("academic_year", "as_of"), [(2023, None), (2024, dt.date(2025, 3, 28))])
def test_every_mark_is_valid_on_its_date(tmp_path, academic_year, as_of):
    write_schools(tmp_path, 2, seed=4, academic_year=academic_year, as_of=as_of, workers=1)
    used = set()
    for ctf in tmp_path.glob("*/*.xml"):
        for pupil in read_ctf(ctf)[1]:
            for (day, _), code in pupil.marks.items():
                assert lookup(code, day) is not None, (code, day)
                used.add(code)
    two_character = {code for code in used if len(code) == 2}
    assert bool(two_character) == (academic_year == 2024)
