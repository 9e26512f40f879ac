"""The privacy pages exist only for superusers: to everyone else, signed in or not, there is no such page."""

from __future__ import annotations

import pytest
from django.test import Client

from rollbook.web.privacy.models import ErasureRecord

PAGES = [
    ("get", "/operator/privacy/"),
    ("post", "/operator/privacy/export/"),
    ("post", "/operator/privacy/erase-pupil/"),
    ("post", "/operator/privacy/erase-school/"),
    ("get", "/operator/privacy/erasures/{record}/"),
]


@pytest.fixture
def record(world) -> ErasureRecord:
    return ErasureRecord.objects.create(
        kind=ErasureRecord.SCHOOL, actor="operator", urn=100001, reason="test"
    )


@pytest.mark.parametrize(("method", "page"), PAGES)
@pytest.mark.parametrize("who", ["alice", "pam", "carol"])
def test_staff_get_not_found(world, record, method, page, who):
    client = world.client_for(getattr(world, who))
    assert getattr(client, method)(page.format(record=record.pk)).status_code == 404


@pytest.mark.parametrize(("method", "page"), PAGES)
def test_someone_not_signed_in_gets_not_found(world, record, method, page):
    assert getattr(Client(), method)(page.format(record=record.pk)).status_code == 404


def test_the_operator_sees_the_forms_and_recent_erasures(world, record):
    response = world.client_for(world.operator).get("/operator/privacy/")
    assert response.status_code == 200
    assert b"Erase a school" in response.content and b"school 100001" in response.content


def test_a_post_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.operator)
    response = client.post("/operator/privacy/erase-school/", {"school-urn": "100001", "school-reason": "x"})
    assert response.status_code == 403
