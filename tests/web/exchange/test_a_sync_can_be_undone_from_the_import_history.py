"""A sync is an import like any other in the history: one that changed something can be undone, putting
back exactly what the school's data was before it."""

from __future__ import annotations

import datetime as dt

from rollbook.web.imports.models import ImportRecord
from rollbook.web.imports.service import undo
from tests.support.sync_client import send
from tests.support.syncs import ANN, BEN, FRIDAY, MONDAY, assert_unchanged, held, marks, payload

WED = MONDAY + dt.timedelta(days=2)


def test_undoing_the_amendment_puts_the_week_back(world, alder_token):
    assert (
        send(
            world.alder.urn, payload(MONDAY, FRIDAY, {ANN: "/\\" * 5, BEN: "/\\" * 5}), alder_token
        ).status_code
        == 200
    )
    week = held(world.lake)
    wednesday = {"from": WED.isoformat(), "to": WED.isoformat(), "marks": marks(ANN, "II", WED)}
    assert send(world.alder.urn, wednesday, alder_token).json()["counts"]["marks_changed"] == 2
    amendment = ImportRecord.objects.order_by("started").last()

    undo(amendment, user=world.dora)

    assert_unchanged(week, held(world.lake))
    amendment.refresh_from_db()
    assert amendment.outcome == ImportRecord.UNDONE
