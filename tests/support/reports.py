"""Asking a report as the page, the API and the CLI ask it, for tests that compare against it."""

from __future__ import annotations

from rollbook.analytics import reports
from rollbook.analytics.reports import ReportContext, Result
from rollbook.rules.calendar import england_default


def attendance_report(
    name: str,
    school: int,
    *,
    lake=None,
    snapshots=None,
    calendar=england_default,
    consecutive_days: int = 3,
    min_group_pupils: int = 0,
    **values: object,
) -> Result:
    """The attendance report `name` for `school`, asked with `values` named as the page's address names
    them (year_group=[8], sex="F", term="Autumn", upn=…)."""
    report = reports.find("attendance", name)
    context = ReportContext(school, calendar, consecutive_days, min_group_pupils, lake, snapshots)
    return report.run(report.ask(values, context))
