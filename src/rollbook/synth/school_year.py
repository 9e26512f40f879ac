"""One synthetic school's year as arrays: its pupils and their marks, before anything is written to files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import numpy as np

from rollbook.rules.attendance.codes import CATEGORY_OF, Category
from rollbook.rules.attendance.measures import Tally
from rollbook.rules.calendar import SchoolCalendar, england_default
from rollbook.rules.years import SESSION_MEASURE_YEARS
from rollbook.synth.marks import CODES, draw_marks
from rollbook.synth.pupils import Pupils, draw_pupils
from rollbook.synth.schools import SchoolInfo
from rollbook.synth.season import season

_COUNTED = (Category.PRESENT, Category.AEA, Category.AUTHORISED, Category.UNAUTHORISED)
#: For each code index, its column in a tally (present, AEA, authorised, unauthorised) or -1 for none.
_TALLY_COLUMN = np.array(
    [_COUNTED.index(CATEGORY_OF[code]) if code and CATEGORY_OF[code] in _COUNTED else -1 for code in CODES]
)


@dataclass(frozen=True)
class SchoolYear:
    school: SchoolInfo
    calendar: SchoolCalendar
    pupils: Pupils
    days: list[dt.date]  # school days up to the as-of date
    marks: np.ndarray  # pupils x (2 * days) code indices into marks.CODES, AM then PM

    def tally_columns(self) -> np.ndarray:
        """Pupils x sessions: 0 present (with L), 1 AEA, 2 authorised, 3 unauthorised, -1 not possible."""
        return _TALLY_COLUMN[self.marks]

    def session_counts(self) -> np.ndarray:
        """Pupils x 4: sessions present (with L), AEA, authorised and unauthorised absence."""
        columns = self.tally_columns()
        return np.stack([(columns == i).sum(axis=1) for i in range(len(_COUNTED))], axis=1)

    def tallies(self, years: tuple[int, ...] = SESSION_MEASURE_YEARS) -> list[Tally]:
        """One Tally per enrolment in `years` (by default those DfE measures count), for rules.measures."""
        counts = self.session_counts()[np.isin(self.pupils.nc_year, years)]
        return [Tally(*map(int, row)) for row in counts]


def generate_school(
    seed: np.random.SeedSequence, school: SchoolInfo, academic_year: int, as_of: dt.date | None = None
) -> SchoolYear:
    """The school's pupils and marks for the academic year up to `as_of` (default: the whole year)."""
    rng = np.random.default_rng(seed)
    calendar = england_default(academic_year)
    days = calendar.school_days()
    as_of = min(as_of or days[-1], days[-1])
    if as_of < days[0]:
        raise ValueError(f"{as_of:%d/%m/%Y} is before the first school day ({days[0]:%d/%m/%Y})")
    pupils = draw_pupils(rng, school, calendar, as_of)
    marks = draw_marks(rng, school, pupils, days, season(calendar, days), as_of)
    shown = [day for day in days if day <= as_of]
    return SchoolYear(dataclasses.replace(school, pupils=len(pupils)), calendar, pupils, shown, marks)
