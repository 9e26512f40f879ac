"""What the attendance reports share: their comparators, titles, the filters in words, flat rows, and the
order of lists of pupils."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any, TypeVar

from rollbook.analytics.attendance.figures import Comparison
from rollbook.analytics.attendance.groups import GROUP_MEASURES
from rollbook.analytics.attendance.pupil_list import BAND_NAMES
from rollbook.analytics.attendance.sessions import period_info
from rollbook.analytics.comparators.beside import published_period
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.analytics.disclosure import hide_small_groups
from rollbook.analytics.filters import Filters, accepted_values
from rollbook.analytics.reports.attendance.request import Asked
from rollbook.analytics.reports.base import Table
from rollbook.rules.attendance.measures import DESCRIPTIONS
from rollbook.rules.calendar import academic_year_label, academic_year_of
from rollbook.rules.comparison import display
from rollbook.rules.groups import GROUPING_NAMES, group_label
from rollbook.rules.periods import Period
from rollbook.rules.years import SESSION_MEASURE_YEARS
from rollbook.rules.years import label as year_label

DOMAIN = "attendance"


def envelope(asked: Asked, shown: Period | None = None, **parts: object) -> dict[str, Any]:
    """A report's data: the school and the period shown (the one asked for, unless the report shows its
    own), the report's own parts, then the filters chosen."""
    period = period_info(shown or asked.shown)
    return {"school": asked.school, "period": period, **parts, "filters": chosen(asked.filters)}


def chosen(filters: Filters) -> dict[str, list]:
    """The filters set, by name, each as a sorted list of its accepted values."""
    return {
        field.name: sorted(accepted_values(getattr(filters, field.name)))
        for field in fields(filters)
        if getattr(filters, field.name) is not None
    }


def compared(asked: Asked) -> tuple[Snapshot | None, tuple[str, str] | None, Comparison]:
    """The latest snapshot of the year shown, the published period matching the report's (or None), and
    what the report says about its comparators."""
    snapshot = asked.snapshot()
    if snapshot is None:
        if Snapshot.latest(asked.snapshots) is None:
            return None, None, {"unavailable": "no comparators have been published yet"}
        year = academic_year_label(academic_year_of(asked.shown.end))
        return None, None, {"unavailable": f"no comparators have been published for {year}"}
    published, reason = published_period(snapshot, asked.period, asked.shown)
    info: Comparison = {
        "published": snapshot.manifest.published,
        "as_of": snapshot.manifest.as_of,
        "unavailable": reason or None,
    }
    return snapshot, published, info


def hidden_small(asked: Asked, groups: list[list[dict]]) -> None:
    """For readers without pupil-level access, blank the figures of every group too small to show."""
    if asked.min_group_pupils:
        for listed in groups:
            hide_small_groups(listed, asked.min_group_pupils)


def title(asked: Asked, data: dict, name: str) -> str:
    """ "Attendance year groups, school 100001, 2024/25 to 13/09/2024, Year 7, Girls"."""
    heading = f"Attendance {name.replace('-', ' ')}, school {asked.school}, {data['period']['label']}"
    return ", ".join([heading, *pupils_chosen(asked.filters)])


def pupils_chosen(filters: Filters) -> list[str]:
    """The filters in a school's words: ["Year 7", "Girls", "FSM6"]."""
    return [
        group_label(column, value)
        for column, accepted in filters.by_column().items()
        for value in sorted(accepted_values(accepted))
    ]


def freshness(comparison: Comparison) -> str:
    """When the comparators were published and what data they run to, or why there are none."""
    if comparison.get("unavailable"):
        return f"comparators: {comparison['unavailable']}"
    published, as_of = (dt.date.fromisoformat(comparison[key][:10]) for key in ("published", "as_of"))
    return f"comparators published {published:%d/%m/%Y}, data to {as_of:%d/%m/%Y}"


def with_gap(ours: dict, theirs: dict | None, key: str) -> str:
    """A figure for a terminal, with its gap to the comparator in points in brackets."""
    shown = display(ours[key], 1)
    gap = (theirs or {}).get("differences", {}).get(key)
    return f"{shown} ({gap['points']:+.1f})" if gap else shown


def english_dates(row: dict) -> dict[str, object]:
    """Dates as English schools write them (DD/MM/YYYY), for downloads and the terminal."""
    return {key: f"{value:%d/%m/%Y}" if isinstance(value, dt.date) else value for key, value in row.items()}


def week_heading(week: str | dt.date) -> str:
    """A week's column or row heading: "w/c 09/09/2024"."""
    monday = dt.date.fromisoformat(week) if isinstance(week, str) else week
    return f"w/c {monday:%d/%m/%Y}"


def pupil_rows(pupils: list[dict]) -> list[dict[str, object]]:
    """One flat row per pupil: their figures, then a column per week (attendance %)."""
    weeks = {week for pupil in pupils for week in pupil["weeks"]}
    headings = {week: week_heading(week) for week in weeks}  # once, not per pupil
    return [
        {
            **{key.replace("_", " "): value for key, value in pupil.items() if key != "weeks"},
            **{headings[week]: rate for week, rate in pupil["weeks"].items()},
        }
        for pupil in pupils
    ]


