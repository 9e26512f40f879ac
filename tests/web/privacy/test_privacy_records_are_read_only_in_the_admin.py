"""Erasure and export records can be read in the admin but not added, changed or deleted."""

from __future__ import annotations

import pytest

from rollbook.web.privacy.models import ErasureRecord, SubjectAccessRecord


@pytest.fixture
def records(world):
    erasure = ErasureRecord.objects.create(
        kind=ErasureRecord.SCHOOL, actor="operator", urn=100001, reason="r"
    )
    export = SubjectAccessRecord.objects.create(actor="operator", upn_hash="0" * 64)
    return {"erasurerecord": erasure, "subjectaccessrecord": export}


@pytest.mark.parametrize("model", ["erasurerecord", "subjectaccessrecord"])
def test_the_operator_may_read_but_not_add_change_or_delete(world, records, model):
    admin = world.client_for(world.operator)
    base = f"/admin/privacy/{model}/"
    pk = records[model].pk
    assert admin.get(base).status_code == 200
    assert admin.get(f"{base}{pk}/change/").status_code == 200
    assert admin.get(f"{base}add/").status_code == 403
    assert admin.post(f"{base}{pk}/change/", {"actor": "someone else"}).status_code == 403
    assert admin.post(f"{base}{pk}/delete/", {"post": "yes"}).status_code == 403
    assert type(records[model]).objects.get(pk=pk).actor == "operator"
