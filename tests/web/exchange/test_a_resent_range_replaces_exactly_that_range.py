"""Over the API as in the lake: the DfE amendment re-send of a day replaces exactly that day for the
pupils sent, the answer counts what changed, and sending it again answers that nothing changed."""

from __future__ import annotations

import datetime as dt

from tests.support.sync_client import send
from tests.support.syncs import ANN, BEN, FRIDAY, MONDAY, marks, marks_held, payload

WED = MONDAY + dt.timedelta(days=2)


def test_an_amended_day_and_its_repeat(world, alder_token):
    week = payload(MONDAY, FRIDAY, {ANN: "/\\" * 5, BEN: "/\\" * 5})
    assert send(world.alder.urn, week, alder_token).json()["counts"]["marks_added"] == 20
    before = marks_held(world.lake)
    # Wednesday re-sent: ANN was at a medical appointment in the morning; BEN's afternoon was never taken.
    wednesday = {
        "from": WED.isoformat(),
        "to": WED.isoformat(),
        "marks": marks(ANN, "M\\", WED) + marks(BEN, "/", WED),
    }

    amended = send(world.alder.urn, wednesday, alder_token).json()
    again = send(world.alder.urn, wednesday, alder_token).json()

    assert (amended["landed"], amended["no_change"], amended["from"], amended["to"]) == (
        True, False, "2025-01-08", "2025-01-08",
    )  # fmt: skip
    counts = amended["counts"]
    assert (counts["marks_added"], counts["marks_changed"], counts["marks_removed"]) == (0, 1, 1)
    assert marks_held(world.lake) == before - {(ANN, WED, "AM", "/"), (BEN, WED, "PM", "\\")} | {
        (ANN, WED, "AM", "M")
    }
    assert again["no_change"] is True and again["counts"]["marks_changed"] == 0
