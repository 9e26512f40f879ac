"""Sync API tests use the web world (tests/web/conftest.py) with an API token for each school, made by a
data manager (tests/support/sync_client.py sends as a connector does).

Rate limits are counted in Django's cache, which outlives a test; each test starts with none used, and with
a limit high enough not to matter unless it sets its own."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from rollbook.web.exchange.models import ExchangeToken


@pytest.fixture(autouse=True)
def no_requests_counted(settings):
    settings.ROLLBOOK_EXCHANGE_RATE = "10000/m"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alder_token(world) -> str:
    return ExchangeToken.make(world.alder, "Alder's connector", world.dora)[1]


@pytest.fixture
def birch_token(world) -> str:
    return ExchangeToken.make(world.birch, "Birch's connector", world.bob)[1]
