"""Who read which pupils' data, when and from where (every pupil-level page, download and API read); and
every sign-in, failed sign-in, change of permissions and import."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School


class Kind(models.TextChoices):
    READ = "read", "Pupil-level read"
    SIGN_IN = "sign_in", "Sign-in"
    SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
    PERMISSION = "permission", "Permission change"
    IMPORT = "import", "Import"
    TWO_FACTOR = "two_factor", "Two-factor sign-in"


class AccessRecord(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.READ, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="The user's name, or the operator's CLI account")
    school = models.ForeignKey(School, null=True, on_delete=models.SET_NULL, related_name="access_records")
    what = models.CharField(max_length=200, help_text="What was read or done, and in what form")
    path = models.CharField(max_length=500, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.actor}: {self.what} at {self.at:%d/%m/%Y %H:%M}"


def record(kind: str, what: str, *, request=None, user=None, actor: str = "", school=None) -> AccessRecord:
    """Record what happened: by `user` (else the request's signed-in user), from the request's address."""
    acting = getattr(request, "user", None)
    if user is None and acting is not None and acting.is_authenticated:
        user = acting
    return AccessRecord.objects.create(
        kind=kind,
        user=user,
        actor=actor or (user.get_username() if user else "system"),
        school=school,
        what=what[:200],
        path=request.get_full_path()[:500] if request else "",
        address=request.META.get("REMOTE_ADDR") if request else None,
    )


def record_access(request, school: School, what: str) -> AccessRecord:
    """Record a pupil-level read made through a request (page, download or API)."""
    return record(Kind.READ, what, request=request, school=school)


def record_operator_access(actor: str, urn: int, what: str) -> AccessRecord:
    """Record a pupil-level read by the operator from the command line."""
    return record(Kind.READ, what, actor=actor, school=School.objects.filter(urn=urn).first())


def records_of(school: School) -> models.QuerySet[AccessRecord]:
    """What a school's audit log shows: records about the school, and its own staff's sign-ins."""
    staff = Membership.objects.filter(school=school).values("user")
    return AccessRecord.objects.filter(Q(school=school) | Q(school=None, user__in=staff))


def export_rows(records: models.QuerySet[AccessRecord]) -> Iterator[dict[str, object]]:
    """Records as rows for CSV, dates as English schools write them."""
    for each in records.select_related("school").iterator():
        yield {
            "when": f"{timezone.localtime(each.at):%d/%m/%Y %H:%M:%S}",
            "who": each.actor,
            "kind": each.get_kind_display(),
            "what": each.what,
            "school URN": each.school.urn if each.school else "",
            "address": each.address or "",
            "path": each.path,
        }
