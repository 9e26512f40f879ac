"""Reports as the CLI and API hand them out: the analytics result, a title, and flat rows for CSV or a table.

A report only arranges what `analytics.attendance` computed; it never works out a figure of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rollbook import config
from rollbook.analytics.attendance import Filters, summary, year_to_date_held
from rollbook.analytics.benchmarks import Snapshot, snapshots_root
from rollbook.analytics.comparisons import beside, published_period
from rollbook.lake import Lake
from rollbook.rules.measures import DESCRIPTIONS, SUMMARY_KEYS
from rollbook.rules.periods import Period, custom
from rollbook.rules.years import label as year_label

ATTENDANCE_REPORTS = ("summary",)


@dataclass(frozen=True)
class Report:
    """`rows` is the flat table for CSV; `tables` the same figures arranged to read on a terminal."""

    title: str
    data: dict[str, object]
    rows: list[dict[str, object]]
    tables: list[tuple[str, list[dict[str, object]]]]


def attendance_report(
    name: str,
    school: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    year_groups: Collection[int] | None = None,
    lake: Lake | None = None,
    snapshots: Path | None = None,
) -> Report:
    """The attendance report `name` for one school; without dates, the academic year to date.

    LookupError when the lake holds nothing for the school; ValueError for a period the rules refuse.
    """
    if name not in ATTENDANCE_REPORTS:
        raise LookupError(f"there is no attendance report called {name!r}; try one of {ATTENDANCE_REPORTS}")
    lake = lake or Lake(config.lake_root())
    if school not in lake.schools():
        raise LookupError(f"no attendance data is held for school URN {school}; import its files first")
    period = custom(start, end) if start is not None and end is not None else None
    filters = Filters(year_groups=tuple(year_groups) if year_groups else None)
    data = attendance_summary(lake, snapshots or snapshots_root(config.data_dir()), school, period, filters)
    if year_groups:
        data["year_groups"] = sorted(year_groups)
    return Report(_title(school, data, year_groups), data, _rows(data), _tables(data))


def attendance_summary(
    lake: Lake, snapshots: Path, school: int, period: Period | None = None, filters: Filters = Filters()
) -> dict[str, object]:
    """The school's summary and weeks, each beside the latest published comparators where they exist."""
    snapshot = Snapshot.latest(snapshots)
    published = published_period(snapshot, period) if snapshot else None
    period = period or year_to_date_held(lake, school)
    data = summary(lake, school, period, filters)
    if snapshot is None:
        data["comparison"] = {"unavailable": "no comparators have been published yet"}
        return data
    info = {"published": snapshot.manifest.published, "as_of": snapshot.manifest.as_of}
    if published is None:
        reason = "comparators are published for the year to date and for each week; choose one of those"
        data["comparison"] = {**info, "unavailable": reason}
        return data
    comparators = beside(lake, snapshot, school, data["measures"], period, published, filters)
    data["comparison"] = {**info, "unavailable": None, "comparators": comparators}
    for week in data["weeks"]:
        (national,) = snapshot.figures("national", "England", "week", week["week_commencing"], filters)
        week["national"] = {key: national[key] for key in SUMMARY_KEYS}
    return data


def _title(school: int, data: dict, year_groups: Collection[int] | None) -> str:
    title = f"Attendance summary, school {school}, {data['period']['label']}"
    if year_groups:
        title += ", " + ", ".join(year_label(year) for year in sorted(year_groups))
    return title


def _rows(data: dict) -> list[dict[str, object]]:
    """One row for the whole period, one per comparator, then one per week (named by Monday, DD/MM/YYYY)."""
    whole = {"period": data["period"]["label"], **{key: data["measures"][key] for key in SUMMARY_KEYS}}
    comparators = [
        {
            "period": f"{row['label']} ({row['schools']:,} schools)",
            **{key: row["measures"][key] for key in SUMMARY_KEYS},
        }
        for row in data["comparison"].get("comparators", [])
    ]
    weeks = [
        {
            "period": f"Week commencing {dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            **{key: week[key] for key in SUMMARY_KEYS},
        }
        for week in data["weeks"]
    ]
    return [whole, *comparators, *weeks]


def _tables(data: dict) -> list[tuple[str, list[dict[str, object]]]]:
    """Measures down the side with the school and each comparator across; then the weeks, with national."""
    comparison = data["comparison"]
    comparators = comparison.get("comparators", [])
    figures = [
        {
            "measure": DESCRIPTIONS[key][0],
            "school": data["measures"][key],
            **{row["label"]: row["measures"][key] for row in comparators},
        }
        for key in SUMMARY_KEYS
    ]
    if comparison.get("unavailable"):
        note = f"comparators: {comparison['unavailable']}"
    else:
        published, as_of = (dt.date.fromisoformat(comparison[key][:10]) for key in ("published", "as_of"))
        note = f"comparators published {published:%d/%m/%Y}, data to {as_of:%d/%m/%Y}"
    weeks = [
        {
            "week commencing": f"{dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            "pupils": week["pupils"],
            "attendance": week["attendance_rate"],
            "national attendance": week.get("national", {}).get("attendance_rate"),
            "authorised absence": week["authorised_absence_rate"],
            "unauthorised absence": week["unauthorised_absence_rate"],
        }
        for week in data["weeks"]
    ]
    return [(f"{data['period']['label']}; {note}", figures), ("Week by week", weeks)]
