"""Export and erasure records name the pupil by a keyed hash of the UPN, never by the UPN itself."""

from __future__ import annotations

import hashlib

from django.core import serializers

from rollbook.web.privacy.models import ErasureRecord, SubjectAccessRecord
from rollbook.web.privacy.pseudonym import upn_hash
from tests.support.pupil_at_two_schools import PUPIL


def test_no_record_holds_the_upn_in_any_field(pupil_world):
    operator = pupil_world.client_for(pupil_world.operator)
    operator.post("/operator/privacy/export/", {"export-upn": PUPIL})
    ask = {"pupil-upn": PUPIL, "pupil-reason": "Parent's request", "pupil-again": PUPIL}
    operator.post("/operator/privacy/erase-pupil/", ask)
    records = [*SubjectAccessRecord.objects.all(), *ErasureRecord.objects.all()]
    assert len(records) == 2
    stored = serializers.serialize("json", records)
    assert PUPIL.lower() not in stored.lower()
    assert {record.upn_hash for record in records} == {upn_hash(PUPIL)}


def test_the_hash_is_keyed_by_the_deployment_not_plain_sha256(settings):
    plain = hashlib.sha256(PUPIL.encode()).hexdigest()
    first = upn_hash(PUPIL)
    assert len(first) == 64 and first != plain
    settings.SECRET_KEY = "another deployment's key"
    assert upn_hash(PUPIL) != first
