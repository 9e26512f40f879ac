"""Who read which pupils' data, when and from where: every pupil-level page, download and API read."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from rollbook.web.schools.models import School


class AccessRecord(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="The user's name, or the operator's CLI account")
    school = models.ForeignKey(School, null=True, on_delete=models.SET_NULL, related_name="access_records")
    what = models.CharField(max_length=200, help_text="The report or pupil read, and in what form")
    path = models.CharField(max_length=500, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.actor} read {self.what} at {self.at:%d/%m/%Y %H:%M}"


def record_access(request, school: School, what: str) -> AccessRecord:
    """Record a pupil-level read made through a request (page, download or API)."""
    return AccessRecord.objects.create(
        user=request.user,
        actor=request.user.get_username(),
        school=school,
        what=what,
        path=request.get_full_path()[:500],
        address=request.META.get("REMOTE_ADDR"),
    )


def record_operator_access(actor: str, urn: int, what: str) -> AccessRecord:
    """Record a pupil-level read by the operator from the command line."""
    return AccessRecord.objects.create(actor=actor, school=School.objects.filter(urn=urn).first(), what=what)
