"""KS4 and curriculum (subjects) report pages, one view for both. Each page checks access, asks the report
registry and renders; no measure is worked out here (analytics/results does that, for the API and the CLI
alike)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render

from rollbook.analytics import reports
from rollbook.analytics.reports import InvalidRequest
from rollbook.analytics.results.cohort import years_with_results
from rollbook.charts.library import LIBRARY_VERSION
from rollbook.lake import Lake
from rollbook.web.accounts.models import permissions_at, visible_schools
from rollbook.web.front import reporting
from rollbook.web.front.downloads import download
from rollbook.web.results.forms import Ks4Choice

#: Each results domain's reports, its words and the name of its pages' address.
DOMAINS = {"ks4": ("KS4", "results:ks4_report"), "subjects": ("Subjects", "results:subjects_report"),
           "insight": ("Areas of interest", "results:insight_report")}  # fmt: skip


@login_required
def ks4_headline(request, urn: int):
    return report_page(request, urn, "headline", "ks4")


@login_required
def subjects_entries(request, urn: int):
    return report_page(request, urn, "entries", "subjects")


@login_required
def insight(request, urn: int):
    return report_page(request, urn, "areas-of-interest", "insight")


@login_required
def report_page(request, urn: int, name: str, domain: str):
    """Any results report as a page, or as CSV, Excel or JSON with ?format=; every choice is in the URL."""
    school = get_object_or_404(visible_schools(request.user).prefetch_related("half_terms"), urn=urn)
    try:
        report = reports.find(domain, name)
    except LookupError:
        raise Http404("no such report") from None
    granted = permissions_at(request.user, school)
    pupil_level = "pupil_level" in granted
    held = years_with_results(Lake.configured(), school.urn)
    page = {
        "school": school,
        "name": name,
        "heading": report.heading,
        "tabs": [(r.name, r.tab) for r in reports.of(domain) if r.tab and (pupil_level or not r.pupil_level)],
        "domain_words": DOMAINS[domain][0],
        "tab_address": DOMAINS[domain][1],
        "form": Ks4Choice(request.GET, held),
        "query": _choices_in(request),
        "query_without_sort": _choices_in(request, "sort"),
        "may_manage_data": "manage_data" in granted,
        "chart_library_version": LIBRARY_VERSION,
    }
    requested = request.GET.get("format", "")
    try:
        asked = reporting.question(pupil_level, school, report, request.GET)
        result = asked.result
        reporting.answered(request, school, asked, requested or "page")
    except reporting.NeedsPupilLevel:
        return render(request, "front/needs_pupil_level.html", {"school": school}, status=403)
    except InvalidRequest as problem:
        return render(request, "results/report_error.html", page | {"problems": problem.problems}, status=400)
    except LookupError:
        return render(request, "results/no_results.html", page)
    if requested == "json":
        return JsonResponse(result.data, json_dumps_params={"indent": 2})
    if requested in ("csv", "xlsx"):
        return download(
            result, requested, f"{school.urn}-{domain}-{name}-{result.data['academic_year']}.{requested}"
        )
    context = page | {
        "result": result.data,
        "group_minimum": None if pupil_level else reporting.context_for(school, False).min_group_pupils,
        **report.charts(result.data),
        **report.context(result.data),
    }
    return render(request, report.template, context)


def _choices_in(request, *leaving_out: str) -> str:
    choices = request.GET.copy()
    for name in ("format", *leaving_out):
        choices.pop(name, None)
    return choices.urlencode()
