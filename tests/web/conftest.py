"""The web tests' world: the base test world (tests/support/worlds.py) with a week of registers."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake
from tests.support.worlds import World, build_world


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A deliberately slow password hash costs seconds per user; tests need none of its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, data_dir) -> World:
    return build_world(Lake(data_dir / "lake"))
