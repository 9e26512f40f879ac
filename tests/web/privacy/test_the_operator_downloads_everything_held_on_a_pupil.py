"""The operator's export is the pupil's rows from every school as a ZIP, and each school's read is logged."""

from __future__ import annotations

import csv
import io
import zipfile

from rollbook.web.audit.models import AccessRecord
from rollbook.web.privacy.models import SubjectAccessRecord
from rollbook.web.privacy.pseudonym import upn_hash
from tests.support.pupil_at_two_schools import PUPIL, REGISTERS

EXPORT = "/operator/privacy/export/"


def test_the_zip_holds_the_pupils_rows_from_both_schools_and_no_one_elses(pupil_world):
    response = pupil_world.client_for(pupil_world.operator).post(EXPORT, {"export-upn": PUPIL.lower()})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="subject-access-{PUPIL}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    marks = list(csv.DictReader(io.StringIO(archive.read("marks.csv").decode())))
    assert [(row["school"], row["code"]) for row in marks] == [
        (str(urn), code) for urn, codes in REGISTERS.items() for code in codes
    ]
    pupils = list(csv.DictReader(io.StringIO(archive.read("pupils.csv").decode())))
    assert [(row["upn"], row["school"]) for row in pupils] == [(PUPIL, "100001"), (PUPIL, "100002")]
    for name in archive.namelist():
        assert all(other not in archive.read(name).decode() for other in ("A0000000001", "C0000000003"))


def test_each_school_that_held_the_pupil_has_the_read_in_its_access_log(pupil_world):
    operator = pupil_world.client_for(pupil_world.operator)  # signing in is recorded too: before counting
    before = set(AccessRecord.objects.values_list("pk", flat=True))
    operator.post(EXPORT, {"export-upn": PUPIL}, REMOTE_ADDR="10.9.8.7")
    logged = AccessRecord.objects.exclude(pk__in=before).order_by("school__urn")
    assert [(r.school, r.user, r.what, r.address) for r in logged] == [
        (school, pupil_world.operator, f"subject access export {PUPIL} (zip)", "10.9.8.7")
        for school in (pupil_world.alder, pupil_world.birch)
    ]


def test_the_export_is_recorded_with_the_counts(pupil_world):
    pupil_world.client_for(pupil_world.operator).post(EXPORT, {"export-upn": PUPIL})
    (record,) = SubjectAccessRecord.objects.all()
    assert (record.user, record.actor, record.upn_hash) == (pupil_world.operator, "operator", upn_hash(PUPIL))
    assert record.counts["tables"] == {
        "pupils": 2,
        "marks": 12,
        "results": 0,
        "prior_attainment": 0,
        "baselines": 0,
    }


def test_a_malformed_upn_is_refused_with_the_reason_and_nothing_is_read(pupil_world):
    response = pupil_world.client_for(pupil_world.operator).post(EXPORT, {"export-upn": "A0000000001"})
    assert response.status_code == 400
    assert b"has 11 characters, not 13" in response.content
    assert not SubjectAccessRecord.objects.exists()
