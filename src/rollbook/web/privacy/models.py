"""The record that pupils' data was exported or erased: who, when, what and how many rows.

Pupils are named by `upn_hash`, never by UPN, so a record of an erasure keeps nothing of what it erased.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SubjectAccessRecord(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="The operator's name, or their CLI account")
    upn_hash = models.CharField("UPN hash", max_length=64, db_index=True)
    counts = models.JSONField(default=dict, help_text="Rows exported, per table and per partition")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.actor} exported pupil {self.upn_hash[:12]} at {self.at:%d/%m/%Y %H:%M}"


class ErasureRecord(models.Model):
    PUPIL, SCHOOL = "pupil", "school"

    kind = models.CharField(max_length=10, choices=[(PUPIL, "Pupil"), (SCHOOL, "School")])
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="The operator's name, or their CLI account")
    upn_hash = models.CharField("UPN hash", max_length=64, blank=True, db_index=True)
    urn = models.PositiveIntegerField("URN", null=True, blank=True)
    reason = models.TextField()
    removed = models.JSONField(
        default=dict, help_text="Rows removed per table and partition, and other records cleared"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished = models.DateTimeField(null=True, blank=True, help_text="Empty when the erasure did not finish")

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.actor} erased {self.subject} at {self.at:%d/%m/%Y %H:%M}"

    @property
    def subject(self) -> str:
        return f"pupil {self.upn_hash[:12]}" if self.kind == self.PUPIL else f"school {self.urn}"
