"""One pupil's attendance: every mark in a register grid, counts by code, weekday and session, the trend
week by week, and earlier years where held.

Pupil-level: only for readers with pupil-level access, and every read is audited.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance.figures import Period, PupilRecord
from rollbook.analytics.attendance.pupil_record import pupil_record
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, PupilQuery, prepare
from rollbook.analytics.reports.base import Report
from rollbook.rules.attendance.codes import ABSENT, AEA, AUTHORISED, NOT_POSSIBLE, PRESENT, UNAUTHORISED

#: The register grid's columns: each weekday's morning and afternoon.
GRID_COLUMNS = tuple(
    f"{day} {session}" for day in ("Mon", "Tue", "Wed", "Thu", "Fri") for session in ("AM", "PM")
)


class PupilReport(TypedDict):
    school: int
    period: Period
    pupil: PupilRecord
    filters: dict[str, list]


#: The pupil's totals of marks, as a school reads them: each a label and the categories or codes it sums.
MARK_TOTALS = (
    ("Present", {PRESENT, AEA}, ()),
    ("Absent", ABSENT, ()),
    ("Authorised absence", {AUTHORISED}, ()),
    ("Illness", (), ("I",)),
    ("Medical", (), ("M",)),
    ("Authorised holiday", (), ("H",)),
    ("Unauthorised absence", {UNAUTHORISED}, ()),
    ("Unauthorised holiday", (), ("G",)),
    ("X (not required to attend)", (), ("X",)),
    ("Not counted", {NOT_POSSIBLE}, ()),
)


def context(data: PupilReport) -> dict[str, object]:
    """The pupil's totals of marks: all of them, then each kind the school follows up."""
    codes = data["pupil"]["codes"]
    totals = [("Total marks", sum(row["sessions"] for row in codes))]
    for label, categories, named in MARK_TOTALS:
        chosen = (row["sessions"] for row in codes if row["category"] in categories or row["code"] in named)
        totals.append((label, sum(chosen)))
    return {"mark_totals": totals}


def build(asked: Asked) -> PupilReport:
    return common.envelope(asked, pupil=pupil_record(asked.lake, asked.school, asked.upn, asked.shown))


def rows(data: PupilReport) -> list[dict[str, object]]:
    return [
        {
            "week commencing": f"{week['week_commencing']:%d/%m/%Y}",
            **dict(zip(GRID_COLUMNS, week["cells"], strict=True)),
        }
        for week in data["pupil"]["grid"]
    ]


REPORT = Report(
    domain=common.DOMAIN,
    name="pupil",
    heading="Pupil",
    tab=None,
    about=(
        "One pupil's attendance: every mark in a register grid, counts by code, weekday and session, and "
        "the weeks."
    ),
    order=110,
    query=PupilQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=lambda data: [(f"{data['pupil']['name']}: the register, week by week", rows(data))],
    title=lambda asked, data: common.title(asked, data, "pupil"),
    data_type=PupilReport,
    context=context,
    pupil_level=True,
)
