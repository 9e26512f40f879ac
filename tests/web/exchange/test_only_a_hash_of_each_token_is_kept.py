"""A copy of the database gives nobody a working token: only the SHA-256 of each token is kept, and a
short prefix to tell them apart; the admin shows tokens but neither the hash nor a way to change them."""

from __future__ import annotations

import hashlib

from django.db import connection

from rollbook.web.exchange.models import ExchangeToken


def test_the_database_holds_the_hash_not_the_token(world, alder_token):
    token = ExchangeToken.objects.get()
    assert token.digest == hashlib.sha256(alder_token.encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM exchange_exchangetoken")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert alder_token not in stored
    assert alder_token[:12] in stored  # the prefix
    unkept_bits = (len(alder_token) - len(token.prefix)) * 6  # URL-safe base 64: six bits a character
    assert unkept_bits >= 128  # far too many to guess


def test_the_admin_lists_tokens_read_only(world, alder_token):
    operator = world.client_for(world.operator)
    token = ExchangeToken.objects.get()

    listed = operator.get("/admin/exchange/exchangetoken/").content.decode()
    shown = operator.get(f"/admin/exchange/exchangetoken/{token.pk}/change/").content.decode()

    assert token.prefix in listed
    assert token.digest not in shown
    assert operator.get("/admin/exchange/exchangetoken/add/").status_code == 403
    assert (
        operator.post(f"/admin/exchange/exchangetoken/{token.pk}/delete/", {"post": "yes"}).status_code == 403
    )
