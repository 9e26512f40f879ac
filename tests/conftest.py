"""Shared fixtures. Every test gets its own data directory, so no test sees another's lake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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


@pytest.fixture(scope="session")
def school_files(tmp_path_factory) -> Path:
    """Two synthetic schools' MIS exports for the first fortnight of 2024/25: `rollbook synth` output."""
    from rollbook.synth import write_schools

    out = tmp_path_factory.mktemp("synth")
    write_schools(out, 2, seed=7, academic_year=2024, as_of=dt.date(2024, 9, 13))
    return out
