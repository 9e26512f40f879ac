"""A pupil in a CTF lands in the pupils partition with the details the CTF gives."""

import datetime as dt

import pytest

from tests.support.mis_exports import ANN, BEN, URN, ctf_pupil, import_one, pupils_in, write_ctf


def test_the_pupils_details_are_read_from_their_elements(tmp_path, lake):
    path = write_ctf(
        tmp_path,
        ctf_pupil(
            ANN,
            forename="Ann",
            surname="Smith",
            dob="2015-05-01",
            gender="F",
            details="<NCyearActual>4</NCyearActual><Ethnicity>WBRI</Ethnicity>",
            entry="2019-09-04",
            leaving="2025-07-18",
        ),
    )

    outcome = import_one(lake, path)

    assert outcome.landed, outcome.report.text()
    assert outcome.urn == URN
    assert pupils_in(lake)[ANN] == {
        "upn": ANN,
        "forename": "Ann",
        "surname": "Smith",
        "dob": dt.date(2015, 5, 1),
        "sex": "F",
        "nc_year": 4,
        "reg_group": None,
        "fsm6": False,
        "sen": "N",
        "eal": None,
        "ethnicity": "WBRI",
        "admission_date": dt.date(2019, 9, 4),
        "leaving_date": dt.date(2025, 7, 18),
    }


@pytest.mark.parametrize(("written", "stored"), [("R", 0), ("N1", -2), ("N2", -1), ("11", 11), ("X", None)])
def test_nc_year_names_are_stored_as_numbers(tmp_path, lake, written, stored):
    path = write_ctf(tmp_path, ctf_pupil(BEN, details=f"<NCyearActual>{written}</NCyearActual>"))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[BEN]["nc_year"] == stored


def test_a_lower_case_upn_and_gender_are_read_in_upper_case(tmp_path, lake):
    path = write_ctf(tmp_path, ctf_pupil(ANN.lower(), gender="f"))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["sex"] == "F"
