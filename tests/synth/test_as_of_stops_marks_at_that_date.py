"""With an as-of date, registers end on it: no marks after it, and every school day up to it is marked."""

from __future__ import annotations

import datetime as dt

from rollbook.rules.calendar import england_default
from tests.support.ctf_reader import read_ctf

AS_OF = dt.date(2024, 10, 18)


def test_no_marks_after_the_as_of_date(written_schools):
    for ctf in written_schools.glob("*/*.xml"):
        _, pupils = read_ctf(ctf)
        assert max(day for pupil in pupils for day, _ in pupil.marks) == AS_OF


def test_pupils_on_roll_throughout_have_a_mark_for_every_session_up_to_it(written_schools):
    days = england_default(2024).school_days(end=AS_OF)
    for ctf in written_schools.glob("*/*.xml"):
        _, pupils = read_ctf(ctf)
        whole = [pupil for pupil in pupils if pupil.entry <= days[0] and pupil.leaving is None]
        assert whole
        for pupil in whole:
            assert set(pupil.marks) == {(day, session) for day in days for session in (0, 1)}
