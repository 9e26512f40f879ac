"""Shared fixtures. Every test gets its own data directory, so no test sees another's lake."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("ROLLBOOK_DATA_DIR", str(path))
    return path


@pytest.fixture
def lake(data_dir) -> Lake:
    return Lake(data_dir / "lake")
