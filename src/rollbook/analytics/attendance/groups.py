"""The year groups, pupil groups and absence reports: a school's groups and reasons beside national.

Each group is set beside the same group nationally (the same filters applied to both), from the latest
published snapshot; comparators are published by year group, sex, FSM6 and SEND, so EAL and ethnicity are
shown for the school alone.
"""

from __future__ import annotations

import re

from rollbook.analytics.attendance.figures import (
    Beside,
    FormGroup,
    Group,
    Reason,
    ThreeSixty,
    ThreeSixtyRow,
    Weekday,
)
from rollbook.analytics.attendance.sessions import measures, reasons
from rollbook.analytics.comparators.beside import gap, label
from rollbook.analytics.comparators.snapshot import CELL, WEEKDAY, Snapshot
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.attendance import codes
from rollbook.rules.comparison import shade
from rollbook.rules.groups import group_label
from rollbook.rules.periods import Period

#: The measures the group reports show, each beside national.
GROUP_MEASURES = ("attendance_rate", "overall_absence_rate", "persistent_absence_rate", "severe_absence_rate")
#: The weekday report's measures: session rates only (persistence belongs to pupils, not to Mondays).
WEEKDAY_MEASURES = ("attendance_rate", "authorised_absence_rate", "unauthorised_absence_rate")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
SESSION_NAMES = {"AM": "morning", "PM": "afternoon"}
#: The pupil groups report's groupings, in the order the page shows them.
PUPIL_GROUPINGS = ("sex", "fsm6", "sen", "eal", "ethnicity")


def year_groups(
    lake: Lake,
    snapshot: Snapshot | None,
    school: int,
    period: Period,
    published,
    filters: Filters = Filters(),
) -> list[Group]:
    """Each year group's figures beside the same year group nationally."""
    return _groups(lake, snapshot, school, period, published, filters, "nc_year")


def pupil_groups(
    lake: Lake,
    snapshot: Snapshot | None,
    school: int,
    period: Period,
    published,
    filters: Filters = Filters(),
) -> dict[str, list[Group]]:
    """For each grouping (sex, FSM6, SEND, EAL, ethnicity), each group's figures beside national."""
    return {
        column: _groups(lake, snapshot, school, period, published, filters, column)
        for column in PUPIL_GROUPINGS
    }


def _groups(lake, snapshot, school, period, published, filters, column) -> list[Group]:
    ours = measures(lake, [school], period, filters, by=(column,))
    national = {}
    if snapshot is not None and published is not None and column in CELL:
        national = {
            row[column]: row
            for row in snapshot.figures("national", "England", *published, filters, by=(column,))
        }
    rows = []
    for row in ours:
        value = row[column]
        theirs = national.get(value)
        rows.append(
            {
                "group": value,
                "label": group_label(column, value),
                "school": {key: row[key] for key in ("pupils", *GROUP_MEASURES)},
                "national": _beside(row, theirs, GROUP_MEASURES) if theirs else None,
            }
        )
    return rows


def _beside(ours: dict, theirs: dict, keys: tuple[str, ...]) -> Beside:
    figures = {key: theirs[key] for key in ("schools", "suppressed", "pupils", *keys)}
    figures["differences"] = {key: gap(key, ours[key], theirs[key]) for key in keys}
    return figures


def weekdays(
    lake: Lake,
    snapshot: Snapshot | None,
    school: int,
    period: Period,
    published,
    filters: Filters = Filters(),
) -> list[Weekday]:
    """Attendance by weekday and session, beside national for the year to date (where Friday afternoon
    absence shows)."""
    ours = measures(lake, [school], period, filters, by=WEEKDAY)
    national = {}
    if snapshot is not None and published == ("year", "year_to_date"):
        national = {
            (row["weekday"], row["session"]): row
            for row in snapshot.figures("national", "England", "weekday", "year_to_date", filters, by=WEEKDAY)
        }
    rows = []
    for row in ours:
        theirs = national.get((row["weekday"], row["session"]))
        rows.append(
            {
                "weekday": row["weekday"],
                "session": row["session"],
                "label": f"{WEEKDAY_NAMES[row['weekday']]} {SESSION_NAMES[row['session']]}",
                "school": {key: row[key] for key in ("possible_sessions", *WEEKDAY_MEASURES)},
                "national": _beside(row, theirs, WEEKDAY_MEASURES) if theirs else None,
            }
        )
    return rows


