"""Answering a report for a signed-in reader, for the pages and the API alike.

In one order, whoever asks: the reader's access to the report is checked, the question is read and checked
(`Report.ask`), the report runs, and only then is a pupil-level read recorded, so a refused or unanswerable
request is never audited as a read. An answer is remembered in the "reports" cache, keyed by everything it
depends on (the school's lake files, the snapshot, the question, what the reader may see), so the next
reader asking the same question of the same data is answered without working it out again; the read is
recorded all the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.cache import caches

from rollbook import config
from rollbook.analytics.reports import Report, ReportContext, Result
from rollbook.web.accounts.models import may_see_pupils
from rollbook.web.audit.models import record_access
from rollbook.web.schools.models import School


class NeedsPupilLevel(PermissionError):
    """The report names pupils, and the reader has no pupil-level access to this school."""


def context_for(school: School, pupil_level: bool) -> ReportContext:
    """The school's own term dates and follow-up rule, and what the reader may see of small groups."""
    return ReportContext(
        school=school.urn,
        calendar=school.calendar,
        consecutive_days=school.consecutive_absence_days,
        min_group_pupils=0 if pupil_level else config.min_group_pupils(),
    )


def answer(request, school: School, report: Report, values: Mapping[str, object], form: str) -> Result:
    """The report for `school` as `values` ask it. NeedsPupilLevel, InvalidRequest (a value it cannot take)
    and LookupError (nothing held, or no such pupil) say why there is no answer."""
    pupil_level = may_see_pupils(request.user, school)
    if report.pupil_level and not pupil_level:
        raise NeedsPupilLevel(f"the {report.heading.lower()} report needs pupil-level access")
    asked = report.ask(values, context_for(school, pupil_level))
    result = report.run(asked, caches["reports"])
    if report.pupil_level:
        record_access(request, school, access_label(report, getattr(asked, "upn", None), form))
    return result


def access_label(report: Report, upn: str | None, form: str) -> str:
    """How a pupil-level read is named in the access log: the report, the pupil if one, and the form."""
    return f"{report.domain} {report.name}{f' {upn}' if upn else ''} ({form})"
