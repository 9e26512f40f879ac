"""Keeping pupils from being singled out in group figures shown to staff without pupil-level access.

A group of a few pupils' rates tell a reader about each of them (two pupils, 50% persistently absent), and a
comparator's difference gives the rate back, so both are withheld below a minimum number of pupils. The
number itself is shown: that a school has three FSM6 girls in Year 9 is not about any one of them.
"""

from __future__ import annotations

from rollbook.analytics.attendance.sessions import measures
from rollbook.analytics.filters import Filters
from rollbook.lake import Lake
from rollbook.rules.periods import Period


def reason(minimum: int) -> str:
    return (
        f"fewer than {minimum} pupils: not shown without pupil-level access, so no pupil can be singled out"
    )


def refuse_small_selection(lake: Lake, school: int, period: Period, filters: Filters, minimum: int) -> None:
    """Refuse a report whose filters leave fewer than `minimum` pupils (but some): its every figure would be
    about those few. ValueError with the reason; no filters, or none matching, pass."""
    if not filters.by_column():
        return
    (chosen,) = measures(lake, [school], period, filters)
    if 0 < chosen["pupils"] < minimum:
        raise ValueError(f"these filters choose {chosen['pupils']} pupils, {reason(minimum)}")


def hide_small_groups(groups: list[dict], minimum: int) -> int:
    """Blank the figures, and the differences that would give them back, of each group under `minimum`
    pupils; the whole school (grouping "school") is never a group. Returns how many were hidden."""
    hidden = 0
    for group in groups:
        if group.get("grouping") == "school" or not 0 < group["school"]["pupils"] < minimum:
            continue
        figures = group["school"]
        group["school"] = {key: value if key == "pupils" else None for key, value in figures.items()}
        group["school"]["suppressed"] = reason(minimum)
        for beside in [group.get("national"), *group.get("beside", [])]:
            if beside:
                beside["differences"] = {}
        hidden += 1
    return hidden