def absence(
    lake: Lake,
    snapshot: Snapshot | None,
    school: int,
    period: Period,
    published,
    filters: Filters = Filters(),
) -> list[Reason]:
    """Absence by reason: each absence code's sessions and rate, beside national, in the code set in force."""
    national = {}
    if snapshot is not None and published is not None:
        national = {row["code"]: row for row in snapshot.reasons("national", "England", *published, filters)}
    rows = []
    for row in reasons(lake, [school], period, filters):
        code = codes.lookup(row["code"], period.end)
        if code is None or code.category not in codes.ABSENT:
            continue
        theirs = national.get(row["code"])
        rows.append(
            {
                "code": row["code"],
                "meaning": code.meaning,
                "category": str(code.category),
                "sessions": row["sessions"],
                "rate": row["rate"],
                "national_rate": theirs["rate"] if theirs else None,
                "shade": shade("overall_absence_rate", row["rate"], theirs["rate"]).css_class
                if theirs
                else "",
            }
        )
    return sorted(rows, key=lambda row: (row["category"], -row["sessions"], row["code"]))


#: The 360 report's measures, for the whole school and every group.
THREE_SIXTY_MEASURES = (
    "attendance_rate",
    "authorised_absence_rate",
    "unauthorised_absence_rate",
    "persistent_absence_rate",
    "severe_absence_rate",
)
#: The 360 report's groupings after the whole school: year groups, then the published pupil groups.
THREE_SIXTY_GROUPINGS = ("nc_year", "sex", "fsm6", "sen")


def three_sixty(
    lake: Lake,
    snapshot: Snapshot | None,
    school: int,
    period: Period,
    published,
    filters: Filters = Filters(),
) -> ThreeSixty:
    """One page for leaders: the whole school and each group, beside every comparator the school has."""
    comparators = []
    if snapshot is not None and published is not None:
        comparators = [(kind, name, label(kind, name)) for kind, name in snapshot.comparators_of(school)]

    published_figures: dict[tuple, dict] = {}  # (kind, name, grouping, group) to figures: one query each
    for kind, name, _ in comparators:
        for column in ("school", *THREE_SIXTY_GROUPINGS):
            by = () if column == "school" else (column,)
            for other in snapshot.figures(kind, name, *published, filters, by=by):
                published_figures[kind, name, column, other.get(column)] = other

    def row(column: str, value: object, title: str, ours: dict) -> ThreeSixtyRow:
        beside = []
        for kind, name, comparator_label in comparators:
            theirs = published_figures.get((kind, name, column, value))
            beside.append(
                {"label": comparator_label, **_beside(ours, theirs, THREE_SIXTY_MEASURES)} if theirs else None
            )
        return {
            "grouping": column,
            "group": value,
            "label": title,
            "school": {key: ours[key] for key in ("pupils", *THREE_SIXTY_MEASURES)},
            "beside": beside,
        }

    (whole,) = measures(lake, [school], period, filters)
    rows = [row("school", None, "Whole school", whole)]
    for column in THREE_SIXTY_GROUPINGS:
        for ours in measures(lake, [school], period, filters, by=(column,)):
            rows.append(row(column, ours[column], group_label(column, ours[column]), ours))
    return {"comparators": [title for _, _, title in comparators], "rows": rows}


def registration_groups(
    lake: Lake, school: int, period: Period, filters: Filters = Filters()
) -> list[FormGroup]:
    """Each registration (form) group's figures beside the whole school's. Comparators are not published by
    form group, so the school itself is what a form is set beside; groups come in their natural order
    (7A before 10A)."""
    (whole,) = measures(lake, [school], period, filters)
    school_figures = {"pupils": whole["pupils"], **{key: whole[key] for key in GROUP_MEASURES}}
    rows = [
        {
            "group": row["reg_group"],
            "label": group_label("reg_group", row["reg_group"]),
            "school": {key: row[key] for key in ("pupils", *GROUP_MEASURES)},
            "whole_school": {
                **school_figures,
                "differences": {key: gap(key, row[key], whole[key]) for key in GROUP_MEASURES},
            },
        }
        for row in measures(lake, [school], period, filters, by=("reg_group",))
    ]
    return sorted(rows, key=lambda row: natural_order(row["label"]))


def natural_order(text: str) -> list[object]:
    """A sort key reading the numbers in a name as numbers: 7A, 8B, 10A, not 10A, 7A, 8B."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part
    ]
