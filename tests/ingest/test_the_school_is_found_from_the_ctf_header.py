"""The school is the CTF header's SourceSchool: its URN, else its LEA and Estab among known schools. A CSV
takes the school given with the import, or the CTF's beside it."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    ESTAB,
    LA,
    URN,
    already_imported,
    csv_text,
    ctf_pupil,
    import_one,
    lake_files,
    pupils_in,
    the_refusal,
    write,
    write_ctf,
)

PUPILS_CSV = csv_text("upn,forename,surname,dob,sex", f"{ANN},Ann,Smith,2015-05-01,F")


def test_the_header_urn_names_the_school(tmp_path, lake):
    outcome = import_one(lake, write_ctf(tmp_path, ctf_pupil(ANN)))

    assert outcome.landed
    assert (outcome.urn, outcome.la, outcome.estab, outcome.name) == (URN, LA, ESTAB, "Rollbook Test Primary")
    assert ANN in pupils_in(lake, school=URN)


def test_without_a_urn_lea_and_estab_find_a_known_school(tmp_path, lake):
    asked = []

    def find_school(la: int, estab: int) -> int | None:
        asked.append((la, estab))
        return 900777 if (la, estab) == (LA, ESTAB) else None

    outcome = import_one(lake, write_ctf(tmp_path, ctf_pupil(ANN), urn=None), find_school=find_school)

    assert outcome.landed
    assert asked == [(LA, ESTAB)]
    assert ANN in pupils_in(lake, school=900777)


def test_an_unknown_lea_and_estab_without_a_urn_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(tmp_path, ctf_pupil(ANN), urn=None)

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.SCHOOL
    assert problem.message == (
        f"cannot tell which school this is: the CTF header has no URN and LEA {LA}, Estab {ESTAB} is not a "
        "known school; give the school's URN"
    )
    assert lake_files(lake) == before


def test_a_csv_alone_needs_a_school(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "pupils.csv", PUPILS_CSV)

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.SCHOOL
    assert (
        problem.message == "cannot tell which school this is: the files name no school; give the school's URN"
    )
    assert lake_files(lake) == before


def test_a_csv_beside_a_ctf_takes_the_ctfs_school(tmp_path, lake):
    path = write(tmp_path, "pupils.csv", PUPILS_CSV)
    outcome = import_one(lake, write_ctf(tmp_path, ctf_pupil(ANN)), path)

    assert outcome.landed
    assert outcome.urn == URN


def test_a_ctf_from_another_school_than_the_one_asked_for_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")

    problem = the_refusal(import_one(lake, write_ctf(tmp_path, ctf_pupil(ANN)), school=900002))

    assert problem.kind is Kind.SCHOOL
    assert problem.message == f"the CTF comes from school URN {URN}, not the school asked for (900002)"
    assert lake_files(lake) == before


def test_ctfs_from_two_schools_in_one_batch_are_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    ours = write_ctf(tmp_path, ctf_pupil(ANN))
    theirs = write_ctf(tmp_path, ctf_pupil(ANN), name="other.xml", urn=900002, estab=4568)

    outcome = import_one(lake, ours, theirs)

    assert not outcome.landed
    assert Kind.SCHOOL in outcome.report.kinds()
    assert "the CTFs come from different schools" in outcome.report.text()
    assert lake_files(lake) == before
