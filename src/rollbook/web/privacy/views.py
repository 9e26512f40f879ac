"""The operator's privacy pages: export a pupil's data, erase a pupil or a school. Superusers only; to
anyone else there is no such page. Each view checks its form and calls one service function."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from rollbook.web.accounts.access import operator_only
from rollbook.web.privacy import service
from rollbook.web.privacy.forms import ErasePupilForm, EraseSchoolForm, ExportForm
from rollbook.web.privacy.models import ErasureRecord, SubjectAccessRecord
from rollbook.web.privacy.service import Operator

FORMS = {"pupil": ErasePupilForm, "school": EraseSchoolForm}
RECENT = 10


@operator_only
@require_GET
def home(request):
    return _home(request)


@operator_only
@require_POST
@sensitive_post_parameters()  # a UPN must not reach an error report
def export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _home(request, status=400, export=form)
    upn = form.cleaned_data["upn"]
    archive, _ = service.export_pupil(upn, Operator.of(request))
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{upn}.zip"'
    return response


@operator_only
@require_POST
@sensitive_post_parameters()
def erase(request, kind: str):
    """The first post shows what would go and asks for the UPN or URN again; the second erases."""
    plan, erase_now = service.ERASURES[kind]
    form = FORMS[kind](request.POST)
    if not form.is_valid():
        return _home(request, status=400, **{kind: form})
    if not form.confirmed():
        page = {"form": form, "kind": kind, "subject": form[form.subject_field], "plan": plan(form.subject)}
        return render(
            request, "privacy/confirm.html", page, status=400 if form.cleaned_data["again"] else 200
        )
    record = erase_now(form.subject, form.cleaned_data["reason"], Operator.of(request))
    return redirect("privacy:erasure", record.pk)


@operator_only
@require_GET
def erasure(request, pk: int):
    return render(request, "privacy/erasure.html", {"record": get_object_or_404(ErasureRecord, pk=pk)})


def _home(request, status: int = 200, **bound):
    forms = {"export": ExportForm(), "pupil": ErasePupilForm(), "school": EraseSchoolForm(), **bound}
    page = {
        "forms": forms,
        "erasures": ErasureRecord.objects.all()[:RECENT],
        "exports": SubjectAccessRecord.objects.all()[:RECENT],
    }
    return render(request, "privacy/operator.html", page, status=status)
