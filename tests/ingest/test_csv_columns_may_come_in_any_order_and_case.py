"""pupils.csv and marks.csv are read by column name, in any order and any case; extra columns are noted."""

import datetime as dt

from rollbook.ingest import Kind
from tests.support.mis_exports import ANN, URN, csv_text, import_one, marks_in, pupils_in, write


def test_pupils_csv_with_shuffled_upper_case_columns(tmp_path, lake):
    path = write(
        tmp_path,
        "pupils.csv",
        csv_text(
            "Reg_Group,SEX,Surname,UPN,DOB,Forename,NC_Year,FSM6,SEN,EAL,Ethnicity,Admission_Date,Leaving_Date,Note",
            f"4S,f,Smith,{ANN},01/05/2015,Ann,4,Yes,k,0,WBRI,2019-09-04,,likes maths",
        ),
    )

    outcome = import_one(lake, path, school=URN, academic_year=2024)

    assert outcome.landed, outcome.report.text()
    assert pupils_in(lake)[ANN] == {
        "upn": ANN,
        "forename": "Ann",
        "surname": "Smith",
        "dob": dt.date(2015, 5, 1),
        "sex": "F",
        "nc_year": 4,
        "reg_group": "4S",
        "fsm6": True,
        "sen": "K",
        "eal": False,
        "ethnicity": "WBRI",
        "admission_date": dt.date(2019, 9, 4),
        "leaving_date": None,
    }
    (note,) = [note for note in outcome.report.notes.listed if note.kind is Kind.IGNORED]
    assert (note.file, note.message) == ("pupils.csv", "extra column(s) not imported: note")


def test_marks_csv_with_shuffled_upper_case_columns(tmp_path, lake):
    pupils = write(
        tmp_path, "pupils.csv", csv_text("upn,forename,surname,dob,sex", f"{ANN},Ann,Smith,2015-05-01,F")
    )
    marks = write(
        tmp_path,
        "marks.csv",
        csv_text("CODE,Session,Date,Upn", f"/,am,02/09/2024,{ANN}", f"c1,PM,2024-09-02,{ANN.lower()}"),
    )

    outcome = import_one(lake, pupils, marks, school=URN)

    assert outcome.landed, outcome.report.text()
    assert marks_in(lake) == [(ANN, dt.date(2024, 9, 2), "AM", "/"), (ANN, dt.date(2024, 9, 2), "PM", "C1")]
