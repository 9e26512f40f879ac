"""A write that dies part-way leaves the previous data intact, and the next writer tidies up."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time

import pyarrow as pa
import pytest

from rollbook.lake import Lake, PartitionKey
from rollbook.lake import store as store_module

SCHOOL = 900001
PUPILS = PartitionKey("pupils", 2024, SCHOOL)
MARKS = PartitionKey("marks", 2024, SCHOOL)


def marks_of(code: str, rows: int) -> pa.Table:
    days = [dt.date(2024, 9, 2) + dt.timedelta(days=i % 300) for i in range(rows)]
    return pa.table(
        {
            "upn": [f"U{i // 600:012d}" for i in range(rows)],
            "date": days,
            "session": ["AM" if i % 2 else "PM" for i in range(rows)],
            "code": [code] * rows,
        }
    )


def codes_in(lake: Lake) -> set[str]:
    return set(lake.read(MARKS).column("code").to_pylist())


WRITER = """
import sys, datetime as dt, pyarrow as pa
from rollbook.lake import Lake, PartitionKey
lake = Lake(sys.argv[1])
rows = int(sys.argv[2])
table = pa.table({
    "upn": [f"U{i // 600:012d}" for i in range(rows)],
    "date": [dt.date(2024, 9, 2) + dt.timedelta(days=i % 300) for i in range(rows)],
    "session": ["AM" if i % 2 else "PM" for i in range(rows)],
    "code": ["I"] * rows,
})
print("ready", flush=True)
while True:
    lake.replace({PartitionKey("marks", 2024, 900001): table})
    table = table.set_column(3, "code", pa.array(["O" if table["code"][0].as_py() == "I" else "I"] * rows))
"""


@pytest.mark.slow  # six writers of 200,000 marks, each killed part way
def test_killing_a_writer_never_leaves_a_half_written_partition(lake: Lake):
    lake.replace({MARKS: marks_of("/", 200_000)})
    rng = random.Random(7)
    for _ in range(6):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(lake.root), "200000"], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.4))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        # Whatever moment the writer died at, the partition is one whole version: all "/", all "I" or all "O".
        codes = codes_in(lake)
        assert codes in ({"/"}, {"I"}, {"O"})
        assert lake.read(MARKS).num_rows == 200_000
    lake.replace({MARKS: marks_of("L", 10)})
    assert not list(lake.root.rglob("*.tmp"))
    assert codes_in(lake) == {"L"}


def test_a_crash_before_the_journal_commits_changes_nothing(lake: Lake, monkeypatch):
    lake.replace({MARKS: marks_of("/", 4)})
    real_replace = os.replace

    def power_cut_at_commit(source, target):
        if str(target).endswith(".json"):
            raise SystemExit("power cut")
        real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", power_cut_at_commit)
    with pytest.raises(SystemExit):
        lake.replace({MARKS: marks_of("I", 4)})
    monkeypatch.undo()
    assert list(lake.root.rglob("*.tmp"))  # the new file was written but never committed
    assert codes_in(lake) == {"/"}
    lake.replace({MARKS: marks_of("/", 4)})  # the next writer of the school cleans up
    assert not list(lake.root.rglob("*.tmp"))


def test_a_crash_after_the_journal_commits_is_rolled_forward(lake: Lake, monkeypatch):
    lake.replace({MARKS: marks_of("/", 4)})
    real_roll_forward = Lake._roll_forward
    monkeypatch.setattr(Lake, "_roll_forward", lambda self, school: None)
    lake.replace({MARKS: marks_of("I", 4), PartitionKey("marks", 2023, SCHOOL): marks_of("O", 4)})
    monkeypatch.setattr(Lake, "_roll_forward", real_roll_forward)
    # The process "died" with the journal committed but no rename applied; a fresh reader finishes the job.
    fresh = Lake(lake.root)
    assert codes_in(fresh) == {"I"}
    assert set(fresh.read(PartitionKey("marks", 2023, SCHOOL)).column("code").to_pylist()) == {"O"}
    assert not (lake.root / "_journal" / f"school={SCHOOL}.json").exists()
