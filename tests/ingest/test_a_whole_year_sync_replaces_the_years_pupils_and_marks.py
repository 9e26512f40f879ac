"""A full re-extract of a year ("scope": "year") replaces the school's whole academic year: pupils not sent
are gone with their marks, every mark not sent is gone, and other years are untouched."""

import datetime as dt

from rollbook.ingest.exchange import push
from rollbook.lake import PartitionKey
from tests.support.syncs import (
    ANN,
    BEN,
    CAL,
    MONDAY,
    TODAY,
    URN,
    held,
    marks,
    marks_held,
    payload,
    pupil,
    upn,
)

LAST_YEAR = dt.date(2024, 1, 8)  # a Monday in 2023/24
DEE = upn(4)


def test_the_year_is_replaced_and_other_years_kept(lake):
    for start in (LAST_YEAR, MONDAY):
        registers = dict.fromkeys((ANN, BEN, CAL), "/\\" * 5)
        week = payload(start, start + dt.timedelta(days=4), registers, begin=start)
        assert push(week, lake, URN, today=TODAY)[0].landed
    last_year = held(lake)[PartitionKey("marks", 2023, URN)]
    # The re-extract holds BEN, now with SEN support, and DEE, who joined; only Monday and Tuesday's marks.
    year = {
        "scope": "year",
        "academic_year": 2024,
        "pupils": [pupil(BEN, sen="K"), pupil(DEE)],
        "marks": marks(BEN, "/\\/\\") + marks(DEE, "/\\II"),
    }

    outcome, sync = push(year, lake, URN, today=TODAY)

    assert outcome.landed and sync.scope == "year"
    assert (sync.window.start, sync.window.end) == (dt.date(2024, 8, 1), dt.date(2025, 7, 31))
    c = outcome.counts
    assert (c.pupils_added, c.pupils_updated, c.pupils_unchanged, c.pupils_removed) == (1, 1, 0, 2)
    # ANN's and CAL's 10 marks each and BEN's Wednesday to Friday (6) go; DEE's 4 are new; BEN's Monday and
    # Tuesday stay.
    assert (c.marks_added, c.marks_changed, c.marks_removed) == (4, 0, 26)
    pupils = lake.read(PartitionKey("pupils", 2024, URN)).to_pydict()
    assert dict(zip(pupils["upn"], pupils["sen"], strict=True)) == {BEN: "K", DEE: "N"}
    tue = MONDAY + dt.timedelta(days=1)
    assert marks_held(lake) == {
        (BEN, MONDAY, "AM", "/"),
        (BEN, MONDAY, "PM", "\\"),
        (BEN, tue, "AM", "/"),
        (BEN, tue, "PM", "\\"),
        (DEE, MONDAY, "AM", "/"),
        (DEE, MONDAY, "PM", "\\"),
        (DEE, tue, "AM", "I"),
        (DEE, tue, "PM", "I"),
    }
    assert held(lake)[PartitionKey("marks", 2023, URN)].equals(last_year)
