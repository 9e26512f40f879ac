"""API tokens for the sync API: one school each, made and revoked by its data managers.

A token is a long random secret shown once, when it is made; only its SHA-256 digest is kept, so a copy of
the database gives nobody a working token. A short prefix of the secret is kept in the clear to tell tokens
apart. A long random secret needs no slow password hash: guessing one is hopeless either way.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from rollbook.web.schools.models import School

#: Every token starts with this, so that a leaked one is recognisable (by secret scanners, for instance).
TOKEN_START = "rbx_"
#: How much of the token is kept in the clear to tell tokens apart: the start and eight random characters.
PREFIX_LENGTH = len(TOKEN_START) + 8


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ExchangeTokenQuerySet(models.QuerySet):
    def active(self) -> ExchangeTokenQuerySet:
        return self.filter(revoked__isnull=True)


class ExchangeToken(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="exchange_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, such as the MIS connector")
    prefix = models.CharField(max_length=PREFIX_LENGTH, help_text="The token's first characters")
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the token")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ExchangeTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name}) for {self.school}"

    @classmethod
    def make(cls, school: School, name: str, user) -> tuple[ExchangeToken, str]:
        """A new token for `school`, and its secret (which is not kept)."""
        secret = TOKEN_START + secrets.token_urlsafe(32)
        token = cls.objects.create(
            school=school, name=name, prefix=secret[:PREFIX_LENGTH], digest=digest(secret), created_by=user
        )
        return token, secret

    @classmethod
    def find(cls, secret: str) -> ExchangeToken | None:
        """The active token with this secret, or None."""
        return cls.objects.active().select_related("school").filter(digest=digest(secret)).first()

    def revoke(self, user) -> None:
        self.revoked = timezone.now()
        self.revoked_by = user
        self.save(update_fields=["revoked", "revoked_by"])

    def used(self) -> None:
        self.last_used = timezone.now()
        ExchangeToken.objects.filter(pk=self.pk).update(last_used=self.last_used)
