"""Background work as people see it: what is running for whom, how far it has got, and how it ended.

django-tasks keeps its own rows for running the work; a Job is the part a page shows, with progress the task
reports as it goes."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from rollbook.web.schools.models import School


class Job(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, "Waiting to start"), (RUNNING, "Running"), (DONE, "Finished"), (FAILED, "Failed")]

    kind = models.CharField(max_length=20, help_text='What the work is: "import", "publish"')
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    task_id = models.CharField(max_length=64, blank=True, help_text="The django-tasks result running it")
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True, help_text="Unknown until the work has begun")
    message = models.TextField(blank=True)
    result_url = models.CharField(max_length=300, blank=True, help_text="Where to see what the work made")
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)

    @property
    def percent(self) -> int | None:
        """How far through, 0-100, when the work knows its total."""
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))
