"""One subject's dashboard (pupil-level): its attainment and value added, its value added for each pupil
group (sex, disadvantaged, SEN, EAL, prior attainment, persistent absence), a scatter of its entrants'
points against their prior attainment with the national estimate line, and the list of its entrants."""

from __future__ import annotations

from pydantic import Field
from typing_extensions import TypedDict

from rollbook.analytics.reports.base import InvalidRequest, Report, Table
from rollbook.analytics.reports.ks4 import common as ks4
from rollbook.analytics.reports.ks4.request import Asked, Ks4Query, prepare
from rollbook.analytics.reports.subjects import common
from rollbook.analytics.results.curriculum import SubjectDashboard, dashboard, name_of
from rollbook.charts import results as charts
from rollbook.rules.results.pupil_groups import measures_of
from rollbook.rules.results.subject_attainment import subject_attainment


class SubjectQuery(Ks4Query):
    subject: str | None = Field(
        None, title="Subject", description="The subject's key, e.g. maths (default: the most entered)"
    )


class SubjectChoice(TypedDict):
    subject: str
    name: str


class SubjectDashboardReport(TypedDict):
    school: int
    academic_year: int
    label: str
    national: ks4.Ks4NationalInfo | None
    #: The subjects the school's pupils were entered in, most entered first: the dashboard's choices.
    choices: list[SubjectChoice]
    dashboard: SubjectDashboard


def build(asked: Asked) -> SubjectDashboardReport:
    pupils = asked.cohort().pupils
    taken = subject_attainment(measures_of(pupils))
    choices = sorted(taken, key=lambda s: (-taken[s].entrants, name_of(s)))
    if not choices:
        raise LookupError(f"no subject results are held for school URN {asked.school} in {asked.label}")
    subject = getattr(asked.query, "subject", None) or choices[0]
    if subject not in taken:
        named = ", ".join(choices)
        raise InvalidRequest(
            [("subject", f"Subject: no pupil took {subject!r} in {asked.label}; choose {named}")]
        )
    national = common.national(asked)
    residuals, _ = common.residuals(asked, asked.academic_year)
    earlier = [
        r
        for year in asked.trend_years
        if year != asked.academic_year
        for r in common.residuals(asked, year)[0]
    ]
    return SubjectDashboardReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        national=ks4.national_info(asked, asked.academic_year),
        choices=[SubjectChoice(subject=s, name=name_of(s)) for s in choices],
        dashboard=dashboard(subject, pupils, national, residuals, earlier),
    )


COLUMNS = {"name": "Pupil", "upn": "UPN", "prior_attainment": "KS2 prior attainment", "grade": "Grade",
           "points": "Points", "expected": "National average for the prior attainment",
           "residual": "Value added"}  # fmt: skip


def rows(data: SubjectDashboardReport) -> list[dict[str, object]]:
    subject = data["dashboard"]["name"]
    return [
        {"Subject": subject, **{words: p[key] for key, words in COLUMNS.items()}}
        for p in data["dashboard"]["pupils"]
    ]  # type: ignore[literal-required]


def tables(data: SubjectDashboardReport) -> list[Table]:
    found = data["dashboard"]
    groups = [
        {"group": f"{g['grouping']}: {g['group']}", "entrants": g["value_added"]["entrants"],
         "value added": g["value_added"]["value_added"], "significance": g["value_added"]["significance"]}
        for g in found["groups"]
    ]  # fmt: skip
    return [(f"{found['name']}: value added by pupil group, {data['label']}", groups),
            (f"{found['name']}: entrants", rows(data))]  # fmt: skip


REPORT = Report(
    domain=common.DOMAIN,
    templates=common.TEMPLATES,
    name="subject",
    heading="Subject dashboard",
    tab="Subject dashboard",
    order=40,
    query=SubjectQuery,
    prepare=prepare,
    build=build,
    rows=rows,
    tables=tables,
    title=lambda asked, data: ks4.title(asked, f"{data['dashboard']['name']} dashboard"),
    data_type=SubjectDashboardReport,
    pupil_level=True,
    charts=lambda data: {
        "chart": charts.progress_scatter(
            data["dashboard"]["pupils"],
            data["dashboard"]["estimates"],
            f"{data['dashboard']['name']}: points against KS2 prior attainment",
            "points",
            "Points",
            9,
        )
    },  # fmt: skip
)
