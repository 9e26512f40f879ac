"""What a school's home page says: what Rollbook holds for the school and to which date, when its
comparators were published, its headline figures, and where to start. Every figure is a report's own
answer (the attendance summary's, the KS4 headline's), so the home page and the reports never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from rollbook.analytics import reports
from rollbook.analytics.reports.attendance import summary
from rollbook.analytics.results.cohort import years_with_results
from rollbook.analytics.results.figures import MEASURE_NAMES
from rollbook.lake import Lake
from rollbook.rules.calendar import academic_year_label
from rollbook.web.front import reporting
from rollbook.web.schools.models import School

#: The KS4 figures the home page heads with, as the KS4 headline names them.
KS4_HEADLINE = ("attainment8", "progress8", "basics_4_rate", "ebacc_entry_rate")


@dataclass(frozen=True)
class Overview:
    #: The academic years the school's pupils are held for, as schools write them ("2024/25").
    attendance_years: list[str]
    #: The attendance summary's answer for the year to date (None when no marks are held).
    attendance: dict | None
    #: Its headline figures, each shaded against its first comparator, as the summary lays them out.
    headline: list[dict]
    #: The years of KS4 results held, and the KS4 headline's answer for the latest of them.
    results_years: list[str]
    ks4: dict | None
    #: Its headline figures, each beside what the KS4 headline sets it beside (national, as a rule).
    ks4_headline: list[dict]
    #: Each attendance report the reader may open: (name, tab, what it shows).
    reports: list[tuple[str, str, str]]


def overview(school: School, pupil_level: bool) -> Overview:
    lake = Lake.configured()
    attendance, headline = None, []
    try:
        attendance = reporting.question(pupil_level, school, summary.REPORT, {}).result.data
        headline = summary.context(attendance)["headline"]
    except LookupError:  # no marks held yet
        pass
    results = years_with_results(lake, school.urn)
    ks4, ks4_headline = None, []
    if results:
        try:
            ks4 = reporting.question(pupil_level, school, reports.find("ks4", "headline"), {}).result.data
        except LookupError:
            pass
        else:
            beside = ks4["national_measures"] or {}
            ks4_headline = [
                {"key": key, "label": MEASURE_NAMES[key], "value": ks4["measures"][key],
                 "beside": beside.get(key), "gap": ks4["gaps"].get(key)}
                for key in KS4_HEADLINE
            ]  # fmt: skip
    return Overview(
        attendance_years=[academic_year_label(year) for year in lake.academic_years(school.urn)],
        attendance=attendance,
        headline=headline,
        results_years=[academic_year_label(year) for year in results],
        ks4=ks4,
        ks4_headline=ks4_headline,
        reports=[
            (report.name, report.tab, report.about)
            for report in reports.of("attendance")
            if report.tab and (pupil_level or not report.pupil_level)
        ],
    )
