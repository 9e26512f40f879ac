"""The 360: the whole school, each year group and each pupil group, beside every comparator it has."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance import groups
from rollbook.analytics.attendance.figures import Comparison, Period, ThreeSixty
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report, Table

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


REPORT = Report(
    domain=common.DOMAIN,
    name="360",
    heading="360: the school and its groups beside others",
    tab="360",
    order=10,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=rows,
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "360"),
    data_type=ThreeSixtyReport,
)
