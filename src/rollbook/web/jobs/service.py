"""Starting background work and reporting its progress, for any task that a page or a schedule starts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone
from django_tasks.base import Task

from rollbook.web.jobs.models import Job


def start(task: Task, *, kind: str, school=None, user=None, **kwargs) -> Job:
    """Record a job and queue `task`, which is called with `job_id` and `kwargs` (JSON values only)."""
    job = Job.objects.create(kind=kind, school=school, user=user)
    result = task.enqueue(job_id=job.pk, **kwargs)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)
    return job


class Progress:
    """What a running task tells its job; each call is saved at once, so a page polling sees it."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.finished = False

    def update(self, done: int, total: int | None = None, message: str | None = None) -> None:
        changes: dict[str, object] = {"done": done, "total": total}
        if message is not None:
            changes["message"] = message
        Job.objects.filter(pk=self.job_id).update(**changes)

    def finish(self, message: str = "", result_url: str = "", failed: bool = False) -> None:
        """End the job: done, or failed when the work ran but refused (an import with problems, say)."""
        status = Job.FAILED if failed else Job.DONE
        Job.objects.filter(pk=self.job_id).update(
            status=status, message=message, result_url=result_url, finished=timezone.now()
        )
        self.finished = True


@contextmanager
def running(job_id: int) -> Iterator[Progress]:
    """Mark the job running for the work inside; an exception marks it failed with the reason (and is
    raised again, so django-tasks records the failure too); leaving without `finish` marks it done."""
    Job.objects.filter(pk=job_id).update(status=Job.RUNNING, started=timezone.now())
    progress = Progress(job_id)
    try:
        yield progress
    except Exception as problem:
        Job.objects.filter(pk=job_id).update(
            status=Job.FAILED, error=str(problem) or type(problem).__name__, finished=timezone.now()
        )
        raise
    if not progress.finished:
        progress.finish(Job.objects.values_list("message", flat=True).get(pk=job_id))
