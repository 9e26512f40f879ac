"""The address a request came from, which django-axes counts failed sign-ins against."""

from __future__ import annotations

from django.conf import settings


def client_address(request) -> str | None:
    """The visitor's address. Behind our reverse proxy (ROLLBOOK_BEHIND_PROXY=1) every request arrives from
    the proxy, so take the last X-Forwarded-For entry: the one the proxy added. Earlier entries are whatever
    the visitor sent and could be forged to dodge a lockout."""
    if settings.BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")
