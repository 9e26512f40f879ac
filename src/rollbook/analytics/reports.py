"""Reports as the CLI and API hand them out: the analytics result, a title, and flat rows for CSV or a table.

A report only arranges what `analytics.attendance` computed; it never works out a figure of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from rollbook import config
from rollbook.analytics.attendance import groups as group_reports
from rollbook.analytics.attendance.absence_frequency import absence_frequency
from rollbook.analytics.attendance.data_check import data_check
from rollbook.analytics.attendance.latest_days import latest_days
from rollbook.analytics.attendance.pupil_list import pupil_list
from rollbook.analytics.attendance.pupil_record import pupil_record
from rollbook.analytics.attendance.sessions import data_to, period_info, summary, year_to_date_held
from rollbook.analytics.comparators.beside import beside, published_period
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.analytics.disclosure import hide_small_groups, refuse_small_selection
from rollbook.analytics.filters import Filters, accepted_values
from rollbook.lake import Lake
from rollbook.rules.attendance.measures import DESCRIPTIONS, SUMMARY_KEYS
from rollbook.rules.calendar import SchoolCalendar, academic_year_of, england_default
from rollbook.rules.comparison import display
from rollbook.rules.groups import GROUPING_NAMES, group_label
from rollbook.rules.periods import Period, custom, term_so_far, week

ATTENDANCE_REPORTS = (
    "360", "summary", "year-groups", "pupil-groups", "absence", "weekday", "data-check", "pupil-list",
    "latest-days", "absence-frequency", "pupil",
)  # fmt: skip
#: The pupil list's columns on a terminal (CSV and the page have every week too).
PUPIL_LIST_COLUMNS = (
    "name", "year group", "attendance rate", "year to date attendance rate",
    "band", "weeks below 100", "at risk",
)  # fmt: skip
#: The register grid's columns: each weekday's morning and afternoon.
GRID_COLUMNS = tuple(
    f"{day} {session}" for day in ("Mon", "Tue", "Wed", "Thu", "Fri") for session in ("AM", "PM")
)
#: Reports that name pupils: only for users with pupil-level access, and every read is audited.
PUPIL_LEVEL_REPORTS = frozenset({"pupil-list", "latest-days", "absence-frequency", "pupil"})
#: Where each group report keeps its findings in the report's data.
DATA_KEYS = {
    "360": "three_sixty",
    "year-groups": "year_groups",
    "pupil-groups": "pupil_groups",
    "absence": "absence",
    "weekday": "weekday",
}


@dataclass(frozen=True)
class Report:
    """`rows` is the flat table for CSV; `tables` the same figures arranged to read on a terminal."""

    title: str
    data: dict[str, object]
    rows: Sequence[dict[str, object]]
    tables: Sequence[tuple[str, list[dict[str, object]]]]


class Deferred(Sequence):
    """A list made the first time something reads it. A page shows a report's data, not its rows, and a big
    school's pupil grid takes longer to flatten for a download than to show a page of."""

    def __init__(self, make: Callable[[], list]) -> None:
        self._make = make

    @functools.cached_property
    def _items(self) -> list:
        return self._make()

    def __getitem__(self, index):
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)


