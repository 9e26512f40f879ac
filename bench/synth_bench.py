"""Time whole `rollbook synth` runs (100 and 1,000 schools, full 2023/24 year, two worker processes) and set
one worker beside two on the same 100 schools.

Run with `uv run python bench/synth_bench.py [SCHOOLS ...]`. A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rollbook.synth import write_schools

YEAR, SEED = 2023, 1
RUNS = (100, 1_000)
SIDE_BY_SIDE = 100


def size_on_disk(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def cli_run(schools: int) -> None:
    """One `rollbook synth` run as a user starts it (workers=2, the default), with its files' size."""
    with tempfile.TemporaryDirectory() as tmp:
        command = ["rollbook", "synth", "--schools", str(schools), "--seed", str(SEED),
                   "--academic-year", str(YEAR), "--out", tmp]  # fmt: skip
        start = time.perf_counter()
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        size = size_on_disk(Path(tmp))
    print(f"rollbook synth --schools {schools:>5}: {seconds:7.1f} s  {size / 1e6:8.1f} MB  "
          f"{schools / seconds:5.1f} schools/s")  # fmt: skip


def in_process(schools: int, workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        write_schools(Path(tmp), schools, SEED, YEAR, workers=workers)
        return time.perf_counter() - start


def main(runs: tuple[int, ...]) -> None:
    for schools in runs:
        cli_run(schools)
    one, two = in_process(SIDE_BY_SIDE, 1), in_process(SIDE_BY_SIDE, 2)
    print(f"{SIDE_BY_SIDE} schools in process: workers=1 {one:.1f} s, workers=2 {two:.1f} s, "
          f"speed-up {one / two:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or RUNS)
