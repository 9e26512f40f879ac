"""AttendanceMarks walks every calendar date from AttendanceStartDate, morning then afternoon."""

import datetime as dt

from tests.support.mis_exports import ANN, BEN, ctf_pupil, import_one, marks_in, write_ctf, year_data


def test_sessions_follow_the_start_date_am_then_pm(tmp_path, lake):
    # Friday 06/09/2024: present, then ill in the afternoon; the weekend has no sessions; Monday late, then N.
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-06", r"/I####LN")))

    assert import_one(lake, path).landed

    assert marks_in(lake) == [
        (ANN, dt.date(2024, 9, 6), "AM", "/"),
        (ANN, dt.date(2024, 9, 6), "PM", "I"),
        (ANN, dt.date(2024, 9, 9), "AM", "L"),
        (ANN, dt.date(2024, 9, 9), "PM", "N"),
    ]


def test_each_pupil_has_their_own_start_date(tmp_path, lake):
    path = write_ctf(
        tmp_path,
        ctf_pupil(ANN, attendance=year_data("2024-09-02", "/\\")),
        ctf_pupil(BEN, forename="Ben", gender="M", attendance=year_data("2024-09-03", "M\\")),
    )

    assert import_one(lake, path).landed

    assert marks_in(lake) == sorted(
        [
            (ANN, dt.date(2024, 9, 2), "AM", "/"),
            (ANN, dt.date(2024, 9, 2), "PM", "\\"),
            (BEN, dt.date(2024, 9, 3), "AM", "M"),
            (BEN, dt.date(2024, 9, 3), "PM", "\\"),
        ]
    )


def test_several_attend_sessions_in_a_year_each_start_at_their_own_date(tmp_path, lake):
    two_runs = (
        "<YearData><Year>2024</Year>"
        "<AttendSessions><AttendanceStartDate>2024-09-02</AttendanceStartDate>"
        "<AttendanceMarks>/\\</AttendanceMarks></AttendSessions>"
        "<AttendSessions><AttendanceStartDate>2025-01-06</AttendanceStartDate>"
        "<AttendanceMarks>G\\</AttendanceMarks></AttendSessions></YearData>"
    )
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=two_runs))

    assert import_one(lake, path).landed

    assert marks_in(lake) == [
        (ANN, dt.date(2024, 9, 2), "AM", "/"),
        (ANN, dt.date(2024, 9, 2), "PM", "\\"),
        (ANN, dt.date(2025, 1, 6), "AM", "G"),
        (ANN, dt.date(2025, 1, 6), "PM", "\\"),
    ]
