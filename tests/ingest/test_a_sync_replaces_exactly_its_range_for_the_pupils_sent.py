"""A range sync replaces, for each pupil it sends, exactly the marks between its from and to dates, so the
DfE's amendment window (a re-send of the last five school days) corrects marks and removes deleted ones;
marks outside the range, and pupils it does not send, are untouched."""

import datetime as dt

from rollbook.ingest.exchange import push
from tests.support.syncs import ANN, BEN, CAL, FRIDAY, MONDAY, TODAY, URN, marks, marks_held, payload, pupil

TUE, WED = MONDAY + dt.timedelta(days=1), MONDAY + dt.timedelta(days=2)
PRESENT_ALL_WEEK = "/\\" * 5


def test_an_amendment_replaces_only_its_range_for_its_pupils(lake):
    week = payload(MONDAY, FRIDAY, dict.fromkeys((ANN, BEN, CAL), PRESENT_ALL_WEEK))
    assert push(week, lake, URN, today=TODAY)[0].landed
    # Tuesday and Wednesday again: ANN was ill on Tuesday and has no Wednesday afternoon mark any more;
    # CAL is sent with no marks at all, so both her days go; BEN is not sent.
    amendment = {
        "from": TUE.isoformat(),
        "to": WED.isoformat(),
        "pupils": [pupil(CAL)],
        "marks": marks(ANN, "II/", start=TUE),
    }

    outcome, _ = push(amendment, lake, URN, today=TODAY)

    assert outcome.landed
    counts = outcome.counts
    assert (counts.marks_added, counts.marks_changed, counts.marks_removed) == (0, 2, 1 + 4)
    assert (counts.pupils_added, counts.pupils_updated, counts.pupils_unchanged) == (0, 0, 1)
    before = {
        (mark["upn"], dt.date.fromisoformat(mark["date"]), mark["session"], mark["code"])
        for mark in week["marks"]
    }
    gone = {mark for mark in before if mark[0] in (ANN, CAL) and mark[1] in (TUE, WED)}
    assert marks_held(lake) == before - gone | {
        (ANN, TUE, "AM", "I"),
        (ANN, TUE, "PM", "I"),
        (ANN, WED, "AM", "/"),
    }