def attendance_report(
    name: str,
    school: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    term_name: str | None = None,
    filters: Filters = Filters(),
    lake: Lake | None = None,
    snapshots: Path | None = None,
    calendar: Callable[[int], SchoolCalendar] = england_default,
    latest_week: bool = False,
    consecutive_days: int = 3,
    upn: str | None = None,
    min_group_pupils: int = 0,
) -> Report:
    """The attendance report `name` for one school, for the pupils `filters` choose; without dates or a
    term's name, the academic year to date. With `min_group_pupils` (for readers without pupil-level
    access) no group or filtered selection of fewer pupils shows its figures.

    LookupError when the lake holds nothing for the school; ValueError for a period the rules refuse.
    """
    if name not in ATTENDANCE_REPORTS:
        raise LookupError(f"there is no attendance report called {name!r}; try one of {ATTENDANCE_REPORTS}")
    lake = lake or Lake.configured()
    if school not in lake.schools():
        raise LookupError(f"no attendance data is held for school URN {school}; import its files first")
    period = chosen_period(lake, school, calendar, start, end, term_name)
    if latest_week:
        period = week((period or year_to_date_held(lake, school)).end)
    snapshots = snapshots or config.snapshots_root()
    if min_group_pupils:
        shown = period or year_to_date_held(lake, school)
        refuse_small_selection(lake, school, shown, filters, min_group_pupils)
    if name == "summary":
        data = attendance_summary(lake, snapshots, school, period, filters)
        rows, tables = _rows(data), _tables(data)
    elif name == "pupil-list":
        data = pupil_list_report(lake, school, period, calendar, filters)
        rows = _pupil_rows(data["pupil_list"])
        shown = [{key: row[key] for key in PUPIL_LIST_COLUMNS} for row in rows]
        tables = [("Pupils, most weeks below 100% first", shown)]
    elif name == "absence-frequency":
        shown = period or year_to_date_held(lake, school)
        data = {
            "school": school,
            "period": period_info(shown),
            "absence_frequency": absence_frequency(lake, school, shown, filters),
        }
        listed = data["absence_frequency"]["pupils"]
        rows = Deferred(lambda: _pupil_rows(listed))
        columns = ("name", "spells", "longest spell sessions", "weeks below 100")
        tables = Deferred(
            lambda: [
                (
                    "Pupils with a week under 100%, most spells of absence first",
                    [{key: row[key] for key in columns} for row in rows],
                )
            ]
        )
    elif name == "pupil":
        if not upn:
            raise ValueError("the pupil report needs a pupil's UPN")
        shown = period or year_to_date_held(lake, school)
        data = {
            "school": school,
            "period": period_info(shown),
            "pupil": pupil_record(lake, school, upn.strip().upper(), shown),
        }
        rows = [
            {
                "week commencing": f"{week['week_commencing']:%d/%m/%Y}",
                **dict(zip(GRID_COLUMNS, week["cells"], strict=True)),
            }
            for week in data["pupil"]["grid"]
        ]
        tables = [(f"{data['pupil']['name']}: the register, week by week", rows)]
    elif name == "latest-days":
        data = latest_days_report(lake, school, calendar, consecutive_days, filters)
        lists = {
            name.replace("_", " "): [_english_dates(row) for row in found]
            for name, found in data["latest_days"].items()
        }
        rows = [{"list": list_name, **row} for list_name, found in lists.items() for row in found]
        tables = [(list_name.capitalize(), found) for list_name, found in lists.items()]
    elif name == "data-check":
        data = data_check_report(lake, school, period, calendar, filters)
        rows = _data_check_rows(data)
        tables = [("Week by week: what was expected, marked and left open", rows)]
    else:
        data = group_report(name, lake, snapshots, school, period, filters)
        if min_group_pupils:
            for groups in _group_lists(name, data):
                hide_small_groups(groups, min_group_pupils)
        rows = _group_rows(name, data)
        tables = (
            _group_tables(name, data)
            if name in ("year-groups", "pupil-groups")
            else [(_freshness(data["comparison"]), _three_sixty_table(data) if name == "360" else rows)]
        )
    data["filters"] = {
        field.name: sorted(accepted_values(getattr(filters, field.name)))
        for field in fields(filters)
        if getattr(filters, field.name) is not None
    }
    return Report(_title(name, school, data, filters), data, rows, tables)


def chosen_period(
    lake: Lake,
    school: int,
    calendar: Callable[[int], SchoolCalendar],
    start: dt.date | None,
    end: dt.date | None,
    term_name: str | None,
) -> Period | None:
    """The period asked for: custom dates, or a term or half-term so far; None for the year to date."""
    if term_name and (start or end):
        raise ValueError("choose either dates or a term, not both")
    if term_name:
        held = year_to_date_held(lake, school)
        return term_so_far(calendar(academic_year_of(held.end)), term_name, held.end)
    return custom(start, end) if start is not None and end is not None else None


def _group_lists(name: str, data: dict) -> list[list[dict]]:
    """The lists of pupil groups in a group report's data (weekdays and reasons are not pupil groups)."""
    found = data[DATA_KEYS[name]]
    if name == "year-groups":
        return [found]
    if name == "pupil-groups":
        return list(found.values())
    if name == "360":
        return [found["rows"]]
    return []


def group_report(
    name: str, lake: Lake, snapshots: Path, school: int, period: Period | None, filters: Filters = Filters()
) -> dict[str, object]:
    """The year groups, pupil groups or absence report's data, beside national where published."""
    snapshot, published, period, comparison = _compared(lake, snapshots, school, period)
    build = {
        "360": group_reports.three_sixty,
        "year-groups": group_reports.year_groups,
        "pupil-groups": group_reports.pupil_groups,
        "absence": group_reports.absence,
        "weekday": group_reports.weekdays,
    }[name]
    return {
        "school": school,
        "period": period_info(period),
        "comparison": comparison,
        DATA_KEYS[name]: build(lake, snapshot, school, period, published, filters),
    }


def pupil_list_report(
    lake: Lake,
    school: int,
    period: Period | None,
    calendar: Callable[[int], SchoolCalendar],
    filters: Filters,
) -> dict[str, object]:
    shown = period or year_to_date_held(lake, school)
    return {
        "school": school,
        "period": period_info(shown),
        "pupil_list": pupil_list(lake, school, period, calendar(academic_year_of(shown.end)), filters),
    }


