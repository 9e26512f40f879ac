"""Erasing a pupil shows what will go and asks for the UPN again; then only that pupil's rows go, from
every school, and their UPN leaves the import reports and the access log."""

from __future__ import annotations

import pytest

from rollbook.web.audit.models import AccessRecord
from rollbook.web.imports.models import ImportRecord
from rollbook.web.privacy.models import ErasureRecord
from rollbook.web.privacy.pseudonym import erased_label
from rollbook.web.privacy.redaction import ERASED_PROBLEM
from tests.support.pupil_at_two_schools import OTHER, PUPIL, contents, warning, without

ERASE = "/operator/privacy/erase-pupil/"
ASK = {"pupil-upn": PUPIL, "pupil-reason": "Request ref 42"}


@pytest.fixture
def operator(pupil_world):
    return pupil_world.client_for(pupil_world.operator)


def test_the_first_post_shows_what_will_go_and_removes_nothing(pupil_world, operator):
    before = contents(pupil_world.lake)
    response = operator.post(ERASE, ASK)
    assert response.status_code == 200
    plan = response.context["plan"]
    assert plan["tables"] == {"pupils": 2, "marks": 12, "results": 0, "prior_attainment": 0, "baselines": 0}
    assert [(p["table"], p["school"], p["rows"]) for p in plan["partitions"]] == [
        ("marks", 100001, 10),
        ("marks", 100002, 2),
        ("pupils", 100001, 1),
        ("pupils", 100002, 1),
    ]
    assert (plan["import_reports"], plan["access_records"]) == (2, 1)
    assert b"Type the UPN again to confirm" in response.content
    assert contents(pupil_world.lake) == before
    assert not ErasureRecord.objects.exists()


def test_a_upn_typed_differently_removes_nothing(pupil_world, operator):
    before = contents(pupil_world.lake)
    response = operator.post(ERASE, {**ASK, "pupil-again": PUPIL[:-1] + "9"})
    assert response.status_code == 400
    assert b"That does not match" in response.content
    assert contents(pupil_world.lake) == before


def test_confirmed_it_removes_exactly_that_pupils_rows(pupil_world, operator):
    before = contents(pupil_world.lake)
    response = operator.post(ERASE, {**ASK, "pupil-again": PUPIL.lower()})
    record = ErasureRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/operator/privacy/erasures/{record.pk}/"
    assert contents(pupil_world.lake) == without(before, PUPIL)
    assert record.removed["tables"] == {
        "pupils": 2,
        "marks": 12,
        "results": 0,
        "prior_attainment": 0,
        "baselines": 0,
    }
    assert record.finished is not None and record.reason == "Request ref 42"
    assert operator.get(response["Location"]).status_code == 200


def test_their_upn_leaves_import_reports_and_the_access_log(pupil_world, operator):
    operator.post(ERASE, {**ASK, "pupil-again": PUPIL})
    for problems in ImportRecord.objects.values_list("problems", flat=True):
        assert problems["warnings"]["listed"] == [
            {"kind": "conflicting details", "message": ERASED_PROBLEM},
            warning(4, OTHER, "surname"),  # other pupils' problems stay
        ]
    (access,) = AccessRecord.objects.filter(actor="pam")
    assert access.what == f"attendance pupil {erased_label(PUPIL)} (page)"
    assert PUPIL.lower() not in access.path.lower()
    removed = ErasureRecord.objects.get().removed
    assert (removed["import_reports"], removed["access_records"]) == (2, 1)
