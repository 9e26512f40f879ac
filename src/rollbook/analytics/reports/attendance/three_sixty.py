"""The 360: the whole school, each year group and each pupil group, beside every comparator it has; for the
year to date, each term, or the end of an earlier year."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Period, ThreeSixty
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, Offered, prepare
from rollbook.analytics.reports.base import Report, Table
from rollbook.charts import attendance as charts
from rollbook.rules.attendance.measures import DESCRIPTIONS
from rollbook.rules.calendar import TERM_NAMES, academic_year_label

#: Each measure's name in a terminal's narrow columns.
SHORT_NAMES = dict(
    zip(
        groups.THREE_SIXTY_MEASURES,
        ("attendance", "authorised", "unauthorised", "persistent", "severe"),
        strict=True,
    )
)


class ThreeSixtyReport(TypedDict):
    school: int
    period: Period
    comparison: Comparison
    three_sixty: ThreeSixty
    filters: dict[str, list]


def build(asked: Asked) -> ThreeSixtyReport:
    data = common.beside_comparators(asked, "three_sixty", groups.three_sixty)
    common.hidden_small(asked, [data["three_sixty"]["rows"]])
    return data


def rows(data: ThreeSixtyReport) -> list[dict[str, object]]:
    """One flat row per group, the school's figures then each comparator's."""
    found = data["three_sixty"]
    return [
        {
            "group": row["label"],
            **row["school"],
            **{
                f"{title} {key}": (beside or {}).get(key)
                for title, beside in zip(found["comparators"], row["beside"], strict=True)
                for key in groups.THREE_SIXTY_MEASURES
            },
        }
        for row in found["rows"]
    ]


def tables(data: ThreeSixtyReport) -> list[Table]:
    """For a terminal: each figure with its gap to the first comparator (national) in brackets."""
    shown = [
        {
            "group": row["label"],
            "pupils": row["school"]["pupils"],
            **{
                name: common.with_gap(row["school"], row["beside"][0] if row["beside"] else None, key)
                for key, name in SHORT_NAMES.items()
            },
        }
        for row in data["three_sixty"]["rows"]
    ]
    return [(common.freshness(data["comparison"]), shown)]


def context(data: ThreeSixtyReport) -> dict[str, object]:
    """The 360 as the page lays it out, to fit a screen and an A4 page: a block per measure with the groups
    down the side. The school's figure carries the shading, against the first comparator shown; only
    comparators with a figure for some group get a column, the others are named once with why."""
    found = data["three_sixty"]
    shown, not_shown = [], []
    for index, title in enumerate(found["comparators"]):
        theirs = [row["beside"][index] for row in found["rows"]]
        if any(beside and not beside["suppressed"] for beside in theirs):
            shown.append(index)
        else:
            reasons = [beside["suppressed"] for beside in theirs if beside and beside["suppressed"]]
            not_shown.append({"label": title, "reason": reasons[0] if reasons else "none is published"})
    blocks = [
        {
            "key": key,
            "label": DESCRIPTIONS[key][0],
            "help": DESCRIPTIONS[key][1],
            "comparators": [found["comparators"][index] for index in shown],
            "rows": [_row(row, key, shown) for row in found["rows"]],
        }
        for key in groups.THREE_SIXTY_MEASURES
    ]
    return {"blocks": blocks, "not_shown": not_shown}


def _row(row: dict, key: str, shown: list[int]) -> dict[str, object]:
    """One group's figure for one measure, its shading against the first comparator shown, and each shown
    comparator's figure with the school's gap to it."""
    beside = [_figure(row["beside"][index], key) for index in shown]
    return {
        "label": row["label"],
        "whole_school": row["grouping"] == "school",
        "pupils": row["school"]["pupils"],
        "suppressed": row["school"].get("suppressed"),
        "value": row["school"][key],
        "difference": beside[0]["difference"] if beside else None,
        "beside": beside,
    }


def _figure(beside: dict | None, key: str) -> dict[str, object]:
    if beside is None:
        return {"value": None, "suppressed": "no figure is published for this group", "difference": None}
    if beside["suppressed"]:
        return {"value": None, "suppressed": beside["suppressed"], "difference": None}
    return {"value": beside.get(key), "suppressed": None, "difference": beside["differences"].get(key)}


def periods(offered: Offered) -> list[tuple[str, dict[str, str]]]:
    """The 360's periods as the FFT tracker's tabs give them, each with the choices that ask for it: the
    year to date, each term of this year begun ("so far" for the one running), then the end of each
    earlier year held, newest first."""
    terms = [
        (f"{name} term{' so far' if name in offered.so_far else ''}", {"term": name})
        for name in TERM_NAMES
        if name in offered.periods
    ]
    years = [
        (f"End of year {academic_year_label(year)}", {"academic_year": academic_year_label(year)})
        for year in sorted(offered.academic_years, reverse=True)
        if year < offered.academic_year
    ]
    return [("Year to date", {}), *terms, *years]


def chart(data: ThreeSixtyReport) -> dict[str, dict]:
    """Each group's attendance as its gap to the first comparator shown, in points either side of zero."""
    (attendance, *_) = context(data)["blocks"]
    if not attendance["comparators"]:
        return {}
    against = attendance["comparators"][0]
    return {"chart": charts.gaps(attendance["rows"], f"Attendance against {against}", against)}


REPORT = Report(
    domain=common.DOMAIN,
    name="360",
    heading="360: the school and its groups beside others",
    tab="360",
    about="The whole school, each year group and each pupil group on one page, each beside every comparator.",
    order=10,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "360"),
    data_type=ThreeSixtyReport,
    charts=chart,
    context=context,
)
