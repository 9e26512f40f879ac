"""Who may see which school. Every view finds its schools through `visible_schools`, never by itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from rollbook.web.schools.models import School


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")]

    def __str__(self) -> str:
        return f"{self.user} at {self.school}"


def visible_schools(user) -> models.QuerySet[School]:
    """The schools `user` may see: those they are a member of. Nobody else's, superusers included."""
    if not user.is_authenticated:
        return School.objects.none()
    return School.objects.filter(memberships__user=user)