def _pupil_rows(pupils: list[dict]) -> list[dict[str, object]]:
    """One flat row per pupil: their figures, then a column per week (attendance %)."""
    weeks = {week for pupil in pupils for week in pupil["weeks"]}
    headings = {week: f"w/c {dt.date.fromisoformat(week):%d/%m/%Y}" for week in weeks}  # once, not per pupil
    return [
        {
            **{key.replace("_", " "): value for key, value in pupil.items() if key != "weeks"},
            **{headings[week]: rate for week, rate in pupil["weeks"].items()},
        }
        for pupil in pupils
    ]


def access_label(name: str, upn: str | None, form: str) -> str:
    """How a pupil-level read is named in the access log: the report, the pupil if one, and the form."""
    return f"attendance {name}{f' {upn.strip().upper()}' if upn else ''} ({form})"


def _english_dates(row: dict) -> dict[str, object]:
    """Dates as English schools write them (DD/MM/YYYY), for downloads and the terminal."""
    return {key: f"{value:%d/%m/%Y}" if isinstance(value, dt.date) else value for key, value in row.items()}


def latest_days_report(
    lake: Lake,
    school: int,
    calendar: Callable[[int], SchoolCalendar],
    consecutive_days: int,
    filters: Filters,
) -> dict[str, object]:
    shown = year_to_date_held(lake, school)
    return {
        "school": school,
        "period": period_info(shown),
        "data_to": shown.end.isoformat(),
        "consecutive_days": consecutive_days,
        "latest_days": latest_days(
            lake, school, calendar(academic_year_of(shown.end)), shown.end, consecutive_days, filters
        ),
    }


def data_check_report(
    lake: Lake,
    school: int,
    period: Period | None,
    calendar: Callable[[int], SchoolCalendar],
    filters: Filters,
) -> dict[str, object]:
    period = period or year_to_date_held(lake, school)
    year = academic_year_of(period.end)
    as_of = data_to(lake, school, year) or period.end
    return {
        "school": school,
        "period": period_info(period),
        "data_to": as_of.isoformat(),
        "weeks": data_check(lake, school, period, calendar(year), as_of, filters),
    }


def _data_check_rows(data: dict) -> list[dict[str, object]]:
    """One row per week, with a column for every code used in any week (0 where a week has none)."""
    used = sorted({code for week in data["weeks"] for code in week["codes"]})
    return [
        {
            "week commencing": f"{dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            **{
                key.replace("_", " "): value
                for key, value in week.items()
                if key not in ("week_commencing", "codes")
            },
            **{f"code {code}": week["codes"].get(code, 0) for code in used},
        }
        for week in data["weeks"]
    ]


def _compared(lake: Lake, snapshots: Path, school: int, chosen: Period | None):
    """The latest snapshot, the published period matching the report's (or None), the report's period,
    and what the report says about its comparators."""
    period = chosen or year_to_date_held(lake, school)
    snapshot = Snapshot.latest(snapshots)
    if snapshot is None:
        return None, None, period, {"unavailable": "no comparators have been published yet"}
    published, reason = published_period(snapshot, chosen, period)
    info = {"published": snapshot.manifest.published, "as_of": snapshot.manifest.as_of}
    return snapshot, published, period, {**info, "unavailable": reason or None}


def attendance_summary(
    lake: Lake, snapshots: Path, school: int, period: Period | None = None, filters: Filters = Filters()
) -> dict[str, object]:
    """The school's summary and weeks, each beside the latest published comparators where they exist."""
    snapshot, published, period, comparison = _compared(lake, snapshots, school, period)
    data = summary(lake, school, period, filters)
    data["comparison"] = comparison
    if comparison["unavailable"]:
        return data
    comparators = beside(lake, snapshot, school, data["measures"], period, published, filters)
    data["comparison"]["comparators"] = comparators
    national = {row["period"]: row for row in snapshot.figures("national", "England", "week", None, filters)}
    for weekly in data["weeks"]:
        figures = national.get(weekly["week_commencing"])
        weekly["national"] = {key: figures[key] for key in SUMMARY_KEYS} if figures else None
    return data


def _title(name: str, school: int, data: dict, filters: Filters) -> str:
    title = f"Attendance {name.replace('-', ' ')}, school {school}, {data['period']['label']}"
    return ", ".join([title, *pupils_chosen(filters)])


def pupils_chosen(filters: Filters) -> list[str]:
    """The filters in a school's words: ["Year 7", "Girls", "FSM6"]."""
    return [
        group_label(column, value)
        for column, accepted in filters.by_column().items()
        for value in sorted(accepted_values(accepted))
    ]


