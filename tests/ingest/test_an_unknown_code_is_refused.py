"""A mark whose code is not in the code set in force on its date is refused, and nothing changes."""

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


def test_an_unknown_code_in_a_ctf_names_its_session_and_date(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    # Tuesday 03/09/2024 morning: A is no register code.
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-02", r"/\A\/\/")))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.UNKNOWN_CODE
    assert (problem.file, problem.upn, problem.day) == (path.name, ANN, d("03/09/2024"))
    assert problem.where.endswith("AttendanceMarks, session 3")
    assert problem.message == "code 'A' is not in the 2024 code set, in force from 19/08/2024"
    assert lake_files(lake) == before


def test_a_code_withdrawn_in_2024_in_marks_csv_names_its_line(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(
        tmp_path,
        "marks.csv",
        csv_text("upn,date,session,code", f"{ANN},2024-09-09,AM,/", f"{ANN},2024-09-09,PM,H"),
    )

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.UNKNOWN_CODE
    assert (problem.file, problem.where, problem.upn, problem.day) == (
        "marks.csv",
        "line 3",
        ANN,
        d("09/09/2024"),
    )
    assert "'H' is not in the 2024 code set" in problem.message
    assert "09/09/2024" in str(problem)
    assert lake_files(lake) == before
