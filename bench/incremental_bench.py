"""Time an incremental publish after one school's new day against a full rebuild of the same lake, and check
the two snapshots are identical (every table, row for row once sorted).

The lake is `publish_bench_data`'s cached synthetic one (built when missing), the first N schools, marks to
`--as-of`. It is not changed: a scratch lake links to its files, except one school's marks, copied without
their last day; with `--every-school`, every school's (each built school's marks are written once without
their last day, and the scratch lake's links point there until the day arrives). With `--copies K` the
scratch lake holds each school K times, under new URNs (10,000,000 apart), so 200 built schools make 3,000
at `--copies 15`; with `--primaries P` it also holds each school P times as a primary-sized school
(`publish_bench_data.primary_sized`), so `--copies 17 --primaries 103` makes a national lake of 3,400
secondary and 20,600 primary-sized schools, about 3.3 billion marks. Such lakes are
written directly: the 200 built schools took 52 s on an idle machine (10 s to write their CTFs, 42 s to import
them), so 24,000 through the importer would take over an hour, and the synthetic schools are all secondaries
(the primary-sized ones are cut from them). That lake is published (a full rebuild, as a first publish is);
with `--cube SCHOOLS` the cube (`publish_bench.run_cube`, SCHOOLS at a time, since it does not fit in memory
whole beyond a few hundred) is timed on the same lake and checked identical, and with `--beside ENGINE` a full
publish on that engine. The school's last day is then written (or every school's: the links are pointed back
at the whole year's files), and the next publish is timed incrementally
and, unless `--no-rebuild`, as a full rebuild (`full=True`), each in the same process one after the other. CPU
seconds are the process's (user and system) over each publish (on Spark the JVM's are not among them: compare
wall times); the peak memory is the process's, printed as it stands after each step (the identity checks,
which sort both snapshots in memory, raise it).

    nice -n 10 uv run --all-extras --frozen python bench/incremental_bench.py [--schools 200]
        [--as-of 2024-12-20] [--copies 1] [--primaries 0] [--cube 200] [--no-rebuild] [--engine spark]
        [--beside duckdb] [--every-school]

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
from publish_bench import run_cube  # noqa: E402
from rollbook.analytics.comparators.publish import SchoolFacts, publish  # noqa: E402
from rollbook.analytics.comparators.snapshot import Snapshot, Suppression  # noqa: E402
from rollbook.config import ENGINES  # noqa: E402
from rollbook.lake import Lake, PartitionKey  # noqa: E402
from rollbook.rules.calendar import england_default  # noqa: E402
from snapshot_identity import identical  # noqa: E402

#: How far apart the URNs of one school's copies are, and where its primary-sized copies' URNs begin.
COPY_URNS = 10_000_000
PRIMARY_URNS = 5_000_000


def linked(
    lake: Lake, urns: list[int], root: Path, copies: int = 1, offset: int = 0, marks: Lake | None = None
) -> Lake:
    """A lake at `root` whose partition files are links to `lake`'s (its marks to `marks`'s, if given),
    each school `copies` times (the k-th copy's URN `offset + k * COPY_URNS` above the school's): a write
    replaces a link, never the file it points to, and linking again points the links elsewhere."""
    for urn in urns:
        for table in ("pupils", "marks"):
            source = marks if table == "marks" and marks is not None else lake
            for path in source.files(table, [data.YEAR], [urn]):
                for copy in range(copies):
                    folder = f"school={urn + offset + copy * COPY_URNS}"
                    target = root / table / path.parent.parent.name / folder / path.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.unlink(missing_ok=True)
                    target.symlink_to(path)
    return Lake(root)


def without_last_day(lake: Lake, urns: list[int], root: Path) -> tuple[Lake, object]:
    """A lake at `root` of `urns`' marks in `lake` but their last day (the lake's latest), and that day."""
    last = lake.latest("marks", "date", [data.YEAR], urns)
    cut = Lake(root)
    for urn in urns:
        key = PartitionKey("marks", data.YEAR, urn)
        cut.replace({key: lake.read(key).filter(pc.field("date") < last)})
    return cut, last


def timed(run) -> tuple[Path, float, float]:
    """What `run()` returns, its wall seconds and CPU seconds."""
    before, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    result = run()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return result, time.perf_counter() - started, cpu


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=data.AS_OF)
    parser.add_argument("--copies", type=int, default=1, help="each school this many times, under new URNs")
    parser.add_argument(
        "--primaries", type=int, default=0, help="and this many times as a primary-sized school"
    )
    parser.add_argument("--cube", type=int, metavar="SCHOOLS", help="also time the cube, SCHOOLS at a time")
    parser.add_argument(
        "--no-rebuild", action="store_true", help="no full rebuild nor identity check after the new day"
    )
    parser.add_argument("--engine", choices=ENGINES, help="what publishing runs on (default: configured)")
    parser.add_argument("--beside", choices=ENGINES, help="also publish the lake on this engine, and compare")
    parser.add_argument("--every-school", action="store_true", help="the new day at every school, not one")
    arguments = parser.parse_args()
    data.AS_OF = arguments.as_of
    cached, rows = data.cached_lake(arguments.schools)
    rows = rows[: arguments.schools]
    urns = [int(s["urn"]) for s in rows]
    sizes = {0: arguments.copies, PRIMARY_URNS: arguments.primaries}
    facts = [
        SchoolFacts(int(s["urn"]) + offset + copy * COPY_URNS, int(s["la"]), s["la_name"], s["region"],
                    england_default(data.YEAR))
        for offset, copies in sizes.items()
        for copy in range(copies)
        for s in rows
    ]  # fmt: skip
    changed = facts[len(facts) // 2].urn
    with tempfile.TemporaryDirectory(dir=data.CACHE) as scratch:
        scratch = Path(scratch)
        cut = None
        if arguments.every_school:
            cut, last = without_last_day(cached, urns, scratch / "cut")
            print(f"every school's marks written without {last}", flush=True)
        lake = linked(cached, urns, scratch / "lake", arguments.copies, marks=cut)
        if arguments.primaries:
            primaries = data.primary_sized(cached, rows)
            cut_primaries = without_last_day(primaries, urns, scratch / "cut-primaries")[0] if cut else None
            linked(primaries, urns, scratch / "lake", arguments.primaries, PRIMARY_URNS, cut_primaries)
        key = PartitionKey("marks", data.YEAR, changed)
        marks = lake.read(key)
        if not arguments.every_school:
            last = pc.max(marks["date"]).as_py()
            lake.replace({key: marks.filter(pc.field("date") < last)})
        as_of = lake.latest("marks", "date", [data.YEAR])
        marks_held = sum(pq.read_metadata(path).num_rows for path in lake.files("marks", [data.YEAR]))
        pupils_held = sum(pq.read_metadata(path).num_rows for path in lake.files("pupils", [data.YEAR]))
        print(f"{len(facts):,} schools, {pupils_held:,} pupils, {marks_held:,} marks to {as_of}", flush=True)

        def published(
            out: str, now: dt.datetime, engine: str | None = arguments.engine, to: dt.date = as_of, **options
        ) -> Path:
            return publish(lake, scratch / out, facts, data.YEAR, to, now=now, suppression=Suppression(),
                           engine=engine, **options)  # fmt: skip

        load = os.getloadavg()[0]
        first, first_s, first_cpu = timed(
            lambda: published("snapshots", dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
        )
        print(
            f"first publish (full): {first_s:.1f} s wall, {first_cpu:.1f} CPU s, load {load:.1f}; "
            f"peak memory so far {peak_mb():,.0f} MB",
            flush=True,
        )
        if arguments.beside:
            load = os.getloadavg()[0]
            beside, beside_s, beside_cpu = timed(
                lambda: published("beside", dt.datetime(2030, 1, 1, tzinfo=dt.UTC), arguments.beside)
            )
            print(
                f"the same publish on {arguments.beside}: {beside_s:.1f} s wall, {beside_cpu:.1f} CPU s, "
                f"load {load:.1f}; wall {first_s / beside_s:.2f} of it; snapshot {identical(first, beside)}",
                flush=True,
            )
        if arguments.cube:
            (scratch / "cube").mkdir()
            load = os.getloadavg()[0]
            every = [{"urn": school.urn} for school in facts]
            cube, cube_s, cube_cpu = timed(lambda: run_cube(lake, every, scratch / "cube", arguments.cube))
            print(
                f"the cube, {cube['note']}: {cube_s:.1f} s wall, {cube_cpu:.1f} CPU s, load {load:.1f}; "
                f"publish / cube: wall {first_s / cube_s:.2f}, CPU {first_cpu / cube_cpu:.2f}; "
                f"peak memory so far {peak_mb():,.0f} MB",
                flush=True,
            )
        if arguments.every_school:  # every school's last day arrives
            linked(cached, urns, scratch / "lake", arguments.copies)
            if arguments.primaries:
                linked(primaries, urns, scratch / "lake", arguments.primaries, PRIMARY_URNS)
            changed = f"every school ({len(facts):,})"
        else:
            lake.replace({key: marks})  # the school's last day arrives
        load = os.getloadavg()[0]
        incremental, incremental_s, incremental_cpu = timed(
            lambda: published("snapshots", dt.datetime(2030, 1, 2, tzinfo=dt.UTC), to=last)
        )
        manifest = Snapshot.read(incremental).manifest
        print(
            f"incremental, {changed}'s day {last}: {incremental_s:.1f} s wall, {incremental_cpu:.1f} CPU s, "
            f"load {load:.1f}; {manifest.how_measured()}; "
            f"peak memory of the process {peak_mb():,.0f} MB",
            flush=True,
        )
        if arguments.cube:
            verdict = identical(first, scratch / "cube", ("cells", "reasons"))
            print(f"cube against the first publish: {verdict}", flush=True)
        if arguments.no_rebuild:
            return
        load = os.getloadavg()[0]
        full, full_s, full_cpu = timed(
            lambda: published("rebuilt", dt.datetime(2030, 1, 2, tzinfo=dt.UTC), to=last, full=True)
        )
        print(f"full rebuild: {full_s:.1f} s wall, {full_cpu:.1f} CPU s, load {load:.1f}", flush=True)
        print(f"incremental against the full rebuild: {identical(incremental, full)}")
        print(f"incremental / full: wall {incremental_s / full_s:.2f}, CPU {incremental_cpu / full_cpu:.2f}")
        print(f"peak memory of the process (the identity checks included): {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
