"""A school's audit log, for the staff who set up its accounts or manage its data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from rollbook import output
from rollbook.web.accounts.models import schools_for
from rollbook.web.audit.models import Kind, export_rows, records_of

PAGE_SIZE = 100


@login_required
def school_log(request, urn: int):
    school = get_object_or_404(schools_for(request.user, "account_setup", "manage_data"), urn=urn)
    records = records_of(school)
    kind = request.GET.get("kind", "")
    if kind in Kind.values:
        records = records.filter(kind=kind)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{school.urn}-audit-log.csv"'
        output.write_csv(list(export_rows(records)), response)
        return response
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/school_log.html",
        {"school": school, "page": page, "kinds": Kind.choices, "kind": kind, "total": page.paginator.count},
    )
