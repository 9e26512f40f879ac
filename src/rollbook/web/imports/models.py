"""The import history: every import attempt, landed or refused, with who made it and what it said."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from rollbook.web.schools.models import School


class ImportRecord(models.Model):
    LANDED, REFUSED = "landed", "refused"

    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="Who ran it: a user, or the operator's CLI account")
    source = models.CharField(max_length=20, default="cli")
    files = models.JSONField(default=list)
    outcome = models.CharField(max_length=10, choices=[(LANDED, "Landed"), (REFUSED, "Refused")])
    changes = models.JSONField(default=dict)
    report = models.TextField(blank=True)
    started = models.DateTimeField()
    finished = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-finished"]

    def __str__(self) -> str:
        return (
            f"{self.outcome} import for {self.school or 'unknown school'} at {self.finished:%d/%m/%Y %H:%M}"
        )
