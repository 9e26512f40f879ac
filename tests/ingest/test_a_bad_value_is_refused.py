"""A value that cannot be read in any column is refused, named by its element or line and column."""

import pytest

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


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"gender": "U"}, "Gender: sex 'U' is not M or F"),
        ({"surname": ""}, "Surname is missing"),
        (
            {"details": "<NCyearActual>17</NCyearActual>"},
            "BasicDetails/NCyearActual: '17' is not a National Curriculum year",
        ),
    ],
)
def test_a_bad_pupil_element_in_a_ctf(tmp_path, lake, changes, message):
    before = already_imported(lake, tmp_path / "first")
    path = write_ctf(tmp_path, ctf_pupil(ANN, **changes))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.BAD_VALUE
    assert (problem.file, problem.where, problem.upn) == (path.name, "Pupil[1]", ANN)
    assert problem.message == message
    assert lake_files(lake) == before


def test_a_bad_sen_provision_in_a_ctf_names_its_record(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    history = (
        "<SENhistory><SEN><StartDate>2023-09-01</StartDate><SENprovision>Q</SENprovision></SEN></SENhistory>"
    )
    path = write_ctf(tmp_path, ctf_pupil(ANN, extra=history))

    problem = the_refusal(import_one(lake, path))

    assert problem.kind is Kind.BAD_VALUE
    assert (problem.where, problem.upn) == ("Pupil[1]/SENhistory/SEN[1]", ANN)
    assert problem.message == "SENprovision: SEN provision 'Q' is not N, K or E"
    assert lake_files(lake) == before


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        ("fsm6", "maybe", "fsm6: 'maybe' is not yes or no (write Y/N, Yes/No, true/false or 1/0)"),
        ("sen", "Q", "sen: SEN provision 'Q' is not N, K or E"),
        ("sex", "", "sex is blank"),
    ],
)
def test_a_bad_cell_in_pupils_csv(tmp_path, lake, column, cell, message):
    before = already_imported(lake, tmp_path / "first")
    row = {
        "upn": ANN,
        "forename": "Ann",
        "surname": "Smith",
        "dob": "2015-05-01",
        "sex": "F",
        "fsm6": "N",
        "sen": "N",
    }
    row[column] = cell
    path = write(tmp_path, "pupils.csv", csv_text(",".join(row), ",".join(row.values())))

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.BAD_VALUE
    assert (problem.file, problem.where, problem.upn) == ("pupils.csv", "line 2", ANN)
    assert problem.message == message
    assert lake_files(lake) == before


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (f"{ANN},2024-09-09,EV,/", "session 'EV' is not AM or PM"),
        (f"{ANN},2024-09-09,AM,", "code is blank"),
        (f"{ANN},2024-09-09", "session '' is not AM or PM"),  # a short row
    ],
)
def test_a_bad_cell_in_marks_csv(tmp_path, lake, row, message):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "marks.csv", csv_text("upn,date,session,code", row))

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.BAD_VALUE
    assert (problem.file, problem.where, problem.upn) == ("marks.csv", "line 2", ANN)
    assert problem.message == message
    assert lake_files(lake) == before


def test_a_csv_missing_a_required_column_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "marks.csv", csv_text("UPN,Date,Code", f"{ANN},2024-09-09,/"))

    outcome = import_one(lake, path, school=URN)

    # Without a session column the file is no marks.csv: it is refused as unrecognised.
    problem = the_refusal(outcome)
    assert problem.kind is Kind.UNREADABLE
    assert problem.file == "marks.csv"
    assert lake_files(lake) == before


def test_pupils_csv_missing_a_required_column_is_refused(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")
    path = write(tmp_path, "pupils.csv", csv_text("upn,forename,surname,sex", f"{ANN},Ann,Smith,F"))

    problem = the_refusal(import_one(lake, path, school=URN))

    assert problem.kind is Kind.BAD_VALUE
    assert (problem.file, problem.where) == ("pupils.csv", "line 1")
    assert problem.message == "missing column(s): dob"
    assert lake_files(lake) == before
