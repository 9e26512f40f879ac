"""A school's import page, for whoever manages its data there: upload files, read the report and what they
would change, confirm or cancel; the school's import history, each import's report, and undo. Each view
checks its form and calls one function of the import service."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from rollbook.ingest.problems import sections
from rollbook.web.accounts.access import school_permission_required
from rollbook.web.imports import service, tasks
from rollbook.web.imports.forms import UploadForm
from rollbook.web.imports.models import ImportRecord, Upload
from rollbook.web.jobs.service import start

manage_data_required = school_permission_required("manage_data")
HISTORY_PAGE = 50


@manage_data_required
def imports(request, school):
    service.discard_stale(school)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            upload = service.receive(school, request.user, data["files"], data["academic_year"])
        except service.NotKept as refused:
            form.add_error("files", str(refused))
        else:
            if service.runs_in_background(upload):
                _in_background(tasks.check_upload, upload, request)
            elif service.check(upload, request).status == Upload.DONE:
                messages.error(request, "Nothing was imported: the files have the problems listed below.")
            return redirect("imports:upload", school.urn, upload.pk)
    history = ImportRecord.objects.filter(school=school).select_related("undoes")
    waiting = Upload.objects.filter(school=school).exclude(status=Upload.DONE).select_related("user")
    page = {
        "school": school,
        "form": form,
        "waiting": [upload for upload in waiting if service.settle(upload, request).status != Upload.DONE],
        "history": Paginator(history, HISTORY_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "imports/imports.html", page, status=400 if form.errors else 200)


@manage_data_required
def upload(request, school, upload_id):
    """What became of an upload: being checked, ready to confirm, being imported, or finished."""
    upload = service.settle(get_object_or_404(Upload, pk=upload_id, school=school), request)
    if upload.status == Upload.DONE:
        return redirect("imports:detail", school.urn, upload.record_id)
    page = {
        "school": school,
        "upload": upload,
        "report": sections(upload.problems),
        "weeks": _weeks(upload.preview.get("weeks", [])),
    }
    return render(request, "imports/upload.html", page)


@manage_data_required
@require_POST
def confirm(request, school, upload_id):
    upload = get_object_or_404(Upload, pk=upload_id, school=school)
    with service.landing(upload) as ours:
        if not ours or not service.start_landing(upload):
            return redirect("imports:upload", school.urn, upload.pk)
        if service.runs_in_background(upload):
            _in_background(tasks.land_upload, upload, request)
            return redirect("imports:upload", school.urn, upload.pk)
        upload = service.confirm(upload, request)
    if upload.status == Upload.READY:
        messages.error(
            request,
            "Nothing was imported: the school's data changed after your preview (another import or the "
            "sync landed). This is a new preview of what the files would change now: check it and confirm "
            "again.",
        )
        return redirect("imports:upload", school.urn, upload.pk)
    return redirect("imports:detail", school.urn, upload.record_id)


@manage_data_required
@require_POST
def cancel(request, school, upload_id):
    upload = get_object_or_404(Upload.objects.select_related("job"), pk=upload_id, school=school)
    if not upload.may_cancel:
        return redirect("imports:upload", school.urn, upload.pk)
    service.cancel(upload)
    messages.success(request, "The upload was cancelled and its files discarded; nothing was imported.")
    return redirect("imports:imports", school.urn)


@manage_data_required
def detail(request, school, import_id: int):
    record = get_object_or_404(ImportRecord.objects.select_related("undoes"), pk=import_id, school=school)
    page = {
        "school": school,
        "record": record,
        "undone_by": ImportRecord.objects.filter(undoes=record).first(),
        "report": sections(record.problems),
        "weeks": _weeks(record.changes.get("weeks", [])),
        "why_not_undo": service.why_not_undo(record),
    }
    return render(request, "imports/detail.html", page)


@manage_data_required
def undo(request, school, import_id: int):
    """Asks first, saying what will be put back; or why the import cannot be undone."""
    record = get_object_or_404(ImportRecord, pk=import_id, school=school)
    if request.method == "POST":
        try:
            undone = service.undo(record, user=request.user, request=request)
        except service.UndoRefused as refused:
            messages.error(request, str(refused))
            return redirect("imports:detail", school.urn, record.pk)
        messages.success(request, undone.summary)
        return redirect("imports:detail", school.urn, undone.pk)
    page = {"school": school, "record": record, "why_not_undo": service.why_not_undo(record)}
    return render(request, "imports/undo.html", page)


def _in_background(task, upload: Upload, request) -> None:
    upload.job = start(task, kind="import", school=upload.school, user=request.user, upload_id=str(upload.pk))
    upload.save(update_fields=["job"])


def _weeks(weeks: list[dict]) -> list[tuple[dt.date, dict]]:
    """Counts by week as kept (ISO dates), as the page shows them."""
    return [(dt.date.fromisoformat(week["week_commencing"]), week) for week in weeks]
