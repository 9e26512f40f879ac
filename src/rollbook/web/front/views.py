"""Pages. Each view checks access, asks the report registry and renders; no measure is computed here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from rollbook import config
from rollbook.analytics import reports
from rollbook.analytics.attendance.data_check import RESOLVE_WITHIN_SCHOOL_DAYS
from rollbook.analytics.attendance.groups import GROUP_MEASURES, THREE_SIXTY_MEASURES, WEEKDAY_MEASURES
from rollbook.analytics.attendance.pupil_list import BAND_NAMES
from rollbook.analytics.attendance.pupil_record import UnknownPupil
from rollbook.analytics.comparators.beside import SIGNIFICANCE_METHOD, SIMILAR_METHOD
from rollbook.analytics.filters import Filters
from rollbook.analytics.reports import InvalidRequest
from rollbook.analytics.reports.attendance.common import pupils_chosen
from rollbook.analytics.reports.attendance.summary import HEADLINE
from rollbook.analytics.reports.base import no_charts
from rollbook.charts.library import LIBRARY_VERSION, library
from rollbook.rules.attendance.early_warning import RECENT_WEEKS
from rollbook.rules.attendance.measures import DESCRIPTIONS
from rollbook.web.accounts import invitations
from rollbook.web.accounts.models import permissions_at, schools_for, visible_schools
from rollbook.web.front import reporting
from rollbook.web.front.downloads import download
from rollbook.web.front.forms import ReportChoice
from rollbook.web.front.overview import overview
from rollbook.web.imports.freshness import freshness


@login_required
def home(request):
    schools = list(visible_schools(request.user).prefetch_related("half_terms"))
    # Account set-up without report access: the school's user pages are still theirs to reach.
    users_only = list(schools_for(request.user, "account_setup").exclude(pk__in=[s.pk for s in schools]))
    if len(schools) == 1 and not users_only:
        return redirect("school_home", urn=schools[0].urn)
    fresh = freshness(schools)
    listed = [(school, fresh[school.urn]) for school in schools]
    return render(request, "front/home.html", {"schools": listed, "users_only": users_only})


@login_required
def school_home(request, urn: int):
    """Where a school's staff land: what Rollbook holds for the school, its headline figures and where to
    start."""
    school = get_object_or_404(visible_schools(request.user).prefetch_related("half_terms"), urn=urn)
    granted = permissions_at(request.user, school)
    context = {
        "school": school,
        "overview": overview(school, "pupil_level" in granted),
        "freshness": freshness([school])[school.urn],
        **_school_access(granted),
    }
    return render(request, "front/school_home.html", context)


def _school_access(granted: frozenset[str]) -> dict[str, bool]:
    """Which of the school's own pages (users, audit log, imports and tokens) the reader may open."""
    return {
        "may_manage_users": "account_setup" in granted,
        "may_read_audit": bool(granted & {"account_setup", "manage_data"}),
        "may_manage_data": "manage_data" in granted,
    }


@login_required
def attendance_guide(request, urn: int, name: str):
    """A report's guide: what it shows, how its figures are worked out and what its shading means."""
    school = get_object_or_404(visible_schools(request.user), urn=urn)
    try:
        report = reports.find("attendance", name)
    except LookupError:
        raise Http404("no such report") from None
    context = {
        "school": school,
        "report": report,
        "measures": [DESCRIPTIONS[key] for key in HEADLINE],
        "bands": BAND_NAMES,
        "recent_weeks": RECENT_WEEKS,
        "consecutive_days": school.consecutive_absence_days,
        "resolve_within": RESOLVE_WITHIN_SCHOOL_DAYS,
        "group_minimum": config.min_group_pupils(),
        "significance_method": SIGNIFICANCE_METHOD,
        "similar_method": SIMILAR_METHOD,
    }
    return render(request, report.guide_template, context)


#: Rows of a long list on one page of a report (a page of the absence-frequency grid); downloads list all.
PAGE_ROWS = 50


@login_required
def attendance_summary(request, urn: int):
    return attendance_report(request, urn, "summary")


