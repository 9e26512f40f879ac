"""For each pupil, an import's marks replace that pupil's marks between the first and last date it holds for
them; their other dates, and other pupils, are kept."""

import datetime as dt

from tests.support.mis_exports import ANN, BEN, URN, already_imported, csv_text, import_one, marks_in, write

MON, TUE, WED, THU, FRI = (dt.date(2024, 9, day) for day in range(2, 7))


def test_an_amendment_replaces_only_its_own_range(tmp_path, lake):
    already_imported(lake, tmp_path / "first")  # ANN and BEN present every session, 02/09 to 06/09/2024
    # Tuesday to Thursday for ANN: ill on Tuesday, Wednesday morning only (Wednesday PM is removed), and
    # a late Thursday afternoon.
    amendment = write(
        tmp_path,
        "marks.csv",
        csv_text(
            "upn,date,session,code",
            f"{ANN},2024-09-03,AM,I",
            f"{ANN},2024-09-03,PM,I",
            f"{ANN},2024-09-04,AM,/",
            f"{ANN},2024-09-05,PM,L",
        ),
    )

    outcome = import_one(lake, amendment, school=URN)

    assert outcome.landed
    assert (outcome.counts.marks_added, outcome.counts.marks_changed, outcome.counts.marks_removed) == (
        0,
        3,
        2,
    )
    ann = [mark[1:] for mark in marks_in(lake) if mark[0] == ANN]
    assert ann == [
        (MON, "AM", "/"),
        (MON, "PM", "\\"),
        (TUE, "AM", "I"),
        (TUE, "PM", "I"),
        (WED, "AM", "/"),
        (THU, "PM", "L"),
        (FRI, "AM", "/"),
        (FRI, "PM", "\\"),
    ]
    assert len([mark for mark in marks_in(lake) if mark[0] == BEN]) == 10
