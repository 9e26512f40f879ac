"""England's real 2019 public data (performance tables and Schools Like Yours), imported once a session
and given to each test as its own data folder's public store, beside the web test world's users."""

from __future__ import annotations

from pathlib import Path

import pytest

from rollbook.ingest.public import import_public
from rollbook.lake.public import PublicStore

YEAR = 2019


@pytest.fixture(scope="session")
def public_2019(shared_data, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("public")
    files = [*sorted((shared_data / "performance-tables-2019").glob("*.csv")),
             shared_data / "schools-like-yours-ks4-2019" / "ks4_sly.json"]  # fmt: skip
    assert import_public(files, PublicStore(root), YEAR).landed
    return root


@pytest.fixture
def public_data(public_2019, data_dir) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "public").symlink_to(public_2019)
    return data_dir / "public"
