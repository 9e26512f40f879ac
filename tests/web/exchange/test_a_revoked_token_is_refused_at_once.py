"""A revoked token stops working at once, for sending and for reading, and a token never made never
worked: both get 401 and change nothing."""

from __future__ import annotations

from django.test import Client

from rollbook.web.exchange.models import ExchangeToken
from tests.support.sync_client import send, status, status_url
from tests.support.syncs import ANN, FRIDAY, MONDAY, assert_unchanged, held, payload


def test_revoked_unknown_and_missing_tokens_are_refused(world, alder_token):
    token = ExchangeToken.find(alder_token)
    assert status(world.alder.urn, alder_token).status_code == 200
    token.revoke(world.dora)
    before = held(world.lake)

    assert send(world.alder.urn, payload(MONDAY, FRIDAY, {ANN: "/\\" * 5}), alder_token).status_code == 401
    assert status(world.alder.urn, alder_token).status_code == 401
    assert status(world.alder.urn, alder_token[:-1] + "x").status_code == 401
    assert Client().get(status_url(world.alder.urn)).status_code == 401
    assert_unchanged(before, held(world.lake))


def test_a_signed_in_user_without_a_token_is_refused(world):
    """The sync API takes tokens only: a session, even a data manager's, is not enough."""
    assert world.client_for(world.dora).get(status_url(world.alder.urn)).status_code == 401
