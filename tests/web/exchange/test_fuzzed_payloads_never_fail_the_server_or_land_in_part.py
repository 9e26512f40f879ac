"""Over HTTP as in the lake: whatever body a connector sends (a good sync, a damaged one, any JSON, or bytes
that are no JSON at all), the answer is never a server error; a refusal (400) leaves the lake exactly as it
was and lists its problems, and a landing leaves exactly the marks the payload says."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rollbook.ingest.exchange import push
from tests.support.sync_client import send
from tests.support.sync_fuzz import HELD, PAYLOADS, assert_landed_exactly
from tests.support.syncs import FRIDAY, MONDAY, TODAY, URN, assert_unchanged, held, marks_held, payload

#: Slow: hypothesis sends fifty generated bodies, each after a week is synced afresh.
pytestmark = pytest.mark.slow

BODIES = PAYLOADS.map(lambda data: json.dumps(data).encode()) | st.binary(max_size=64)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES)
def test_no_body_fails_the_server_or_lands_in_part(world, alder_token, body):
    push(payload(MONDAY, FRIDAY, dict.fromkeys(HELD, "/\\" * 5)), world.lake, URN, today=TODAY)
    before, before_marks = held(world.lake), marks_held(world.lake)

    response = send(URN, body, alder_token)

    event(str(response.status_code))
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert_landed_exactly(
            before_marks, marks_held(world.lake), json.loads(body), response.json()["counts"]
        )
    else:
        assert response.json()["problems"]
        assert_unchanged(before, held(world.lake))
