"""Before 19/08/2024 the code set had no two-character codes, so one there is an unknown code; a digit that
follows no letter cannot be read at all."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    already_imported,
    ctf_pupil,
    d,
    import_one,
    lake_files,
    the_refusal,
    write_ctf,
    year_data,
)


def test_c1_in_july_2024_is_refused_as_an_unknown_code(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    # Monday 15/07/2024, in 2023/24: present in the morning, C1 in the afternoon.
    path = write_ctf(
        tmp_path, ctf_pupil(ANN, attendance=year_data("2024-07-15", r"/C1", year=2023)), year="2023/24"
    )

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.UNKNOWN_CODE
    assert (problem.file, problem.upn, problem.day) == (path.name, ANN, d("15/07/2024"))
    assert problem.where == "Pupil[1]/Attendance/YearData[1]/AttendSessions[1]/AttendanceMarks, session 2"
    assert problem.message == "code 'C1' is not in the code set in force before 19/08/2024"
    assert lake_files(lake) == before


def test_a_digit_after_no_letter_is_refused_with_its_position(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-02", r"/\/1")))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.UNKNOWN_CODE
    assert (problem.file, problem.upn) == (path.name, ANN)
    assert problem.where == "Pupil[1]/Attendance/YearData[1]/AttendSessions[1]/AttendanceMarks"
    assert problem.message == r'cannot read character 4 (in "\/1"): a digit that does not follow a letter'
    assert lake_files(lake) == before
