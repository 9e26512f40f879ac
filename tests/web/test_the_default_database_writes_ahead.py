"""The default SQLite database logs ahead, so a page's audit record neither blocks other processes' reads
nor costs a journal file per commit, and still syncs every commit."""

from __future__ import annotations

import subprocess
import sys

from tests.support.settings_probe import environment

PROBE = (
    "from rollbook.web.setup import ready; ready(); from django.db import connection; "
    "cursor = connection.cursor(); "
    "print(*(cursor.execute(f'PRAGMA {name}').fetchone()[0] for name in ('journal_mode', 'synchronous')))"
)


def test_the_sqlite_database_in_the_data_folder_uses_write_ahead_logging_and_full_sync(tmp_path):
    found = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment(tmp_path), capture_output=True, text=True, check=True
    )
    assert found.stdout.split() == ["wal", "2"]  # 2: FULL
