"""Answering a report for a signed-in reader, for the pages and the API alike.

In one order, whoever asks: the reader's access to the report is checked, the question is read and checked
(`Report.ask`), the report runs, and only then is a pupil-level read recorded, so a refused or unanswerable
request is never audited as a read. An answer is remembered in the "reports" cache, keyed by everything it
depends on (the school's lake files, the snapshot, the question, what the reader may see), so the next
reader asking the same question of the same data is answered without working it out again; the read is
recorded all the same.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

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


@dataclass
class Question:
    """A reader's question of a report, checked: its answer is worked out (or remembered) when first asked
    for, so a page whose rendering is already remembered never needs it."""

    report: Report
    asked: object
    pupil_level: bool

    @functools.cached_property
    def key(self) -> str:
        return self.report.key(self.asked)

    @functools.cached_property
    def result(self) -> Result:
        return self.report.run(self.asked, caches["reports"])


def question(pupil_level: bool, school: School, report: Report, values: Mapping[str, object]) -> Question:
    """A question of the report for `school` by a reader with or without pupil-level access there.
    NeedsPupilLevel and InvalidRequest (a value it cannot take) say why it cannot be asked; LookupError,
    that nothing is held to answer it from."""
    if report.pupil_level and not pupil_level:
        raise NeedsPupilLevel(f"the {report.heading.lower()} report needs pupil-level access")
    return Question(report, report.ask(values, context_for(school, pupil_level)), pupil_level)


def answered(request, school: School, asked: Question, form: str) -> None:
    """Record a pupil-level read, once the question has been answered."""
    if asked.report.pupil_level:
        upn = getattr(asked.asked, "upn", None)
        record_access(request, school, access_label(asked.report, upn, form))


def answer(request, school: School, report: Report, values: Mapping[str, object], form: str) -> Result:
    """The report for `school` as `values` ask it, the read recorded (see `question` for why there may be
    none; LookupError also when the report finds nothing, such as no such pupil)."""
    asked = question(may_see_pupils(request.user, school), school, report, values)
    result = asked.result
    answered(request, school, asked, form)
    return result


def access_label(report: Report, upn: str | None, form: str) -> str:
    """How a pupil-level read is named in the access log: the report, the pupil if one, and the form."""
    return f"{report.domain} {report.name}{f' {upn}' if upn else ''} ({form})"
