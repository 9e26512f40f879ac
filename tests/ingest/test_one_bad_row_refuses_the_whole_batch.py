"""An import lands whole or changes nothing: one bad row among good ones refuses all of them."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    BEN,
    CAL,
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


def test_good_pupils_and_marks_do_not_land_beside_one_bad_mark(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    ctf = write_ctf(
        tmp_path,
        ctf_pupil(ANN, surname="Jones", attendance=year_data("2024-09-09", r"/\/\/\/\/\####")),
        ctf_pupil(CAL, forename="Cal", gender="M", attendance=year_data("2024-09-09", r"/\/\/\/\/\####")),
    )
    marks = write(
        tmp_path,
        "marks.csv",
        csv_text("upn,date,session,code", f"{BEN},2024-09-09,AM,/", f"{BEN},2024-09-09,PM,%"),
    )

    outcome = import_one(lake, ctf, marks)

    problem = the_refusal(outcome)
    assert (problem.kind, problem.file, problem.where, problem.day) == (
        Kind.UNKNOWN_CODE,
        "marks.csv",
        "line 3",
        d("09/09/2024"),
    )
    assert outcome.summary().endswith("refused with 1 problem(s); nothing was changed.")
    assert lake_files(lake) == before