def beside_comparators(asked: Asked, key: str, build) -> dict[str, Any]:
    """A group report's data: its groups from `build` (lake, snapshot, school, period, published, filters)
    beside the latest comparators, under `key`."""
    snapshot, published, comparison = compared(asked)
    found = build(asked.lake, snapshot, asked.school, asked.shown, published, asked.filters)
    return envelope(asked, comparison=comparison, **{key: found})


def group_rows(by_column: dict[str, list[dict]]) -> list[dict[str, object]]:
    """One flat row per group, the school's figures then national's, under each grouping's name."""
    rows = []
    for column, found in by_column.items():
        for group in found:
            national = group["national"] or {}
            rows.append(
                {
                    "grouping": GROUPING_NAMES[column],
                    "group": group["label"],
                    **group["school"],
                    **{f"national {key}": national.get(key) for key in GROUP_MEASURES},
                }
            )
    return rows


def group_tables(by_column: dict[str, list[dict]], comparison: Comparison) -> list[Table]:
    """A table per grouping for a terminal: each figure with its gap to national in brackets."""
    headings = {"attendance_rate": "attendance", "overall_absence_rate": "absence",
                "persistent_absence_rate": "persistent", "severe_absence_rate": "severe"}  # fmt: skip
    tables = []
    for column, found in by_column.items():
        grouping = GROUPING_NAMES[column]
        rows = [
            {
                grouping: group["label"],
                "pupils": group["school"]["pupils"],
                **{
                    heading: with_gap(group["school"], group["national"], key)
                    for key, heading in headings.items()
                },
            }
            for group in found
        ]
        tables.append((f"{grouping} (in brackets: points from national); {freshness(comparison)}", rows))
    return tables


#: Download headings for columns whose names are not a measure's: a measure's is its label, with "%" for a
#: rate ("Attendance %").
WORDS = {
    "upn": "UPN",
    "aea": "Approved educational activity",
    "reg_group": "Registration group",
    "reg group": "Registration group",
    "unresolved n": "N codes overdue",
    "weeks below 100": "Weeks under 100%",
    "rate": "Absence %",
    "national_rate": "National absence %",
    "nc_year": "Year group",
    "fsm6": "FSM6",
    "sen": "SEND",
    "eal": "EAL",
}


def in_words(rows: Callable[[Any], list[dict[str, object]]]) -> Callable[[Any], list[dict[str, object]]]:
    """A report's rows as a school downloads them (CSV, Excel, and the CLI's files): headings in words,
    figures rounded to one place as the page shows them, and the exact figures in their own columns headed
    "(exact)" after them; yes and no for true and false, dates DD/MM/YYYY."""

    def worded(data: Any) -> list[dict[str, object]]:
        return [_worded(row) for row in rows(data)]

    return worded


def _worded(row: dict[str, object]) -> dict[str, object]:
    shown: dict[str, object] = {}
    exact: dict[str, object] = {}
    for key, value in row.items():
        heading = heading_in_words(key)
        if isinstance(value, float):
            shown[heading] = float(display(value, 1))
            exact[f"{heading} (exact)"] = value
        elif isinstance(value, bool):
            shown[heading] = "Yes" if value else "No"
        elif isinstance(value, list | tuple):
            shown[heading] = ", ".join(map(str, value))
        elif isinstance(value, dt.date):
            shown[heading] = f"{value:%d/%m/%Y}"
        else:
            shown[heading] = value
    return shown | exact


def heading_in_words(key: str) -> str:
    """ "national attendance_rate" -> "National attendance %"; "possible_sessions" -> "Possible sessions";
    a week's attendance column "w/c 09/09/2024" -> "Attendance % w/c 09/09/2024"."""
    if key.startswith("w/c "):
        return f"Attendance % {key}"
    if key in WORDS:
        return WORDS[key]
    words = key.split(" ")
    for start in range(len(words)):
        measure = "_".join(words[start:])
        if measure in DESCRIPTIONS:
            label = DESCRIPTIONS[measure][0] + (" %" if measure.endswith("_rate") else "")
            prefix = " ".join(words[:start])
            heading = f"{prefix} {label.lower()}" if prefix else label
            return heading[:1].upper() + heading[1:]
    heading = key.replace("_", " ")
    return heading[:1].upper() + heading[1:]


#: Year groups in school order, by their labels, for sorting lists of pupils.
YEAR_ORDER = {year_label(year): position for position, year in enumerate(SESSION_MEASURE_YEARS)}
PupilRow = TypeVar("PupilRow", bound=Mapping[str, Any])


def in_bands(pupils: list[PupilRow], bands: list[str]) -> list[PupilRow]:
    """The pupils in any of the year-to-date attendance bands chosen; all of them when none is chosen."""
    return [pupil for pupil in pupils if not bands or pupil["band"] in bands]


def sort_pupils(pupils: list[PupilRow], column: str, highest_first: bool) -> list[PupilRow]:
    """Pupils in a column's order, pupils without a figure last either way; year groups in school order
    (Reception before Year 1, Year 9 before Year 10), bands from 100% down; ties by name."""
    by_name = sorted(pupils, key=lambda pupil: pupil["name"])

    def key(pupil: PupilRow):
        value = pupil[column]
        if column == "year_group":
            return YEAR_ORDER.get(value, len(YEAR_ORDER))
        if column == "band":
            return -BAND_NAMES.index(value) if value in BAND_NAMES else None
        return value

    held = [pupil for pupil in by_name if key(pupil) is not None]
    return sorted(held, key=key, reverse=highest_first) + [p for p in by_name if key(p) is None]