def _freshness(comparison: dict) -> str:
    if comparison.get("unavailable"):
        return f"comparators: {comparison['unavailable']}"
    published, as_of = (dt.date.fromisoformat(comparison[key][:10]) for key in ("published", "as_of"))
    return f"comparators published {published:%d/%m/%Y}, data to {as_of:%d/%m/%Y}"


def _group_tables(name: str, data: dict) -> list[tuple[str, list[dict[str, object]]]]:
    """A table per grouping for a terminal: each figure with its gap to national in brackets."""
    groupings = _groupings(name, data)
    headings = {"attendance_rate": "attendance", "overall_absence_rate": "absence",
                "persistent_absence_rate": "persistent", "severe_absence_rate": "severe"}  # fmt: skip
    tables = []
    for grouping, groups in groupings.items():
        rows = [
            {
                grouping: group["label"],
                "pupils": group["school"]["pupils"],
                **{heading: _with_gap(group, key) for key, heading in headings.items()},
            }
            for group in groups
        ]
        tables.append(
            (
                f"{grouping} (in brackets: points from national); {_freshness(data['comparison'])}",
                rows,
            )
        )
    return tables


def _three_sixty_table(data: dict) -> list[dict[str, object]]:
    """For a terminal: each figure with its gap to the first comparator (national) in brackets."""
    names = ("attendance", "authorised", "unauthorised", "persistent", "severe")
    headings = dict(zip(group_reports.THREE_SIXTY_MEASURES, names, strict=True))
    return [
        {
            "group": row["label"],
            "pupils": row["school"]["pupils"],
            **{
                heading: _with_gap(
                    {"school": row["school"], "national": row["beside"][0] if row["beside"] else None}, key
                )
                for key, heading in headings.items()
            },  # fmt: skip
        }
        for row in data["three_sixty"]["rows"]
    ]


def _groupings(name: str, data: dict) -> dict[str, list[dict]]:
    """The report's groups under each grouping's everyday name."""
    by_column = {"nc_year": data["year_groups"]} if name == "year-groups" else data["pupil_groups"]
    return {GROUPING_NAMES[column]: groups for column, groups in by_column.items()}


def _with_gap(group: dict, key: str) -> str:
    shown = display(group["school"][key], 1)
    gap = (group["national"] or {}).get("differences", {}).get(key)
    return f"{shown} ({gap['points']:+.1f})" if gap else shown


def _group_rows(name: str, data: dict) -> list[dict[str, object]]:
    """One flat row per group (or per reason), the school's figures then national's."""
    if name == "360":
        found = data["three_sixty"]
        return [
            {
                "group": row["label"],
                **row["school"],
                **{
                    f"{title} {key}": (beside or {}).get(key)
                    for title, beside in zip(found["comparators"], row["beside"], strict=True)
                    for key in group_reports.THREE_SIXTY_MEASURES
                },
            }
            for row in found["rows"]
        ]
    if name == "weekday":
        return [
            {
                "session": row["label"],
                **row["school"],
                **{
                    f"national {key}": (row["national"] or {}).get(key)
                    for key in group_reports.WEEKDAY_MEASURES
                },
            }
            for row in data["weekday"]
        ]
    if name == "absence":
        return [
            {key: row[key] for key in ("code", "meaning", "category", "sessions", "rate", "national_rate")}
            for row in data["absence"]
        ]
    groupings = _groupings(name, data)
    rows = []
    for grouping, groups in groupings.items():
        for group in groups:
            national = group["national"] or {}
            rows.append(
                {
                    "grouping": grouping,
                    "group": group["label"],
                    **group["school"],
                    **{f"national {key}": national.get(key) for key in group_reports.GROUP_MEASURES},
                }
            )
    return rows


def _rows(data: dict) -> list[dict[str, object]]:
    """One row for the whole period, one per comparator, then one per week (named by Monday, DD/MM/YYYY)."""
    whole = {"period": data["period"]["label"], **{key: data["measures"][key] for key in SUMMARY_KEYS}}
    comparators = [
        {
            "period": f"{row['label']} ({row['schools']:,} school{'' if row['schools'] == 1 else 's'})",
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
    note = _freshness(comparison)
    weeks = [
        {
            "week commencing": f"{dt.date.fromisoformat(week['week_commencing']):%d/%m/%Y}",
            "pupils": week["pupils"],
            "attendance": week["attendance_rate"],
            "national attendance": (week.get("national") or {}).get("attendance_rate"),
            "authorised absence": week["authorised_absence_rate"],
            "unauthorised absence": week["unauthorised_absence_rate"],
        }
        for week in data["weeks"]
    ]
    return [(f"{data['period']['label']}; {note}", figures), ("Week by week", weeks)]
