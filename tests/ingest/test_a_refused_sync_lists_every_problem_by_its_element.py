"""A sync with anything wrong changes nothing, and the refusal lists every problem, not the first few of
each kind as an import report does: a connector's developer fixes them all from one answer. Each is placed
by its element (`marks[3].code`), as the payload's own JSON path: first every field that cannot be read, in
the order of the payload's schema (fields it does not know after those it does), then what takes several
fields to check, then the importers' checks of the marks."""

import datetime as dt

from rollbook.ingest.exchange import push
from rollbook.ingest.problems import MAX_LISTED_PER_KIND
from tests.support.syncs import (
    ANN,
    BEN,
    FRIDAY,
    MONDAY,
    TODAY,
    URN,
    assert_unchanged,
    held,
    marks,
    payload,
    pupil,
    upn,
)

TUE = MONDAY + dt.timedelta(days=1)
NOT_A_CODE = "9"


def test_every_problem_is_listed_and_nothing_changes(lake):
    assert push(payload(MONDAY, FRIDAY, {ANN: "/\\" * 5}), lake, URN, today=TODAY)[0].landed
    before = held(lake)
    bad_codes = [{**mark, "code": NOT_A_CODE} for mark in marks(ANN, "/\\" * 13)[2:]]  # Tue 07 to Fri 17/01
    sync = {
        "from": TUE.isoformat(),
        "to": FRIDAY.isoformat(),
        "colour": "blue",
        "pupils": [pupil(BEN, dob="2012-02-30", sex="X"), pupil(BEN), "Pat"],
        "marks": [
            *bad_codes,  # marks[0] to marks[23]: each an unknown code; marks[8] on are after the range too
            {"upn": ANN, "date": TUE.isoformat(), "session": "EVE", "code": "/"},  # marks[24]
            {"upn": "A" + ANN[1:], "date": TUE.isoformat(), "session": "AM", "code": "/"},  # marks[25]
            {"upn": BEN, "date": TUE.isoformat(), "session": "PM", "code": "/", "note": ""},  # marks[26]
            {"upn": upn(99), "date": TUE.isoformat(), "session": "PM", "code": "/"},  # marks[27]
        ],
    }

    outcome, _ = push(sync, lake, URN, today=TODAY)

    assert not outcome.landed
    assert_unchanged(before, held(lake))
    refused = [(str(problem.kind), problem.where) for problem in outcome.report.refusals.listed]
    assert refused == [
        ("bad date", "pupils[0].dob"),
        ("bad value", "pupils[0].sex"),
        ("bad value", "pupils[2]"),
        ("bad value", "marks[24].session"),
        ("malformed UPN", "marks[25].upn"),
        ("bad value", "marks[26].note"),
        ("bad value", "colour"),
        ("bad value", "pupils[1]"),  # BEN sent twice
        *(("bad date", f"marks[{index}].date") for index in range(8, 24)),
        *(("unknown code", f"marks[{index}].code") for index in range(8)),
        ("pupil not on roll", "marks[27].upn"),
    ]
    assert len(refused) > MAX_LISTED_PER_KIND and not outcome.report.refusals.unlisted
