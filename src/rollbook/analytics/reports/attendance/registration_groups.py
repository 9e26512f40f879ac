"""Attendance by registration group: each form group's attendance and persistent absence beside the whole
school's, for the tutor and head of year who follow a form."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.analytics.attendance.figures import FormGroup, Period
from rollbook.analytics.attendance.groups import GROUP_MEASURES, registration_groups
from rollbook.analytics.reports.attendance import common
from rollbook.analytics.reports.attendance.request import Asked, AttendanceQuery, prepare
from rollbook.analytics.reports.base import Report, Table
from rollbook.charts import attendance as charts

HEADINGS = {"attendance_rate": "attendance", "overall_absence_rate": "absence",
            "persistent_absence_rate": "persistent", "severe_absence_rate": "severe"}  # fmt: skip


class RegistrationGroupsReport(TypedDict):
    school: int
    period: Period
    registration_groups: list[FormGroup]
    filters: dict[str, list]


def build(asked: Asked) -> RegistrationGroupsReport:
    found = registration_groups(asked.lake, asked.school, asked.shown, asked.filters)
    common.hidden_small(asked, [found])
    return common.envelope(asked, registration_groups=found)


def rows(data: RegistrationGroupsReport) -> list[dict[str, object]]:
    """One row per form group: its figures, then the whole school's."""
    return [
        {
            "registration group": group["label"],
            **group["school"],
            **{f"whole school {key}": group["whole_school"][key] for key in GROUP_MEASURES},
        }
        for group in data["registration_groups"]
    ]


def tables(data: RegistrationGroupsReport) -> list[Table]:
    shown = [
        {
            "registration group": group["label"],
            "pupils": group["school"]["pupils"],
            **{
                name: common.with_gap(group["school"], group["whole_school"], key)
                for key, name in HEADINGS.items()
            },
        }
        for group in data["registration_groups"]
    ]
    return [("Registration groups (in brackets: points from the whole school)", shown)]


REPORT = Report(
    domain=common.DOMAIN,
    name="registration-groups",
    heading="Registration groups",
    tab="Registration groups",
    about=(
        "Each registration group's attendance and persistent absence beside the whole school's, for "
        "tutors and heads of year."
    ),
    order=45,
    query=AttendanceQuery,
    prepare=prepare,
    build=build,
    rows=common.in_words(rows),
    tables=tables,
    title=lambda asked, data: common.title(asked, data, "registration-groups"),
    data_type=RegistrationGroupsReport,
    charts=lambda data: {
        "chart": charts.beside_national(
            data["registration_groups"],
            "Attendance by registration group",
            against=("whole_school", "Whole school"),
            ours="Registration group",
        )
    },
)
