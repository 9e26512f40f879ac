"""A job's status, polled by the page that started it until the work is finished."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from rollbook.web.accounts.models import schools_for
from rollbook.web.jobs.models import Job


def may_follow(user, job: Job) -> bool:
    """Whoever started the work, the school's data managers, and the operator for work of no school."""
    if job.user_id == user.pk:
        return True
    if job.school_id is None:
        return user.is_superuser
    return schools_for(user, "manage_data").filter(pk=job.school_id).exists()


@login_required
def status(request, job_id: int):
    job = get_object_or_404(Job, pk=job_id)
    if not may_follow(request.user, job):
        raise Http404("no such job")
    return render(request, "jobs/_status.html", {"job": job})
