"""The base world with the hand-worked KS4 nation (tests/support/ks4.py) in its lake, published."""

from __future__ import annotations

import pytest

from rollbook import config
from rollbook.analytics.results import national
from tests.support.ks4 import write_ks4_nation


@pytest.fixture
def ks4_world(world):
    write_ks4_nation(world.lake)
    national.publish(world.lake, config.ks4_national_root())
    return world
