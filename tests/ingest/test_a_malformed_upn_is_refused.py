"""A UPN must be thirteen characters whose first is the check letter of the other twelve."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    URN,
    already_imported,
    csv_text,
    ctf_pupil,
    import_one,
    lake_files,
    the_refusal,
    write,
    write_ctf,
)

WRONG_CHECK_LETTER = "B" + ANN[1:]  # ANN's check letter is L


def test_a_wrong_check_letter_in_a_ctf_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(tmp_path, ctf_pupil(WRONG_CHECK_LETTER))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.BAD_UPN
    assert (problem.file, problem.where, problem.upn) == (path.name, "Pupil[1]/UPN", WRONG_CHECK_LETTER)
    assert problem.message == f"UPN '{WRONG_CHECK_LETTER}' has check letter B, expected L"
    assert lake_files(lake) == before


def test_a_short_upn_in_pupils_csv_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(
        tmp_path,
        "pupils.csv",
        csv_text("upn,forename,surname,dob,sex", "L12345671500,Ann,Smith,2015-05-01,F"),
    )

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.BAD_UPN
    assert (problem.file, problem.where, problem.upn) == ("pupils.csv", "line 2", "L12345671500")
    assert problem.message == "UPN 'L12345671500' has 12 characters, not 13"
    assert lake_files(lake) == before
