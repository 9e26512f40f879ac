"""A letter followed by a digit is one two-character token, so the 2024 codes C1, C2, J1 and Y1-Y7 fit in a
CTF marks string; sessions are counted in tokens, not characters."""

import datetime as dt

from tests.support.mis_exports import ANN, ctf_pupil, import_one, marks_in, write_ctf, year_data


def test_two_character_codes_take_one_session(tmp_path, lake):
    # Monday 02/09/2024 to Thursday 05/09/2024: 8 sessions in 12 characters; lower case reads as upper case.
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-02", r"C1\/J1Y3y7c2C")))

    assert import_one(lake, path).landed

    assert marks_in(lake) == [
        (ANN, dt.date(2024, 9, 2), "AM", "C1"),
        (ANN, dt.date(2024, 9, 2), "PM", "\\"),
        (ANN, dt.date(2024, 9, 3), "AM", "/"),
        (ANN, dt.date(2024, 9, 3), "PM", "J1"),
        (ANN, dt.date(2024, 9, 4), "AM", "Y3"),
        (ANN, dt.date(2024, 9, 4), "PM", "Y7"),
        (ANN, dt.date(2024, 9, 5), "AM", "C2"),
        (ANN, dt.date(2024, 9, 5), "PM", "C"),
    ]
