"""The status endpoint tells a connector what Rollbook holds for its school, so it can tell whether its
syncs arrive: the latest academic year, its pupils, the date of the latest mark, and the last sync."""

from __future__ import annotations

from tests.support.sync_client import send, status
from tests.support.syncs import ANN, FRIDAY, MONDAY, payload


def test_status_before_and_after_a_sync(world, alder_token):
    # The web world holds a week for Alder's two pupils, Monday 09/09 to Friday 13/09/2024.
    assert status(world.alder.urn, alder_token).json() == {
        "school": 100001,
        "name": "Alder School",
        "academic_year": "2024/25",
        "pupils": 2,
        "latest_date": "2024-09-13",
        "last_sync": None,
    }

    send(world.alder.urn, payload(MONDAY, FRIDAY, {ANN: "/\\" * 5}), alder_token)
    after = status(world.alder.urn, alder_token).json()

    assert (after["pupils"], after["latest_date"]) == (3, "2025-01-10")
    assert after["last_sync"]["landed"] is True
    assert after["last_sync"]["summary"].startswith("School 100001 (Alder School): pupils 1 added")
