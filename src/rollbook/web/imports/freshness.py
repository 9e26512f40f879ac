"""Whether a school's data is arriving: when it last came, and whether the last school day's marks are in.

Marks reach Rollbook by the morning after (a daily sync, or the DfE's twice-daily collection), so a school
with no marks for the last school day before today has most likely stopped sending them. During holidays
the last school day stays put, so no school is flagged for the break.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from rollbook.analytics.attendance.sessions import latest_marks
from rollbook.lake import Lake
from rollbook.rules.calendar import academic_year_of
from rollbook.web.imports.models import ImportRecord
from rollbook.web.schools.models import School


@dataclass(frozen=True)
class Freshness:
    #: When the latest import or sync that landed finished.
    received: dt.datetime | None
    #: The school's latest mark this academic year.
    marks_to: dt.date | None
    #: The last school day before today, whose marks should be in.
    expected: dt.date | None

    @property
    def stopped(self) -> bool:
        return self.expected is not None and (self.marks_to is None or self.marks_to < self.expected)


def freshness(schools: Sequence[School], today: dt.date | None = None) -> dict[int, Freshness]:
    """Each school's freshness by URN, in one lake query and one database query for them all."""
    today = today or timezone.localdate()
    year = academic_year_of(today)
    marks_to = latest_marks(Lake.configured(), [school.urn for school in schools], year)
    received = dict(
        ImportRecord.objects.filter(school__in=schools, outcome=ImportRecord.LANDED)
        .values("school__urn")
        .annotate(latest=Max("finished"))
        .values_list("school__urn", "latest")
    )
    return {
        school.urn: Freshness(
            received.get(school.urn),
            marks_to.get(school.urn),
            school.calendar(year).last_school_day_before(today),
        )
        for school in schools
    }
