"""Sending to the sync API as a school's connector does: JSON, with its token as a bearer token, and no
session."""

from __future__ import annotations

import json

from django.test import Client


def attendance_url(urn: int) -> str:
    return f"/api/v1/exchange/schools/{urn}/attendance"


def status_url(urn: int) -> str:
    return f"/api/v1/exchange/schools/{urn}/status"


def send(urn: int, payload: object, token: str, **headers: str):
    """POST a sync as a connector does: JSON, with the token, and no session."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return Client().post(
        attendance_url(urn),
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", **headers},
    )


def status(urn: int, token: str):
    return Client().get(status_url(urn), headers={"Authorization": f"Bearer {token}"})
