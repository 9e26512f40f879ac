"""Who may see what. A membership ties a user to a school, a trust or a local authority, with a school role
and the permissions the set-up screens show. `schools_for` turns a user's memberships into the schools they
may read or manage; every view, API call and lake read finds its schools through it, and nothing else
decides that."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from rollbook.web.schools.models import LocalAuthority, School, Trust


class Role(models.TextChoices):
    TEACHER = "teacher", "Teacher"
    MIDDLE_LEADER = "middle_leader", "Middle leader"
    SENIOR_LEADER = "senior_leader", "Senior leader"
    DATA_MANAGER = "data_manager", "Data manager"
    TRUST_USER = "trust_user", "Trust user"
    LA_USER = "la_user", "LA user"


#: The permissions a membership can grant, in the order the set-up screens show them.
PERMISSIONS = {
    "account_setup": "System and account set-up",
    "manage_data": "Manage data",
    "school_reports": "School-level reports",
    "pupil_level": "Pupil-level reports",
    "collaborate": "Collaborate reports",
}


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    trust = models.ForeignKey(
        Trust, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.TEACHER)
    account_setup = models.BooleanField(PERMISSIONS["account_setup"], default=False)
    manage_data = models.BooleanField(PERMISSIONS["manage_data"], default=False)
    school_reports = models.BooleanField(PERMISSIONS["school_reports"], default=True)
    pupil_level = models.BooleanField(
        PERMISSIONS["pupil_level"], default=False, help_text="May see pupils' names and pupil-level reports"
    )
    collaborate = models.BooleanField(PERMISSIONS["collaborate"], default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="membership_of_exactly_one_organisation",
                condition=(
                    Q(school__isnull=False, trust__isnull=True, local_authority__isnull=True)
                    | Q(school__isnull=True, trust__isnull=False, local_authority__isnull=True)
                    | Q(school__isnull=True, trust__isnull=True, local_authority__isnull=False)
                ),
            ),
            models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school"),
            models.UniqueConstraint(fields=["user", "trust"], name="one_membership_per_trust"),
            models.UniqueConstraint(fields=["user", "local_authority"], name="one_membership_per_authority"),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation}"

    @property
    def organisation(self) -> School | Trust | LocalAuthority:
        return self.school or self.trust or self.local_authority  # type: ignore[return-value]

    def granted(self) -> list[str]:
        """The permissions this membership grants, by name."""
        return [name for name in PERMISSIONS if getattr(self, name)]


def schools_for(user, *permissions: str) -> models.QuerySet[School]:
    """The schools where `user` holds any of `permissions`: their schools, their trusts' schools and their
    local authorities' schools. Nobody else's, superusers included: the operator reads no pupil data."""
    unknown = set(permissions) - set(PERMISSIONS)
    if unknown or not permissions:
        raise ValueError(f"unknown permissions {sorted(unknown)}; choose from {list(PERMISSIONS)}")
    if not user.is_authenticated or not user.is_active:
        return School.objects.none()
    granted = Membership.objects.filter(user=user).filter(
        Q.create([(permission, True) for permission in permissions], connector=Q.OR)
    )
    return School.objects.filter(
        Q(pk__in=granted.values("school"))
        | Q(trust__in=granted.values("trust"))
        | Q(la_code__in=granted.values("local_authority__code"))
    )


def visible_schools(user, pupil_level: bool = False) -> models.QuerySet[School]:
    """The schools whose reports `user` may open (only those with pupil-level access, when asked)."""
    return (
        schools_for(user, "pupil_level")
        if pupil_level
        else schools_for(user, "school_reports", "pupil_level")
    )


def may_see_pupils(user, school: School) -> bool:
    """Whether `user` has pupil-level access to `school`."""
    return "pupil_level" in permissions_at(user, school)


def permissions_at(user, school: School) -> frozenset[str]:
    """Every permission `user` holds at `school`, through the school itself, its trust or its local
    authority, in one query: what `schools_for` would find, for one school at once."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    reaching = Q(school=school) | Q(local_authority__code=school.la_code)
    if school.trust_id is not None:
        reaching |= Q(trust_id=school.trust_id)
    held = Membership.objects.filter(reaching, user=user).values_list(*PERMISSIONS)
    return frozenset(name for row in held for name, granted in zip(PERMISSIONS, row, strict=True) if granted)


class Invitation(models.Model):
    """A new user's one way in: a one-time access code, kept only as a hash, given with their username at
    /welcome/ to choose a password. What a code may do is decided in rollbook.web.accounts.invitations."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    code_hash = models.CharField(max_length=128)
    sent = models.DateTimeField(help_text="When the current code was made")
    expires = models.DateTimeField()
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    accepted = models.DateTimeField(null=True, blank=True, help_text="When the code was used")

    class Meta:
        ordering = ["-sent"]

    def __str__(self) -> str:
        return f"Invitation for {self.user}"
