"""Time an incremental publish after one school's new day against a full rebuild of the same lake, and check
the two snapshots are identical (every table, row for row once sorted).

The lake is `publish_bench_data`'s cached synthetic one (built when missing), the first N schools, marks to
`--as-of`. It is not changed: a scratch lake links to its files, except one school's marks, copied without
their last day. That lake is published (a full rebuild, as a first publish is), the school's last day is
then written, and the next publish is timed incrementally and as a full rebuild (`full=True`), each in the
same process one after the other. CPU seconds are the process's (user and system) over each publish.

    nice -n 10 uv run --all-extras --frozen python bench/incremental_bench.py [--schools 200]
        [--as-of 2024-12-20]

A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))

import publish_bench_data as data  # noqa: E402
from rollbook.analytics.comparators.publish import SchoolFacts, publish  # noqa: E402
from rollbook.analytics.comparators.snapshot import Snapshot, Suppression  # noqa: E402
from rollbook.lake import Lake, PartitionKey  # noqa: E402
from rollbook.rules.calendar import england_default  # noqa: E402
from snapshot_identity import identical  # noqa: E402


def linked(lake: Lake, urns: list[int], root: Path) -> Lake:
    """A lake at `root` whose partition files are links to `lake`'s: a write replaces a link, never the
    file it points to."""
    for urn in urns:
        for table in ("pupils", "marks"):
            for path in lake.files(table, [data.YEAR], [urn]):
                target = root / path.relative_to(lake.root)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(path)
    return Lake(root)


def timed(run) -> tuple[Path, float, float]:
    """What `run()` returns, its wall seconds and CPU seconds."""
    before, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    result = run()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return result, time.perf_counter() - started, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=data.AS_OF)
    arguments = parser.parse_args()
    data.AS_OF = arguments.as_of
    cached, rows = data.cached_lake(arguments.schools)
    rows = rows[: arguments.schools]
    facts = [
        SchoolFacts(int(s["urn"]), int(s["la"]), s["la_name"], s["region"], england_default(data.YEAR))
        for s in rows
    ]
    changed = facts[len(facts) // 2].urn
    with tempfile.TemporaryDirectory(dir=data.CACHE) as scratch:
        scratch = Path(scratch)
        lake = linked(cached, [school.urn for school in facts], scratch / "lake")
        key = PartitionKey("marks", data.YEAR, changed)
        marks = lake.read(key)
        last = pc.max(marks["date"]).as_py()
        lake.replace({key: marks.filter(pc.field("date") < last)})
        as_of = lake.latest("marks", "date", [data.YEAR])

        def published(out: str, now: dt.datetime, **options) -> Path:
            return publish(lake, scratch / out, facts, data.YEAR, as_of, now=now, suppression=Suppression(),
                           **options)  # fmt: skip

        load = os.getloadavg()[0]
        _, first_s, first_cpu = timed(lambda: published("snapshots", dt.datetime(2030, 1, 1, tzinfo=dt.UTC)))
        print(
            f"first publish (full): {first_s:.1f} s wall, {first_cpu:.1f} CPU s, load {load:.1f}", flush=True
        )
        lake.replace({key: marks})  # the school's last day arrives
        load = os.getloadavg()[0]
        incremental, incremental_s, incremental_cpu = timed(
            lambda: published("snapshots", dt.datetime(2030, 1, 2, tzinfo=dt.UTC))
        )
        manifest = Snapshot.read(incremental).manifest
        print(
            f"incremental, {changed}'s day {last}: {incremental_s:.1f} s wall, {incremental_cpu:.1f} CPU s, "
            f"load {load:.1f}; schools re-read {manifest.schools_read} of {manifest.schools}",
            flush=True,
        )
        load = os.getloadavg()[0]
        full, full_s, full_cpu = timed(
            lambda: published("rebuilt", dt.datetime(2030, 1, 2, tzinfo=dt.UTC), full=True)
        )
        print(f"full rebuild: {full_s:.1f} s wall, {full_cpu:.1f} CPU s, load {load:.1f}", flush=True)
        marks_held = sum(pq.read_metadata(path).num_rows for path in lake.files("marks", [data.YEAR]))
        print(
            f"{len(facts)} schools, {marks_held:,} marks to {as_of}; snapshot {identical(incremental, full)}"
        )
        print(f"incremental / full: wall {incremental_s / full_s:.2f}, CPU {incremental_cpu / full_cpu:.2f}")


if __name__ == "__main__":
    main()
