"""Checking and landing large uploads in the background (`rollbook worker`), with progress for the page."""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from rollbook.web.imports import service
from rollbook.web.imports.models import Upload
from rollbook.web.jobs.service import running


@task()
def check_upload(job_id: int, upload_id: str) -> None:
    """`service.check` for an upload, the job finishing with the page that shows what became of it."""
    with running(job_id) as progress:
        upload = Upload.objects.select_related("school", "user").get(pk=upload_id)
        progress.update(0, 1, f"Checking {', '.join(upload.files)}")
        _finish(progress, service.check(upload, progress=progress.update))


@task()
def land_upload(job_id: int, upload_id: str) -> None:
    """`service.confirm` for an upload claimed for landing."""
    with running(job_id) as progress:
        upload = Upload.objects.select_related("school", "user").get(pk=upload_id)
        progress.update(0, 1, f"Importing {', '.join(upload.files)}")
        _finish(progress, service.confirm(upload, progress=progress.update))


def _finish(progress, upload: Upload) -> None:
    url = reverse("imports:upload", args=[upload.school.urn, upload.pk])
    if upload.status == Upload.READY:
        progress.finish("Checked: see what importing the files would change, then confirm", url)
    elif upload.record.outcome == upload.record.LANDED:
        progress.finish("Imported", url)
    else:
        progress.finish("Refused: nothing was imported", url, failed=True)
