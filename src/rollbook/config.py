"""Settings read from the environment, in one place, for the CLI, the lake, analytics and Django.

Every variable Rollbook reads is read here, through a typed reader that refuses a bad value with one line
naming the variable and what it must be (`ConfigurationError`), never a traceback from deep inside. Django's
own settings module reads its variables through the same readers. The README lists every variable.
"""

from __future__ import annotations

import os
from pathlib import Path

ENGINES = ("duckdb", "spark")
DEFAULT_SPARK_MASTER = "local[2]"


class ConfigurationError(ValueError):
    """A setting in the environment has a value Rollbook cannot use; the message says which and why."""


def text(name: str, default: str = "") -> str:
    """A setting as text, stripped; the default when unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or default


def flag(name: str, default: bool = False) -> bool:
    """A yes/no setting: 1, true, yes or on for yes; 0, false, no or off for no (any case)."""
    value = text(name).lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name} must be 1 or 0 (yes or no), not {os.environ[name]!r}")


def whole_number(name: str, default: int, minimum: int = 0) -> int:
    """A setting that is a whole number of at least `minimum`."""
    value = text(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, not {number}")
    return number


def choice(name: str, choices: tuple[str, ...], default: str) -> str:
    """A setting that is one of `choices` (any case)."""
    value = text(name, default).lower()
    if value not in choices:
        raise ConfigurationError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def data_dir() -> Path:
    """Where the lake, the snapshots and the default SQLite database live (`ROLLBOOK_DATA_DIR`)."""
    return Path(text("ROLLBOOK_DATA_DIR", "var")).resolve()


def lake_root() -> Path:
    return data_dir() / "lake"


def snapshots_root() -> Path:
    """Where published comparator snapshots are written, one folder each."""
    return data_dir() / "snapshots"


def ks4_national_root() -> Path:
    """Where the national KS4 figures (estimates, averages, pupil groups) are published, a file per year."""
    return data_dir() / "ks4-national"


def public_root() -> Path:
    """Where public school data (performance tables, Schools Like Yours) is kept, apart from the lake."""
    return data_dir() / "public"


def engine() -> str:
    """The query engine analytics runs on (`ROLLBOOK_ENGINE`): DuckDB in-process, or Apache Spark."""
    return choice("ROLLBOOK_ENGINE", ENGINES, "duckdb")


def spark_remote() -> str:
    """A Spark Connect address (`SPARK_REMOTE`); empty to start Spark in this process."""
    return text("SPARK_REMOTE")


def spark_master() -> str:
    """The master URL when Spark runs in this process (`ROLLBOOK_SPARK_MASTER`)."""
    return text("ROLLBOOK_SPARK_MASTER", DEFAULT_SPARK_MASTER)


def min_group_pupils() -> int:
    """Without pupil-level access, groups of fewer pupils show no figures (`ROLLBOOK_MIN_GROUP_PUPILS`)."""
    return whole_number("ROLLBOOK_MIN_GROUP_PUPILS", 5, minimum=1)


def min_comparator_schools() -> int:
    """A comparator built from fewer schools is suppressed (`ROLLBOOK_MIN_COMPARATOR_SCHOOLS`)."""
    return whole_number("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", 5, minimum=1)


def min_comparator_pupils() -> int:
    """A comparator built from fewer pupils is suppressed (`ROLLBOOK_MIN_COMPARATOR_PUPILS`)."""
    return whole_number("ROLLBOOK_MIN_COMPARATOR_PUPILS", 30, minimum=1)
