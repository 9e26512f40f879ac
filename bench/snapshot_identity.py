"""Publish the same lake with two checkouts of Rollbook and check the snapshots are identical: every table
(cells, reasons, members, profiles), row for row once sorted, with the same columns and types.

For a change to publishing that must not change what is published: run this checkout beside another's
`src` (e.g. `git worktree add /tmp/main main`, then `--old-source /tmp/main/src`), each publish in a fresh
process with that folder first on PYTHONPATH. The lake is `publish_bench_data`'s cached synthetic one (built
when missing), the first N schools by URN, marks to `--as-of`.

    nice -n 10 uv run python bench/snapshot_identity.py --old-source /tmp/main/src [--schools 200]
        [--as-of 2025-07-18]

Prints each table's verdict and both runs' wall time; exits 1 when any table differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))

import publish_bench_data as data  # noqa: E402

TABLES = ("cells", "reasons", "members", "profiles")


def identical(ours: Path, theirs: Path, tables: tuple[str, ...] = TABLES) -> str:
    """ "IDENTICAL" when both snapshot folders hold the same `tables`, row for row once sorted; otherwise
    what differs: the columns, or how many rows of each period kind (or in all) only one of them has."""
    found = []
    for table in tables:
        one, other = (_sorted(table_of(folder, table)) for folder in (ours, theirs))
        if one.schema != other.schema:
            found.append(f"{table}: columns differ ({one.schema} / {other.schema})")
        elif not one.equals(other):
            merged = one.to_pandas().merge(other.to_pandas(), how="outer", indicator=True)
            by = ["kind", "_merge"] if "kind" in one.column_names else ["_merge"]
            only = merged[merged["_merge"] != "both"].groupby(by, observed=True).size()
            found.append(f"{table}: {len(one):,} / {len(other):,} rows; rows in one only: {only.to_dict()}")
    return "IDENTICAL" if not found else "DIFFERENT -- " + "; ".join(found)


def table_of(folder: Path, table: str) -> pa.Table:
    """A snapshot's table whole: its folder of parts, or one file (the cube's, a snapshot before parts)."""
    parts = folder / table
    return pq.read_table(parts if parts.is_dir() else folder / f"{table}.parquet")


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by([(name, "ascending") for name in table.column_names])


def published_by(source: Path | None, schools: int, out: Path) -> tuple[Path, float]:
    """Publish in a fresh process with `source` first on PYTHONPATH (None: this checkout); the snapshot
    folder and the wall time."""
    environment = dict(os.environ)
    if source is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))
    command = [sys.executable, __file__, "--publish-to", str(out), "--schools", str(schools),
               "--as-of", data.AS_OF.isoformat()]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=True, env=environment)
    (snapshot,) = (path for path in out.iterdir() if path.is_dir())
    return snapshot, time.perf_counter() - started


def publish_here(out: Path, schools: int) -> None:
    """In the child: publish the first `schools` of the cached lake with whichever rollbook is imported."""
    from rollbook.analytics.comparators import publish as publishing
    from rollbook.analytics.comparators.snapshot import Suppression
    from rollbook.rules.calendar import england_default

    lake, rows = data.cached_lake(schools)
    facts = [
        publishing.SchoolFacts(
            int(s["urn"]), int(s["la"]), s["la_name"], s["region"], england_default(data.YEAR)
        )
        for s in rows[:schools]
    ]
    print(f"  publishing with {publishing.__file__}", flush=True)
    publishing.publish(lake, out, facts, data.YEAR, data.AS_OF, suppression=Suppression())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old-source", type=Path, help="the other checkout's src folder")
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2025, 7, 18))
    parser.add_argument("--publish-to", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    data.AS_OF = arguments.as_of
    if arguments.publish_to:
        return publish_here(arguments.publish_to, arguments.schools)
    if not (arguments.old_source and (arguments.old_source / "rollbook").is_dir()):
        parser.error("--old-source must be a folder holding the rollbook package")
    data.cached_lake(arguments.schools)  # built once here, not in both children
    with tempfile.TemporaryDirectory(dir=data.CACHE) as scratch:
        ours, our_seconds = published_by(None, arguments.schools, Path(scratch) / "ours")
        theirs, their_seconds = published_by(
            arguments.old_source, arguments.schools, Path(scratch) / "theirs"
        )
        print(f"{arguments.schools} schools, marks to {data.AS_OF}: this checkout {our_seconds:.1f} s, "
              f"{arguments.old_source} {their_seconds:.1f} s")  # fmt: skip
        verdicts = {table: identical(ours, theirs, (table,)) for table in TABLES}
    for table, verdict in verdicts.items():
        print(f"  {table}: {verdict}")
    sys.exit(0 if all(verdict == "IDENTICAL" for verdict in verdicts.values()) else 1)


if __name__ == "__main__":
    main()
