"""The operator's publishing page: the schedule, publishing now, and how recent publishes went."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from rollbook import config
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.web.accounts.access import operator_only
from rollbook.web.jobs.models import Job
from rollbook.web.jobs.service import start
from rollbook.web.publishing.forms import PublishNowForm, ScheduleForm
from rollbook.web.publishing.models import PublishingSchedule
from rollbook.web.publishing.tasks import publish_comparators

RECENT = 10


@operator_only
def publishing(request):
    schedule = PublishingSchedule.current()
    form = ScheduleForm(request.POST or None, instance=schedule)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The publishing schedule is saved.")
        return redirect("publishing")
    return _page(request, schedule, form, PublishNowForm())


@operator_only
@require_POST
def publish_now(request):
    form = PublishNowForm(request.POST)
    if not form.is_valid():
        schedule = PublishingSchedule.current()
        return _page(request, schedule, ScheduleForm(instance=schedule), form, status=400)
    as_of = form.cleaned_data["as_of"]
    start(publish_comparators, kind="publish", user=request.user, as_of=as_of.isoformat() if as_of else None)
    return redirect("publishing")


def _page(request, schedule: PublishingSchedule, form, publish_form, status: int = 200):
    rule = schedule.rule
    next_run = rule.next_run(timezone.localtime())
    context = {
        "schedule": schedule,
        "form": form,
        "publish_form": publish_form,
        "next_run": next_run,
        "next_data_to": rule.data_to(next_run),
        "jobs": Job.objects.filter(kind="publish")[:RECENT],
        "latest": Snapshot.latest(config.snapshots_root()),
    }
    return render(request, "publishing/publishing.html", context, status=status)
