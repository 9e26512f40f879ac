"""Who may see which school. Every view finds its schools through `visible_schools`, never by itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from rollbook.web.schools.models import School


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    pupil_level = models.BooleanField(
        "pupil-level reports", default=False, help_text="May see pupils' names and pupil-level reports"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")]

    def __str__(self) -> str:
        return f"{self.user} at {self.school}"


def visible_schools(user, pupil_level: bool = False) -> models.QuerySet[School]:
    """The schools `user` may see: those they are a member of (with pupil-level access, when asked for).
    Nobody else's, superusers included."""
    if not user.is_authenticated:
        return School.objects.none()
    memberships = Membership.objects.filter(user=user)
    if pupil_level:
        memberships = memberships.filter(pupil_level=True)
    return School.objects.filter(memberships__in=memberships)


def may_see_pupils(user, school: School) -> bool:
    """Whether `user` has pupil-level access to `school`."""
    return visible_schools(user, pupil_level=True).filter(pk=school.pk).exists()
