"""`rollbook gdpr export` writes the pupil's ZIP and records the read as the operator's CLI account."""

from __future__ import annotations

import zipfile

from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.audit.models import AccessRecord
from rollbook.web.privacy.models import SubjectAccessRecord
from rollbook.web.privacy.pseudonym import upn_hash
from tests.support.pupil_at_two_schools import PUPIL


def test_the_zip_is_written_and_each_schools_read_recorded(pupil_world, tmp_path):
    out = tmp_path / "pupil.zip"
    result = CliRunner().invoke(app, ["gdpr", "export", "--upn", PUPIL.lower(), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 pupils rows, 12 marks rows" in result.stderr
    assert sorted(zipfile.ZipFile(out).namelist()) == [
        "README.txt",
        "baselines.csv",
        "manifest.json",
        "marks.csv",
        "prior_attainment.csv",
        "pupils.csv",
        "results.csv",
    ]
    reads = AccessRecord.objects.filter(what=f"subject access export {PUPIL} (zip)").order_by("school__urn")
    assert [(r.actor.startswith("cli:"), r.school.urn) for r in reads] == [(True, 100001), (True, 100002)]
    assert SubjectAccessRecord.objects.get().upn_hash == upn_hash(PUPIL)


def test_a_malformed_upn_is_refused_before_anything_is_read(pupil_world, tmp_path):
    result = CliRunner().invoke(
        app, ["gdpr", "export", "--upn", "A0000000001", "--out", str(tmp_path / "x.zip")]
    )
    assert result.exit_code == 2
    assert "has 11 characters, not 13" in result.stderr
    assert not SubjectAccessRecord.objects.exists()
