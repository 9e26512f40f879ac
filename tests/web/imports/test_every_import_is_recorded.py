"""Every import, landed or refused, leaves a record of who ran it, on which files, and what it said."""

from __future__ import annotations

import shutil

import pytest

from rollbook.web.imports.models import ImportRecord
from rollbook.web.imports.service import run_import


@pytest.mark.django_db
def test_a_landed_import_records_its_changes(school_files):
    outcomes = run_import([school_files / "900001"], actor="cli:tester")
    (record,) = ImportRecord.objects.all()
    assert outcomes[0].landed
    assert record.outcome == ImportRecord.LANDED
    assert record.actor == "cli:tester"
    assert record.school.urn == 900001
    assert record.changes["counts"]["marks_added"] == outcomes[0].counts.marks_added > 0
    written = {key["table"] for key in record.changes["partitions_written"]}
    # synth writes Year 11's results too, and for 2024/25's Year 11 (no KS2) their baseline scores
    assert written == {"pupils", "marks", "results", "prior_attainment", "baselines"}
    assert sorted(record.files) == sorted(str(path) for path in (school_files / "900001").iterdir())


@pytest.mark.django_db
def test_a_refused_import_is_recorded_with_its_reasons(school_files, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(school_files / "900001", broken)
    ctf = next(broken.glob("*.xml"))
    ctf.write_text(ctf.read_text().replace("<UPN>", "<UPN>X", 1))
    (outcome,) = run_import([broken], actor="cli:tester")
    (record,) = ImportRecord.objects.all()
    assert not outcome.landed
    assert record.outcome == ImportRecord.REFUSED
    (refusal,) = record.problems["refusals"]["listed"]
    assert (refusal["kind"], refusal["element"]) == ("malformed UPN", "Pupil[1]/UPN")
    assert refusal["upn"].startswith("X") and refusal["file"] == ctf.name
    assert record.changes["partitions_written"] == []


@pytest.mark.django_db
def test_a_folder_with_nothing_to_import_is_recorded_as_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not an export")
    (outcome,) = run_import([tmp_path], actor="cli:tester")
    (record,) = ImportRecord.objects.all()
    assert not outcome.landed
    assert record.outcome == ImportRecord.REFUSED
    (refusal,) = record.problems["refusals"]["listed"]
    assert refusal["message"] == "found no CTF (.xml), pupils.csv or marks.csv to import"


@pytest.mark.django_db
def test_files_left_out_of_an_import_are_noted_in_its_record(school_files):
    run_import([school_files], actor="cli:tester")
    first = ImportRecord.objects.order_by("started").first()
    ignored = [(note["file"], note["message"]) for note in first.problems["notes"]["listed"]]
    assert (str(school_files / "schools.csv"), "not a CTF or a Rollbook CSV; ignored") in ignored
