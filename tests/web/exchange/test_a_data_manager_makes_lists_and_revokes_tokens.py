"""A school's data manager makes an API token on the school's API tokens page, sees it once, finds it
listed by its prefix with who made it and when it was last used, and revokes it; both are audited."""

from __future__ import annotations

from rollbook.web.audit.models import AccessRecord, Kind
from rollbook.web.exchange.models import TOKEN_START, ExchangeToken
from tests.support.sync_client import status

TOKENS = "/schools/100001/exchange/tokens/"


def test_a_token_is_made_shown_once_listed_and_revoked(world):
    dora = world.client_for(world.dora)

    made = dora.post(TOKENS, {"name": "SIMS connector"})

    assert made.status_code == 200
    (token,) = ExchangeToken.objects.filter(school=world.alder)
    secret = made.context["secret"]
    assert secret.startswith(TOKEN_START) and len(secret) > 40
    assert secret in made.content.decode()
    assert "no-store" in made["Cache-Control"]
    assert (token.name, token.created_by, token.prefix) == ("SIMS connector", world.dora, secret[:12])

    assert status(world.alder.urn, secret).status_code == 200  # the connector uses it
    listed = dora.get(TOKENS).content.decode()
    assert secret not in listed
    assert token.prefix in listed and "SIMS connector" in listed and "dora" in listed
    token.refresh_from_db()
    assert token.last_used is not None and token.revoked is None

    revoked = dora.post(f"{TOKENS}{token.pk}/revoke/", follow=True)

    assert revoked.status_code == 200 and "is revoked" in revoked.content.decode()
    token.refresh_from_db()
    assert token.revoked is not None and token.revoked_by == world.dora
    audited = AccessRecord.objects.filter(school=world.alder, kind=Kind.PERMISSION, what__contains="API")
    assert [record.what for record in audited.order_by("at")] == [
        f"API token {token.prefix}… (SIMS connector) made: it may send pupils and marks",
        f"API token {token.prefix}… (SIMS connector) revoked",
    ]
    assert all(record.user == world.dora for record in audited)


def test_a_token_needs_a_name(world):
    response = world.client_for(world.dora).post(TOKENS, {"name": " "})

    assert response.status_code == 400
    assert not ExchangeToken.objects.exists()
