"""Shared fixtures. Every test gets its own data directory, so no test sees another's lake.

A test that takes seconds is marked `slow`, so that `pytest -m "not slow"` is a quick suite for a developer
(CI runs everything): by its own `pytest.mark.slow`, or by using one of `SLOW_FIXTURES`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rollbook.lake import Lake

#: Fixtures that cost seconds to build or start: national synthetic sets, England's real public data (every
#: test of `shared_data` loads its national files), a Spark session, a browser. Every test that uses one,
#: however indirectly, is marked slow.
SLOW_FIXTURES = frozenset({"national_year", "national_results", "shared_data", "spark", "browser"})


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark slow every test that uses a slow fixture, before `-m` chooses which tests run."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("ROLLBOOK_DATA_DIR", str(path))
    return path


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A deliberately slow password hash costs seconds per user; tests need none of its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


def _shared_data() -> Path | None:
    """The project's shared folder of real public data (`shared/data`), found beside the checkout or any
    folder above it, or named by `ROLLBOOK_SHARED_DATA`; None where this machine has none."""
    import os

    if named := os.environ.get("ROLLBOOK_SHARED_DATA"):
        return Path(named)
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Real public data (DfE performance tables, Schools Like Yours) for tests that check against it.

    Skipped where the folder is absent, unless `ROLLBOOK_REQUIRE_SHARED_DATA=1` (as in CI) makes that a
    failure: a check against real data must not quietly stop running."""
    import os

    found = _shared_data()
    if found is None or not found.is_dir():
        if os.environ.get("ROLLBOOK_REQUIRE_SHARED_DATA") == "1":
            pytest.fail("the shared data folder (shared/data) was not found; set ROLLBOOK_SHARED_DATA")
        pytest.skip("the shared data folder (shared/data) is not on this machine")
    return found


@pytest.fixture(scope="session")
def public_2019(shared_data, tmp_path_factory) -> Path:
    """England's real 2019 public data (performance tables and Schools Like Yours), imported once."""
    from rollbook.ingest.public import import_public
    from rollbook.lake.public import PublicStore

    root = tmp_path_factory.mktemp("public")
    files = [*sorted((shared_data / "performance-tables-2019").glob("*.csv")),
             shared_data / "schools-like-yours-ks4-2019" / "ks4_sly.json"]  # fmt: skip
    assert import_public(files, PublicStore(root), 2019).landed
    return root
