"""Pages. Each view checks access, calls one analytics function and renders; no measure is computed here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from rollbook import config
from rollbook.analytics import reports
from rollbook.analytics.benchmarks import snapshots_root
from rollbook.analytics.comparisons import SIGNIFICANCE_METHOD, SIMILAR_METHOD
from rollbook.lake import Lake
from rollbook.rules.measures import DESCRIPTIONS
from rollbook.web.accounts.models import visible_schools
from rollbook.web.front import charts

HEADLINE = (
    "attendance_rate",
    "overall_absence_rate",
    "authorised_absence_rate",
    "unauthorised_absence_rate",
    "persistent_absence_rate",
    "severe_absence_rate",
)


@login_required
def home(request):
    schools = visible_schools(request.user)
    if len(schools) == 1:
        return redirect("attendance_summary", urn=schools[0].urn)
    return render(request, "front/home.html", {"schools": schools})


@login_required
def attendance_summary(request, urn: int):
    school = get_object_or_404(visible_schools(request.user), urn=urn)
    lake = Lake(config.lake_root())
    try:
        result = reports.attendance_summary(lake, snapshots_root(config.data_dir()), school.urn)
    except LookupError:
        return render(request, "front/no_data.html", {"school": school})
    comparators = result["comparison"].get("comparators", [])
    headline = [
        {
            "key": key,
            "label": DESCRIPTIONS[key][0],
            "help": DESCRIPTIONS[key][1],
            "value": result["measures"][key],
            "beside": [
                {"label": row["label"], "value": row["measures"][key], "difference": row["differences"][key]}
                for row in comparators
            ],
        }
        for key in HEADLINE
    ]
    return render(
        request,
        "front/attendance_summary.html",
        {
            "school": school,
            "result": result,
            "comparators": comparators,
            "headline": headline,
            "chart": charts.weekly_attendance(result["weeks"]),
            "chart_library_version": charts.LIBRARY_VERSION,
            "significance_method": SIGNIFICANCE_METHOD,
            "similar_method": SIMILAR_METHOD,
        },
    )


@require_GET
@cache_control(public=True, max_age=31_536_000, immutable=True)
def chart_library(request, version: str):
    if version != charts.LIBRARY_VERSION:
        raise Http404("unknown chart library version")
    return HttpResponse(charts.library(), content_type="text/javascript; charset=utf-8")
