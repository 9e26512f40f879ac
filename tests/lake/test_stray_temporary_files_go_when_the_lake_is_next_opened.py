"""A writer killed before it commits can leave temporary files, even at a school's very first write, where
no later writer of that school may ever come to tidy them. The next process to open the lake removes them,
every school's, except those of a school whose writer is at work now."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa
import pytest
from filelock import FileLock

from rollbook.lake import MARKS, Lake, PartitionKey

#: Slow: each test opens the lake in a fresh Python process.
pytestmark = pytest.mark.slow

KEPT = PartitionKey("marks", 2024, 900001)
OPEN = "import sys; from rollbook.lake import Lake; Lake(sys.argv[1])"


def plant(lake: Lake, school: int) -> list:
    """What a writer of `school` killed before its commit leaves: a new partition file and its journal."""
    partition = lake.partition_dir(PartitionKey("marks", 2024, school))
    partition.mkdir(parents=True, exist_ok=True)
    (lake.root / "_journal").mkdir(exist_ok=True)
    left = [partition / f"data.parquet.{'0' * 32}.tmp", lake.root / "_journal" / f"school={school}.tmp"]
    for path in left:
        path.write_bytes(b"half a file")
    return left


def open_in_a_new_process(lake: Lake) -> None:
    subprocess.run([sys.executable, "-c", OPEN, str(lake.root)], check=True)


def test_a_new_process_opening_the_lake_removes_them(lake):
    lake.replace({KEPT: pa.Table.from_pylist([{"upn": "A", "session": "AM", "code": "/"}], schema=MARKS)})
    strays = plant(lake, 900001) + plant(lake, 900002)  # 900002: killed at its first write

    open_in_a_new_process(lake)

    assert not any(path.exists() for path in strays)
    assert lake.read(KEPT).num_rows == 1


def test_a_school_being_written_keeps_its_writers_files(lake):
    strays = plant(lake, 900003)
    (lake.root / "_locks").mkdir(exist_ok=True)

    with FileLock(lake.root / "_locks" / "school=900003.lock"):
        open_in_a_new_process(lake)

    assert all(path.exists() for path in strays)
