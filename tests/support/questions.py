"""Asking a report an arbitrary question, for the property tests that no question answers 500."""

from __future__ import annotations

from urllib.parse import urlencode

from django.test import Client
from hypothesis import event


def status_of(world, path: str, query: list[tuple[str, str]]) -> int:
    """The status of `path` with `query` as the world's pupil-level reader asks it (a server error comes
    back as a 500, not raised), noted for hypothesis's statistics."""
    client = Client(raise_request_exception=False)
    client.force_login(world.pam)
    response = client.get(f"{path}?{urlencode(query)}")
    event(f"{response.status_code}")
    return response.status_code
