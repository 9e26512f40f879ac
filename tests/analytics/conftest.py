"""The Spark engine for the tests that compare engines, started once per test session."""

from __future__ import annotations

import os

import pytest

from rollbook.analytics import engine

REQUIRE_SPARK_VARIABLE = "ROLLBOOK_REQUIRE_SPARK"


@pytest.fixture(scope="session")
def spark() -> str:
    """The engine name to pass as `engine=`, once the process's Spark backend is up. Skips when the optional
    `spark` extra is not installed, unless `ROLLBOOK_REQUIRE_SPARK=1` (CI), where a missing Spark fails."""
    if os.environ.get(REQUIRE_SPARK_VARIABLE) != "1":
        pytest.importorskip(
            "pyspark", reason=f"the spark extra is not installed ({REQUIRE_SPARK_VARIABLE}=1 requires it)"
        )
    engine.backend("spark")
    return "spark"
