"""England's real 2019 public data (`public_2019`, tests/conftest.py), given to each test as its own data
folder's public store, beside the web test world's users."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def public_data(public_2019, data_dir) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "public").symlink_to(public_2019)
    return data_dir / "public"
