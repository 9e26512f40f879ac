"""Reports as the CLI and API hand them out: the analytics result, a title, and flat rows for CSV or a table.

A report only arranges what `analytics.attendance` computed; it never works out a figure of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rollbook.analytics.attendance import Filters, summary
from rollbook.lake import Lake
from rollbook.rules.measures import SUMMARY_KEYS
from rollbook.rules.periods import custom
from rollbook.rules.years import label as year_label

ATTENDANCE_REPORTS = ("summary",)


@dataclass(frozen=True)
class Report:
    title: str
    data: dict[str, object]
    rows: list[dict[str, object]]


def attendance_report(
    lake_root: Path,
    name: str,
    school: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    year_groups: Collection[int] | None = None,
) -> Report:
    """The attendance report `name` for one school; without dates, the academic year to date.

    LookupError when the lake holds nothing for the school; ValueError for a period the rules refuse.
    """
    if name not in ATTENDANCE_REPORTS:
        raise LookupError(f"there is no attendance report called {name!r}; try one of {ATTENDANCE_REPORTS}")
    lake = Lake(lake_root)
    if school not in lake.schools():
        raise LookupError(f"no attendance data is held for school URN {school}; import its files first")
    period = custom(start, end) if start is not None and end is not None else None
    filters = Filters(year_groups=tuple(year_groups) if year_groups else None)
    data = summary(lake, school, period, filters)
    if year_groups:
        data["year_groups"] = sorted(year_groups)
    return Report(_title(school, data, year_groups), data, _rows(data))


def _title(school: int, data: dict, year_groups: Collection[int] | None) -> str:
    title = f"Attendance summary, school {school}, {data['period']['label']}"
    if year_groups:
        title += ", " + ", ".join(year_label(year) for year in sorted(year_groups))
    return title


def _rows(data: dict) -> list[dict[str, object]]:
    """One row for the whole period, then one per week (weeks named by their Monday, as DD/MM/YYYY)."""
    whole = {"period": data["period"]["label"], **{key: data["measures"][key] for key in SUMMARY_KEYS}}
    weeks = [
        {
            "period": f"Week commencing {dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            **{key: week[key] for key in SUMMARY_KEYS},
        }
        for week in data["weeks"]
    ]
    return [whole, *weeks]
