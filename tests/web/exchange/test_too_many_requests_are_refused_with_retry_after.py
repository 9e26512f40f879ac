"""Each token may make ROLLBOOK_EXCHANGE_RATE requests a period; the next is refused with 429 and a
Retry-After header saying how many seconds to wait. Another school's token is counted apart."""

from __future__ import annotations

from tests.support.sync_client import send, status
from tests.support.syncs import ANN, FRIDAY, MONDAY, assert_unchanged, held, payload


def test_the_fourth_request_in_a_minute_waits(world, alder_token, birch_token, settings):
    settings.ROLLBOOK_EXCHANGE_RATE = "3/m"
    assert [status(world.alder.urn, alder_token).status_code for _ in range(3)] == [200, 200, 200]
    before = held(world.lake)

    refused = send(world.alder.urn, payload(MONDAY, FRIDAY, {ANN: "/\\" * 5}), alder_token)

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "3/m" in refused.json()["detail"]
    assert_unchanged(before, held(world.lake))
    assert status(world.birch.urn, birch_token).status_code == 200
