"""`rollbook manage` runs Django's commands, and the first command creates the database: no init step."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

#: Slow: it migrates a new database in a fresh process.
pytestmark = pytest.mark.slow


def test_the_first_command_creates_and_migrates_the_database(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["ROLLBOOK_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "rollbook", "manage", "showmigrations", "imports"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "[X] 0001_initial" in result.stdout
    assert (tmp_path / "rollbook.sqlite3").exists()
    assert (tmp_path / "lake").is_dir()
