"""Subject entries: the share of the KS4 cohort entered in each subject and EBacc subject area beside
national, the school's region and its similar schools (the attendance comparators' groups); subjects and
qualifications per pupil; and the EBacc area that holds most pupils back. For the year alone or three
years' cohorts together."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook import config
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.analytics.reports.base import Table
from rollbook.analytics.reports.ks4 import common as ks4
from rollbook.analytics.reports.ks4.request import Asked
from rollbook.analytics.reports.subjects import common
from rollbook.analytics.results.curriculum import EntryFigures, SubjectEntry, entries
from rollbook.analytics.results.subjects import SubjectsNational


class SubjectEntriesReport(TypedDict):
    school: int
    academic_year: int
    label: str
    years: list[int]
    years_label: str
    national: ks4.Ks4NationalInfo | None
    entries: EntryFigures


def build(asked: Asked) -> SubjectEntriesReport:
    years = common.years_asked(asked)
    pupils = [pupil for year in years for pupil in asked.cohort(year).pupils]
    return SubjectEntriesReport(
        school=asked.school,
        academic_year=asked.academic_year,
        label=asked.label,
        years=years,
        years_label=common.years_label(years),
        national=ks4.national_info(asked, asked.academic_year),
        entries=entries(pupils, _nationals(asked, years), _groups(asked), config.min_comparator_schools()),
    )


def _groups(asked: Asked) -> dict[str, tuple[str, list[int]]]:
    """The school's region and similar schools, as the latest attendance comparators have them."""
    snapshot = Snapshot.latest(asked.snapshots)
    return snapshot.groups_of(asked.school) if snapshot else {}


def _nationals(asked: Asked, years: list[int]) -> list[SubjectsNational]:
    """Each year's national subject figures once (a year set beside an earlier year's counts that year's)."""
    found = {}
    for year in years:
        if (national := common.national(asked, year)) is not None:
            found[national.academic_year] = national
    return [found[year] for year in sorted(found)]


def _row(kind: str, entry: SubjectEntry, years: str) -> dict[str, object]:
    return {
        "Years": years, "Kind": kind, "Subject": entry["name"], "EBacc subject area": entry["area"],
        "Entrants": entry["entrants"], "Entered %": entry["share"],
        "Entered %, national": entry["national_share"], "Entered %, region": entry["region_share"],
        "Entered %, similar schools": entry["similar_share"],
    }  # fmt: skip


def rows(data: SubjectEntriesReport) -> list[dict[str, object]]:
    found = data["entries"]
    return [_row("EBacc subject area", a, data["years_label"]) for a in found["areas"]] + [
        _row("Subject", s, data["years_label"]) for s in found["subjects"]
    ]


def tables(data: SubjectEntriesReport) -> list[Table]:
    found = data["entries"]
    barrier = found["barrier"]
    summary = [
        {"measure": "Pupils", "value": found["pupils"]},
        {"measure": "Subjects per pupil", "value": found["subjects_per_pupil"]},
        {"measure": "Qualifications per pupil", "value": found["qualifications_per_pupil"]},
        {"measure": "Greatest barrier to EBacc entry", "value": barrier["area"] if barrier else "none"},
    ]
    return [
        (f"Subject entries, {data['years_label']}", summary),
        ("EBacc subject areas", [_row("EBacc subject area", a, data["years_label"]) for a in found["areas"]]),
        ("Subjects", [_row("Subject", s, data["years_label"]) for s in found["subjects"]]),
    ]


REPORT = ks4.report(
    "entries",
    "Subject entries",
    domain=common.DOMAIN,
    tab="Entries",
    order=10,
    build=build,
    rows=rows,
    tables=tables,
    data_type=SubjectEntriesReport,
)
