"""Settings read from the environment, shared by the CLI, the lake, analytics and Django."""

from __future__ import annotations

import os
from pathlib import Path

ENGINES = ("duckdb", "spark")


def data_dir() -> Path:
    """Where the lake and the default SQLite database live (`ROLLBOOK_DATA_DIR`, default `./var`)."""
    return Path(os.environ.get("ROLLBOOK_DATA_DIR", "var")).resolve()


def lake_root() -> Path:
    return data_dir() / "lake"


def public_root() -> Path:
    """Where public school data (performance tables, Schools Like Yours) is kept, apart from the lake."""
    return data_dir() / "public"


def engine() -> str:
    name = os.environ.get("ROLLBOOK_ENGINE", "duckdb").lower()
    if name not in ENGINES:
        raise ValueError(f"ROLLBOOK_ENGINE must be one of {', '.join(ENGINES)}, not {name!r}")
    return name
