"""A request larger than ROLLBOOK_EXCHANGE_MAX_BYTES is refused with 413 and a message saying what to do,
before it is read or recorded; a gzip-compressed one is taken if it expands to no more than twenty times
the limit, and refused with 413 if it would expand further (a compression bomb)."""

from __future__ import annotations

import gzip
import json

from rollbook.web.imports.models import ImportRecord
from tests.support.sync_client import send
from tests.support.syncs import ANN, BEN, CAL, FRIDAY, MONDAY, assert_unchanged, held, payload

LIMIT = 3000
WEEK = payload(MONDAY, FRIDAY, dict.fromkeys((ANN, BEN, CAL), "/\\" * 5))


def test_a_body_over_the_limit_is_refused(world, alder_token, settings):
    settings.ROLLBOOK_EXCHANGE_MAX_BYTES = LIMIT
    body = json.dumps(WEEK).encode()
    assert len(body) > LIMIT
    before = held(world.lake)

    response = send(world.alder.urn, body, alder_token)

    assert response.status_code == 413
    assert "3,000 bytes" in response.json()["detail"] and "gzip" in response.json()["detail"]
    assert_unchanged(before, held(world.lake))
    assert not ImportRecord.objects.exists()


def test_a_compressed_body_is_taken_within_the_limit(world, alder_token, settings):
    settings.ROLLBOOK_EXCHANGE_MAX_BYTES = LIMIT
    body = gzip.compress(json.dumps(WEEK).encode())
    assert len(body) < LIMIT

    response = send(world.alder.urn, body, alder_token, **{"Content-Encoding": "gzip"})

    assert response.status_code == 200 and response.json()["counts"]["marks_added"] == 30


def test_a_body_expanding_past_twenty_times_the_limit_is_refused(world, alder_token, settings):
    settings.ROLLBOOK_EXCHANGE_MAX_BYTES = LIMIT
    bomb = gzip.compress(b" " * (20 * LIMIT + 1) + json.dumps(WEEK).encode())
    assert len(bomb) < LIMIT

    response = send(world.alder.urn, bomb, alder_token, **{"Content-Encoding": "gzip"})

    assert response.status_code == 413 and "20 times" in response.json()["detail"]
    assert not ImportRecord.objects.exists()


def test_a_body_that_is_not_gzip_as_it_claims_is_refused(world, alder_token):
    response = send(world.alder.urn, WEEK, alder_token, **{"Content-Encoding": "gzip"})

    assert response.status_code == 400 and "not gzip-compressed" in response.json()["detail"]
