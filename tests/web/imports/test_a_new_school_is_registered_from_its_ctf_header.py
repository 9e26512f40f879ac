"""The operator's import registers a school it has not seen from the CTF header, with its LA and region."""

from __future__ import annotations

import pytest

from rollbook.web.imports.service import UnknownSchool, run_import
from rollbook.web.schools.models import School


@pytest.mark.django_db
def test_the_header_names_the_school(school_files):
    run_import([school_files / "900001"], actor="cli:tester")
    school = School.objects.get(urn=900001)
    header = (school_files / "schools.csv").read_text().splitlines()[1].split(",")
    urn, la, estab, name, la_name, region = header[:6]
    assert (school.urn, school.la_code, school.estab, school.name) == (int(urn), int(la), int(estab), name)
    assert (school.local_authority, school.region) == (la_name, region)


@pytest.mark.django_db
def test_importing_again_keeps_one_school(school_files):
    run_import([school_files / "900001"], actor="cli:tester")
    (outcome,) = run_import([school_files / "900001"], actor="cli:tester")
    assert outcome.no_change
    assert School.objects.filter(urn=900001).count() == 1


@pytest.mark.django_db
def test_a_ctf_naming_only_its_la_and_estab_finds_a_known_school(school_files, tmp_path):
    run_import([school_files / "900001"], actor="cli:tester")
    ctf = next((school_files / "900001").glob("*.xml"))
    without_urn = tmp_path / ctf.name
    without_urn.write_text(ctf.read_text().replace("<URN>900001</URN>", "", 1))
    (outcome,) = run_import([without_urn], actor="cli:tester")
    assert outcome.landed and outcome.urn == 900001


@pytest.mark.django_db
def test_a_csv_for_a_school_never_registered_is_refused_before_anything_changes(school_files, lake):
    with pytest.raises(UnknownSchool, match="URN 123456 is not registered"):
        run_import([school_files / "900001" / "pupils.csv"], actor="cli:tester", school=123456)
    assert lake.schools() == []
