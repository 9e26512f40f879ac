"""A mark is refused for a pupil not on roll that day: unknown to the import and the lake, not yet admitted,
or already left. Z (not on roll) says just that, so it is accepted."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    CAL,
    URN,
    already_imported,
    csv_text,
    ctf_pupil,
    d,
    import_one,
    lake_files,
    the_refusal,
    write,
    write_ctf,
    year_data,
)


def test_a_mark_for_an_unknown_pupil_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "marks.csv", csv_text("upn,date,session,code", f"{CAL},2024-09-09,AM,/"))

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.NOT_ON_ROLL
    assert (problem.file, problem.where, problem.upn, problem.day) == (
        "marks.csv",
        "line 2",
        CAL,
        d("09/09/2024"),
    )
    assert problem.message == "no pupil with this UPN is in the import or already on roll at the school"
    assert lake_files(lake) == before


def test_a_mark_before_admission_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(
        tmp_path, ctf_pupil(CAL, entry="2024-09-03", attendance=year_data("2024-09-02", "Z\\/\\"))
    )

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.NOT_ON_ROLL
    assert (problem.file, problem.upn, problem.day) == (path.name, CAL, d("02/09/2024"))
    assert problem.where.endswith("session 2")
    assert problem.message == "the pupil was admitted on 03/09/2024, after this date"
    assert lake_files(lake) == before


def test_a_mark_after_leaving_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(
        tmp_path, ctf_pupil(ANN, leaving="2024-09-02", attendance=year_data("2024-09-02", r"/\/Z"))
    )

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.NOT_ON_ROLL
    assert (problem.upn, problem.day) == (ANN, d("03/09/2024"))
    assert problem.message == "the pupil left on 02/09/2024, before this date"
    assert lake_files(lake) == before


def test_z_outside_the_enrolment_is_accepted(tmp_path, lake):
    path = write_ctf(
        tmp_path, ctf_pupil(CAL, entry="2024-09-03", attendance=year_data("2024-09-02", "ZZ/\\"))
    )

    assert import_one(lake, path).landed
