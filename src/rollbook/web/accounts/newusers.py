"""Creating users for a school, one or many: each is made inactive, with no usable password, a membership
with exactly the permissions chosen, and an invitation. All are made or none."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower

from rollbook.web.accounts import invitations
from rollbook.web.accounts.models import PERMISSIONS, Membership, Role
from rollbook.web.schools.models import School


class EmailTaken(ValueError):
    """Somebody already has an account with one of these emails."""

    def __init__(self, emails: Iterable[str]) -> None:
        self.emails = sorted(emails)
        super().__init__(f"These already have accounts: {', '.join(self.emails)}")


@dataclass(frozen=True)
class NewUser:
    first_name: str
    last_name: str
    email: str
    role: str
    permissions: frozenset[str]

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def permission_labels(self) -> list[str]:
        return [label for name, label in PERMISSIONS.items() if name in self.permissions]


@dataclass(frozen=True)
class Created:
    """A user just made, with their access code: shown once to whoever made them, then gone."""

    user: User
    code: str
    emailed: bool

    @property
    def shown_code(self) -> str:
        return invitations.shown(self.code)


def taken(emails: Iterable[str]) -> set[str]:
    """Which of these emails (in lower case) already belong to an account, as username or email."""
    wanted = {email.lower() for email in emails if email}
    if not wanted:
        return set()
    found = (
        User.objects.annotate(username_lower=Lower("username"), email_lower=Lower("email"))
        .filter(Q(username_lower__in=wanted) | Q(email_lower__in=wanted))
        .values_list("username_lower", "email_lower")
    )
    return wanted & {value for pair in found for value in pair}


def create_users(school: School, people: list[NewUser], invited_by: User, welcome_url: str) -> list[Created]:
    """Make each person a user of `school`, invited; EmailTaken, with nothing made, if any already exist.
    The invitation emails go once the users are saved, so a mail failure loses no account."""
    with transaction.atomic():
        clash = taken(person.email for person in people)
        if clash:
            raise EmailTaken(clash)
        users = [_user(school, person) for person in people]
        codes = [invitations.invite(user, school, invited_by) for user in users]
    return [
        Created(user, code, invitations.send(user.invitation, welcome_url))
        for user, code in zip(users, codes, strict=True)
    ]


def _user(school: School, person: NewUser) -> User:
    email = person.email.lower()
    user = User(
        username=email, email=email, first_name=person.first_name, last_name=person.last_name, is_active=False
    )
    user.set_unusable_password()
    user.save()
    Membership.objects.create(
        user=user,
        school=school,
        role=person.role,
        **{name: name in person.permissions for name in PERMISSIONS},
    )
    return user
