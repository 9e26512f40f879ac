"""Dates that are not dates, written another way, or in the future (a birth, a mark) are refused."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
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


def test_a_ctf_date_not_written_yyyy_mm_dd_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(tmp_path, ctf_pupil(ANN, dob="01/05/2015"))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.BAD_DATE
    assert (problem.file, problem.where, problem.upn) == (path.name, "Pupil[1]", ANN)
    assert problem.message == "DOB: '01/05/2015' is not a date written YYYY-MM-DD"
    assert lake_files(lake) == before


def test_an_impossible_date_in_marks_csv_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "marks.csv", csv_text("upn,date,session,code", f"{ANN},31/02/2025,AM,/"))

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.BAD_DATE
    assert (problem.file, problem.where, problem.upn) == ("marks.csv", "line 2", ANN)
    assert problem.message == "'31/02/2025' is not a date (write YYYY-MM-DD or DD/MM/YYYY)"
    assert lake_files(lake) == before


def test_a_bad_admission_date_in_pupils_csv_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(
        tmp_path,
        "pupils.csv",
        csv_text("upn,forename,surname,dob,sex,admission_date", f"{ANN},Ann,Smith,2015-05-01,F,2019-13-01"),
    )

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.BAD_DATE
    assert (problem.file, problem.where, problem.upn) == ("pupils.csv", "line 2", ANN)
    assert problem.message.startswith("admission_date: '2019-13-01' is not a date")
    assert lake_files(lake) == before


def test_a_date_of_birth_in_the_future_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(tmp_path, ctf_pupil(ANN, dob="2025-08-01"))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.BAD_DATE
    assert (problem.file, problem.upn, problem.day) == (path.name, ANN, d("01/08/2025"))
    assert problem.message == "the date of birth is in the future"
    assert lake_files(lake) == before


def test_a_mark_after_today_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    # Today is Monday 09/09/2024; the string runs to Tuesday 10/09/2024.
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-09", r"/\/")))

    problem = the_refusal(import_one(lake, path, today=d("09/09/2024")))

    assert problem.kind is Kind.BAD_DATE
    assert (problem.file, problem.upn, problem.day) == (path.name, ANN, d("10/09/2024"))
    assert problem.where.endswith("AttendanceMarks, session 3")
    assert problem.message == "the date is in the future"
    assert lake_files(lake) == before
