"""The web tests' world: the base test world (tests/support/worlds.py) with a week of registers."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake
from tests.support.worlds import World, build_world


@pytest.fixture
def world(db, data_dir) -> World:
    return build_world(Lake(data_dir / "lake"))
