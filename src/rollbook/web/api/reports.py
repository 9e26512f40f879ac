"""The JSON API, version 1: every attendance report as the pages show it, described by an OpenAPI schema.

Signed-in users reach it with their session, as the pages do, and see only their own schools.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import NinjaAPI, Query
from ninja.security import django_auth

from rollbook import config
from rollbook.analytics import reports
from rollbook.analytics.filters import Filters
from rollbook.web.accounts.models import may_see_pupils, visible_schools
from rollbook.web.api.exchange import router as exchange_router
from rollbook.web.audit.models import record_access

api = NinjaAPI(
    title="Rollbook API",
    version="1",
    description="School attendance measured to the DfE's definitions, beside published comparators.",
    auth=django_auth,
    urls_namespace="api-v1",
)

api.add_router("/exchange", exchange_router)

ReportName = Literal[reports.ATTENDANCE_REPORTS]  # type: ignore[valid-type]


@api.get(
    "/schools/{urn}/attendance/{name}", summary="An attendance report for one school", tags=["attendance"]
)
def attendance_report(
    request,
    urn: int,
    name: ReportName,
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
    term: str | None = None,
    year_group: Query[list[int]] = None,
    sex: Literal["F", "M"] | None = None,
    fsm6: bool | None = None,
    sen: Query[list[Literal["N", "K", "E"]]] = None,
    latest_week: bool = False,
    upn: str | None = None,
) -> dict:
    """The report's data, exactly as the page and `rollbook report attendance NAME --format json` give it.
    Without dates or a term ("Autumn", "Spring 1"…), the academic year to date; rates are unrounded
    percentages. sex F/M, fsm6 true/false and sen N (no SEN), K (SEN support), E (EHC plan) choose pupils."""
    school = visible_schools(request.user).filter(urn=urn).first()
    if school is None:
        raise Http404("no such school")
    pupil_level = may_see_pupils(request.user, school)
    if name in reports.PUPIL_LEVEL_REPORTS:
        if not pupil_level:
            return api.create_response(
                request, {"detail": "this report needs pupil-level access"}, status=403
            )
        record_access(request, school, reports.access_label(name, upn, "api"))
    if (from_date is None) != (to_date is None):
        return api.create_response(
            request, {"detail": "give both from_date and to_date, or neither"}, status=400
        )
    try:
        report = reports.attendance_report(
            name,
            school.urn,
            start=from_date,
            end=to_date,
            term_name=term,
            filters=Filters(year_groups=year_group or None, sex=sex, fsm6=fsm6, sen=sen or None),
            calendar=school.calendar,
            latest_week=latest_week,
            consecutive_days=school.consecutive_absence_days,
            upn=upn,
            min_group_pupils=0 if pupil_level else config.min_group_pupils(),
        )
    except LookupError as problem:
        raise Http404(str(problem)) from problem
    except ValueError as problem:
        return api.create_response(request, {"detail": str(problem)}, status=400)
    return report.data