@login_required
def attendance_report(request, urn: int, name: str):
    """Any attendance report as a page, or as CSV, Excel or JSON with ?format=; every choice is in the URL.

    The filter form swaps in the new report with htmx and pushes its URL; without JavaScript it is a plain
    GET form, and the same page comes back either way."""
    school = get_object_or_404(visible_schools(request.user).prefetch_related("half_terms"), urn=urn)
    try:
        report = reports.find("attendance", name)
    except LookupError:
        raise Http404("no such report") from None
    granted = permissions_at(request.user, school)
    pupil_level = "pupil_level" in granted
    page = _page(request, school, report, granted)
    requested = request.GET.get("format", "")
    try:
        asked = reporting.question(pupil_level, school, report, request.GET)
        if requested in ("json", "csv", "xlsx"):
            result = asked.result
        else:
            body = _body_key(asked, request, page)
            rendered = caches["reports"].get(make_template_fragment_key("report-body", [body]))
            result = asked.result if rendered is None else None
        reporting.answered(request, school, asked, requested or "page")
    except reporting.NeedsPupilLevel:
        return render(request, "front/needs_pupil_level.html", {"school": school}, status=403)
    except InvalidRequest as problem:
        return render(request, "front/report_error.html", page | {"problems": problem.problems}, status=400)
    except UnknownPupil as problem:
        return render(request, "front/no_data.html", {**page, "unknown_pupil": problem}, status=404)
    except LookupError:
        return render(request, "front/no_data.html", page)
    if requested == "json":
        return JsonResponse(result.data, json_dumps_params={"indent": 2})
    if requested in ("csv", "xlsx"):
        return download(result, requested, f"{school.urn}-attendance-{name}.{requested}")
    context = page | {
        "body_key": body,
        "report_body": rendered,
        "has_charts": report.charts is not no_charts or report.listed_chart is not None,
        "chart_library_version": LIBRARY_VERSION,
        # The page's title and heading may want the data even when its body is remembered.
        "result": SimpleLazyObject(lambda: asked.result.data) if result is None else result.data,
    }
    if result is not None:
        context |= _report_context(report, result, request, pupil_level)
    return render(request, report.template, context)


def _body_key(asked: reporting.Question, request, page: dict) -> str:
    """What a report's rendered body depends on: its answer, and everything of the page's address and the
    reader's access that its template reads (links keep the address; small groups, the reader's access)."""
    access = (str(asked.pupil_level), str(page["may_manage_data"]))
    return "|".join((asked.key, request.GET.urlencode(), *access))


def _report_context(report, result, request, pupil_level: bool) -> dict:
    """What a report's template needs to draw its body: the figures, charts and the words around them."""
    context = {
        "report": result,
        "significance_method": SIGNIFICANCE_METHOD,
        "similar_method": SIMILAR_METHOD,
        "group_measures": GROUP_MEASURES[:3],
        "weekday_measures": WEEKDAY_MEASURES,
        "three_sixty_measures": THREE_SIXTY_MEASURES,
        "pupil_measures": HEADLINE[:4],
        "chosen": pupils_chosen(Filters(**result.data["filters"])),
        "group_minimum": None if pupil_level else config.min_group_pupils(),
        **report.charts(result.data),
        **report.context(result.data),
    }
    if report.listed is not None:
        listed = Paginator(report.listed(result.data), PAGE_ROWS).get_page(request.GET.get("page"))
        context["pupils"] = listed
        if report.listed_chart is not None:
            context["chart"] = report.listed_chart(listed.object_list)
    return context


def _page(request, school, report, granted: frozenset[str]) -> dict:
    """What every report page shows around its report: the tabs, the choices and the school's links."""
    pupil_level = "pupil_level" in granted
    access = _school_access(granted)
    return {
        "school": school,
        "name": report.name,
        "heading": report.heading,
        "tabs": [
            (each.name, each.tab)
            for each in reports.of("attendance")
            if each.tab and (pupil_level or not each.pupil_level)
        ],
        # Built only when the choices are drawn: a remembered page has them already drawn.
        "form": SimpleLazyObject(lambda: ReportChoice(request.GET, school=school, sorts=report.sorts)),
        "offers_bands": "band" in report.query.model_fields,
        "offers_family": "family" in report.query.model_fields,
        "query": _choices_in(request.GET),
        **access,
        # Administrators are told of people invited who have not yet set up their account.
        "pending_users": invitations.pending(school).count() if access["may_manage_users"] else 0,
        "freshness": freshness([school])[school.urn],
    }


def _choices_in(query: QueryDict) -> str:
    """The URL's choices, for the links to other reports and downloads: a page of pupils is not one."""
    choices = query.copy()
    choices.pop("page", None)
    return choices.urlencode()


@require_GET
@cache_control(public=True, max_age=31_536_000, immutable=True)
def chart_library(request, version: str):
    if version != LIBRARY_VERSION:
        raise Http404("unknown chart library version")
    return HttpResponse(library(), content_type="text/javascript; charset=utf-8")
