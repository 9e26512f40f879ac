"""Pages. Each view checks access, calls one analytics function and renders; no measure is computed here."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from rollbook import config, output
from rollbook.analytics import reports
from rollbook.analytics.attendance.groups import GROUP_MEASURES, THREE_SIXTY_MEASURES, WEEKDAY_MEASURES
from rollbook.analytics.attendance.pupil_record import UnknownPupil
from rollbook.analytics.comparators.beside import SIGNIFICANCE_METHOD, SIMILAR_METHOD
from rollbook.charts import attendance as charts
from rollbook.charts.library import LIBRARY_VERSION, library
from rollbook.rules.attendance.measures import DESCRIPTIONS
from rollbook.rules.groups import GROUPING_NAMES
from rollbook.web.accounts import invitations
from rollbook.web.accounts.models import may_see_pupils, schools_for, visible_schools
from rollbook.web.audit.models import record_access
from rollbook.web.front.forms import ReportChoice
from rollbook.web.imports.freshness import freshness

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
    schools = list(visible_schools(request.user).prefetch_related("half_terms"))
    # Account set-up without report access: the school's user pages are still theirs to reach.
    users_only = list(schools_for(request.user, "account_setup").exclude(pk__in=[s.pk for s in schools]))
    if len(schools) == 1 and not users_only:
        return redirect("attendance_summary", urn=schools[0].urn)
    fresh = freshness(schools)
    listed = [(school, fresh[school.urn]) for school in schools]
    return render(request, "front/home.html", {"schools": listed, "users_only": users_only})


#: The attendance reports with a page, as (URL name, tab label).
REPORT_TABS = (
    ("360", "360"),
    ("summary", "Summary"),
    ("year-groups", "Year groups"),
    ("pupil-groups", "Pupil groups"),
    ("absence", "Absence"),
    ("weekday", "Weekday"),
    ("data-check", "Data check"),
    ("pupil-list", "Pupil list"),
    ("absence-frequency", "Absence frequency"),
    ("latest-days", "Latest days"),
)
#: Each report's page heading; the pupil report is headed with the pupil's name.
REPORT_HEADINGS = {
    "360": "360: the school and its groups beside others",
    "summary": "Attendance summary",
    "year-groups": "Year groups",
    "pupil-groups": "Pupil groups",
    "absence": "Absence by reason",
    "weekday": "Attendance by weekday",
    "data-check": "Data check",
    "pupil-list": "Pupil list",
    "absence-frequency": "Absence frequency",
    "latest-days": "Latest days: who needs following up",
    "pupil": "Pupil",
}


@login_required
def attendance_summary(request, urn: int):
    return attendance_report(request, urn, "summary")


@login_required
def attendance_report(request, urn: int, name: str):
    """Any attendance report as a page, or as CSV or JSON with ?format=; filters are kept in the URL.

    The filter form swaps in the new report with htmx and pushes its URL; without JavaScript it is a plain
    GET form, and the same page comes back either way."""
    school = get_object_or_404(visible_schools(request.user), urn=urn)
    if name not in reports.ATTENDANCE_REPORTS:
        raise Http404("no such report")
    pupil_level = may_see_pupils(request.user, school)
    if name in reports.PUPIL_LEVEL_REPORTS and not pupil_level:
        return render(request, "front/needs_pupil_level.html", {"school": school}, status=403)
    choice = ReportChoice(request.GET)
    may_manage_users = school in schools_for(request.user, "account_setup")
    page = {
        "school": school,
        "name": name,
        "heading": REPORT_HEADINGS[name],
        "tabs": [tab for tab in REPORT_TABS if pupil_level or tab[0] not in reports.PUPIL_LEVEL_REPORTS],
        "form": choice,
        "query": _choices_in(request.GET),
        "may_manage_users": may_manage_users,
        # Administrators are told of people invited who have not yet set up their account.
        "pending_users": invitations.pending(school).count() if may_manage_users else 0,
        "may_read_audit": school in schools_for(request.user, "account_setup", "manage_data"),
        "may_manage_data": school in schools_for(request.user, "manage_data"),
        "freshness": freshness([school])[school.urn],
    }
    if not choice.is_valid():
        return render(request, "front/report_error.html", page, status=400)
    try:
        report = reports.attendance_report(
            name,
            school.urn,
            start=choice.cleaned_data["from_date"],
            end=choice.cleaned_data["to_date"],
            term_name=choice.cleaned_data["term"] or None,
            filters=choice.filters(),
            calendar=school.calendar,
            latest_week=choice.cleaned_data["latest_week"],
            consecutive_days=school.consecutive_absence_days,
            upn=choice.cleaned_data["upn"] or None,
            min_group_pupils=0 if pupil_level else config.min_group_pupils(),
        )
    except UnknownPupil as problem:
        return render(request, "front/no_data.html", {**page, "unknown_pupil": problem}, status=404)
    except LookupError:
        return render(request, "front/no_data.html", page)
    except ValueError as problem:
        choice.add_error(None, str(problem))
        return render(request, "front/report_error.html", page, status=400)
    requested = request.GET.get("format", "")
    if name in reports.PUPIL_LEVEL_REPORTS:
        record_access(
            request, school, reports.access_label(name, choice.cleaned_data["upn"], requested or "page")
        )
    if requested == "json":
        return JsonResponse(report.data, json_dumps_params={"indent": 2})
    if requested in ("csv", "xlsx"):
        return _download(report, requested, f"{school.urn}-attendance-{name}.{requested}")
    context = page | {
        "report": report,
        "result": report.data,
        "significance_method": SIGNIFICANCE_METHOD,
        "similar_method": SIMILAR_METHOD,
        "group_measures": GROUP_MEASURES[:3],
        "weekday_measures": WEEKDAY_MEASURES,
        "three_sixty_measures": THREE_SIXTY_MEASURES,
        "pupil_measures": HEADLINE[:4],
        "chart_library_version": LIBRARY_VERSION,
        "chosen": reports.pupils_chosen(choice.filters()),
        "group_minimum": None if pupil_level else config.min_group_pupils(),
    }
    context |= _charts(name, report.data)
    if name == "absence-frequency":
        context |= _frequency_page(report.data["absence_frequency"], request.GET.get("page"))
    if name == "summary":
        context |= _summary_context(report.data)
    return render(request, f"front/report_{name.replace('-', '_')}.html", context)


def _summary_context(result: dict) -> dict:
    comparators = result["comparison"].get("comparators", [])
    start, end = (dt.date.fromisoformat(result["period"][key]) for key in ("from", "to"))
    # Persistent absence is a measure over time: the DfE shows none for a single week, nor do we.
    shown = HEADLINE if (end - start).days > 6 else HEADLINE[:4]
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
        for key in shown
    ]
    return {"comparators": comparators, "headline": headline}


def _charts(name: str, result: dict) -> dict:
    """The report's charts: one `chart`, or for pupil groups one per grouping in `group_charts`."""
    if name == "summary":
        return {"chart": charts.weekly_attendance(result["weeks"])}
    if name == "year-groups":
        return {"chart": charts.beside_national(result["year_groups"], "Attendance by year group")}
    if name == "weekday":
        return {"chart": charts.beside_national(result["weekday"], "Attendance by session of the week")}
    if name == "pupil-groups":
        return {
            "group_charts": {
                column: charts.beside_national(groups, f"Attendance by {GROUPING_NAMES[column]}")
                for column, groups in result["pupil_groups"].items()
            }
        }
    return {}


#: Pupils on a page of the absence-frequency grid; the downloads list every pupil.
FREQUENCY_PAGE_PUPILS = 50


def _frequency_page(found: dict, number: str | None) -> dict:
    """One page of the absence-frequency grid, most spells first, and its heat map: a big school lists over
    a thousand pupils, too many to draw, send or read at once."""
    pupils = Paginator(found["pupils"], FREQUENCY_PAGE_PUPILS).get_page(number)
    return {"pupils": pupils, "chart": charts.absence_heatmap(pupils.object_list)}


def _choices_in(query: QueryDict) -> str:
    """The URL's choices, for the links to other reports and downloads: a page of pupils is not one."""
    choices = query.copy()
    choices.pop("page", None)
    return choices.urlencode()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(report, kind: str, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8" if kind == "csv" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if kind == "csv":
        output.write_csv(report.rows, response)
    else:
        output.write_xlsx(report.rows, response, title=report.title)
    return response


@require_GET
@cache_control(public=True, max_age=31_536_000, immutable=True)
def chart_library(request, version: str):
    if version != LIBRARY_VERSION:
        raise Http404("unknown chart library version")
    return HttpResponse(library(), content_type="text/javascript; charset=utf-8")
