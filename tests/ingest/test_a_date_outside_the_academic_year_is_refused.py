"""Marks must fall in the academic year they are given for: YearData/Year in a CTF, the import's year for
marks.csv."""

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


def test_a_ctf_marks_string_running_past_31_july_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    # 31/07/2025 is the last day of 2024/25; the string's second day, 01/08/2025, is in 2025/26.
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2025-07-31", "##/")))

    outcome = import_one(lake, path, today=d("01/09/2025"))
    problem = the_refusal(outcome)

    assert problem.kind is Kind.OUTSIDE_YEAR
    assert (problem.file, problem.upn, problem.day) == (path.name, ANN, d("01/08/2025"))
    assert problem.where.endswith("AttendanceMarks, session 3")
    assert problem.message == "this date is outside the academic year 2024/25 given by YearData/Year"
    assert lake_files(lake) == before


def test_a_marks_csv_row_outside_the_year_asked_for_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(
        tmp_path,
        "marks.csv",
        csv_text("upn,date,session,code", f"{ANN},2024-09-09,AM,/", f"{ANN},2023-09-11,AM,/"),
    )

    problem = the_refusal(import_one(lake, path, school=URN, academic_year=2024))

    assert problem.kind is Kind.OUTSIDE_YEAR
    assert (problem.file, problem.where, problem.upn, problem.day) == (
        "marks.csv",
        "line 3",
        ANN,
        d("11/09/2023"),
    )
    assert problem.message == "this date is outside the academic year 2024/25"
    assert lake_files(lake) == before
