"""Only a member who manages a school's data may see, make or revoke its API tokens: to everyone else,
including the operator and members of the school without that permission, the pages do not exist."""

from __future__ import annotations

import pytest

from rollbook.web.exchange.models import ExchangeToken

TOKENS = "/schools/100001/exchange/tokens/"


@pytest.mark.parametrize("who", ["alice", "pam", "bob", "trudy", "lara", "carol", "operator"])
def test_others_can_neither_see_make_nor_revoke(world, alder_token, who):
    client = world.client_for(getattr(world, who))
    token = ExchangeToken.objects.get()

    assert client.get(TOKENS).status_code == 404
    assert client.post(TOKENS, {"name": "mine now"}).status_code == 404
    assert client.post(f"{TOKENS}{token.pk}/revoke/").status_code == 404
    assert ExchangeToken.objects.count() == 1 and ExchangeToken.objects.active().count() == 1


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(TOKENS)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_report_pages_link_the_tokens_for_data_managers_only(world):
    link = f'href="{TOKENS}"'
    assert link in world.client_for(world.dora).get("/schools/100001/attendance/").content.decode()
    assert link not in world.client_for(world.alice).get("/schools/100001/attendance/").content.decode()
