"""One session given twice with different codes is refused, naming both places; the same code twice is
noted and kept once."""

import datetime as dt

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
    marks_in,
    the_refusal,
    write,
    write_ctf,
    year_data,
)


def test_two_codes_for_one_session_in_marks_csv(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(
        tmp_path,
        "marks.csv",
        csv_text("upn,date,session,code", f"{ANN},2024-09-09,AM,/", f"{ANN},2024-09-09,AM,I"),
    )

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.DUPLICATE_MARK
    assert (problem.file, problem.where, problem.upn, problem.day) == (
        "marks.csv",
        "line 3",
        ANN,
        d("09/09/2024"),
    )
    assert problem.message == "AM session given twice: code '/' at marks.csv, line 2, and 'I' here"
    assert lake_files(lake) == before


def test_a_ctf_and_a_marks_csv_disagreeing(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    ctf = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-09", "/\\")))
    marks = write(tmp_path, "marks.csv", csv_text("upn,date,session,code", f"{ANN},2024-09-09,PM,M"))

    problem = the_refusal(import_one(lake, ctf, marks))

    assert problem.kind is Kind.DUPLICATE_MARK
    assert (problem.upn, problem.day) == (ANN, d("09/09/2024"))
    assert f"code '\\\\' at {ctf.name}" in problem.message
    assert lake_files(lake) == before


def test_the_same_mark_twice_is_kept_once(tmp_path, lake):
    path = write_ctf(tmp_path, ctf_pupil(ANN))
    marks = write(
        tmp_path,
        "marks.csv",
        csv_text("upn,date,session,code", f"{ANN},2024-09-09,AM,I", f"{ANN},2024-09-09,AM,i"),
    )

    outcome = import_one(lake, path, marks)

    assert outcome.landed
    assert marks_in(lake) == [(ANN, dt.date(2024, 9, 9), "AM", "I")]
    assert any(note.kind is Kind.REPEATED_MARK for note in outcome.report.notes.listed)
