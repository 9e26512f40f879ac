"""Time publishing comparators (`rollbook.analytics.comparators.publish.publish`) beside the same sums in
PostgreSQL and in pandas, on 100, 1,000 and 3,000 synthetic secondary schools.

What is computed, by all three: for every school, period (year to date, each week, each half-term and term
begun) and cell (nc_year x sex x fsm6 x sen), the enrolments with a possible session, sessions present, AEA,
authorised and unauthorised, persistent (>= 10% absent) and severe (>= 50%) absentees, each tested against
the enrolment's own possible sessions in that period or week; and sessions per register code. Only pupils
in Reception to Year 11 count, and only marks between admission and leaving dates. Each writes its cells and
reasons to Parquet, as a snapshot does, and the totals of the three are checked to agree before any time is
reported.

- Rollbook: `publish` itself (DuckDB through Ibis; one query per period for all schools at once). Its time
  also covers school profiles and similar schools, which the others do not do (a few seconds at most).
- The cube: one hand-written DuckDB statement over the same Parquet files giving the whole snapshot's cells
  (weekdays included) and reasons, the reference a full rebuild is held to; checked identical to
  `publish`'s, row for row, and reported as publish / cube.
- PostgreSQL: pupils and marks loaded once (COPY, unlogged tables, primary keys as indexes; load time shown
  separately), one SQL statement for cells and one for reasons, results streamed out with COPY.
- pandas: the same Parquet files, a batch of schools at a time (all schools at once does not fit in memory).

Each run is a fresh subprocess; peak memory is its maximum resident set (for PostgreSQL the client only; the
server's work is not counted, though its temporary-file spill is shown), and the machine's load average is
noted as it starts. The data: see `publish_bench_data.py` (built once, cached under /work/bench-data,
smaller sizes take the first N schools).

`--old-source DIR` also times `publish` from another checkout's `src` (e.g. a `git worktree` of an earlier
commit), run with that folder first on PYTHONPATH, and checks that its snapshot's cells and reasons are
IDENTICAL to this checkout's, row for row, every period kind included. `--engines` chooses which to run.

    uv run --all-extras --frozen python bench/publish_bench.py [--sizes 100,1000,3000]
        [--engines rollbook,cube,postgres,pandas,old] [--old-source /tmp/old-publish/src]
        [--as-of 2025-07-18 for a full year]

A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))

import publish_bench_data as data  # noqa: E402
from rollbook.analytics.comparators.publish import SchoolFacts, _as_published, _periods, publish
from rollbook.analytics.comparators.snapshot import CELL, SCHEMAS, Suppression
from rollbook.lake import Lake  # noqa: E402
from rollbook.rules.attendance.codes import CATEGORY_OF  # noqa: E402
from rollbook.rules.calendar import england_default, week_commencing  # noqa: E402
from rollbook.rules.years import SESSION_MEASURE_YEARS  # noqa: E402
from snapshot_identity import identical, table_of  # noqa: E402

ENGINES = ("rollbook", "old", "cube", "postgres", "pandas")
LABELS = {
    "rollbook": "Rollbook publish (DuckDB)",
    "old": "Rollbook publish, old source",
    "cube": "One DuckDB query (the cube)",
    "postgres": "PostgreSQL SQL",
    "pandas": "pandas",
}
TALLIED = ("present", "aea", "authorised", "unauthorised")
KEYS = ["kind", "period", "school", *CELL]
PANDAS_BATCH = 100  # schools per pandas batch
#: The period kinds compared; any other kind `publish` adds (e.g. by weekday) is Rollbook's extra work.
KINDS = ("year", "week", "half_term", "term")


def period_days() -> pd.DataFrame:
    """(kind, period, day) for every day of every published period; weeks named by their Monday."""
    rows = []
    for kind, name, period in _periods(england_default(data.YEAR), data.AS_OF):
        if kind not in KINDS:
            continue
        day = period.start
        while day <= period.end:
            rows.append((kind, week_commencing(day).isoformat() if kind == "week" else name, day))
            day += dt.timedelta(days=1)
    return pd.DataFrame(rows, columns=["kind", "period", "day"])


def year_to_date() -> tuple[dt.date, dt.date]:
    days = period_days().day
    return days.min(), days.max()


# Rollbook


def run_rollbook(lake: Lake, schools: list[dict], out: Path) -> dict:
    facts = [
        SchoolFacts(int(s["urn"]), int(s["la"]), s["la_name"], s["region"], england_default(data.YEAR))
        for s in schools
    ]
    steps: list[float] = []
    started = time.perf_counter()
    snapshot = publish(
        lake,
        out / "rollbook",
        facts,
        data.YEAR,
        data.AS_OF,
        suppression=Suppression(),
        progress=lambda done, total: steps.append(time.perf_counter()),
    )
    seconds = time.perf_counter() - started
    for table in ("cells", "reasons"):
        (snapshot / table).rename(out / table)
    return {"seconds": seconds, "note": f"period queries {steps[-1] - started:.1f} s"}


# PostgreSQL

COUNTED_SQL = """
    FROM marks m
    JOIN pupils p USING (academic_year, school, upn)
    JOIN codes c USING (code)
    WHERE m.academic_year = %(year)s AND m.school BETWEEN %(first)s AND %(last)s
      AND m.date BETWEEN %(start)s AND %(end)s AND p.nc_year BETWEEN %(lowest)s AND %(highest)s
      AND (p.admission_date IS NULL OR p.admission_date <= m.date)
      AND (p.leaving_date IS NULL OR m.date <= p.leaving_date)
"""
CELLS_SQL = f"""
WITH days AS (
    SELECT m.school, m.upn, p.nc_year, p.sex, p.fsm6, p.sen, m.date,
           {", ".join(f"count(*) FILTER (WHERE c.category = '{name}') AS {name}" for name in TALLIED)}
    {COUNTED_SQL}
    GROUP BY m.school, m.upn, p.nc_year, p.sex, p.fsm6, p.sen, m.date
), enrolments AS (
    SELECT pd.kind, pd.period, d.school, d.upn, d.nc_year, d.sex, d.fsm6, d.sen,
           {", ".join(f"sum({name}) AS {name}" for name in TALLIED)}
    FROM days d JOIN period_days pd ON pd.day = d.date
    GROUP BY pd.kind, pd.period, d.school, d.upn, d.nc_year, d.sex, d.fsm6, d.sen
), tested AS (
    SELECT *, authorised + unauthorised AS absence, present + aea + authorised + unauthorised AS possible
    FROM enrolments
)
SELECT kind, period, school, nc_year, sex, fsm6, sen,
       count(*) FILTER (WHERE possible > 0) AS pupils,
       {", ".join(f"sum({name})::bigint AS {name}" for name in TALLIED)},
       count(*) FILTER (WHERE possible > 0 AND absence * 10 >= possible) AS persistent_absentees,
       count(*) FILTER (WHERE possible > 0 AND absence * 2 >= possible) AS severe_absentees
FROM tested
GROUP BY kind, period, school, nc_year, sex, fsm6, sen
"""
REASONS_SQL = f"""
WITH days AS (
    SELECT m.school, p.nc_year, p.sex, p.fsm6, p.sen, m.date, m.code, count(*) AS sessions
    {COUNTED_SQL}
    GROUP BY m.school, p.nc_year, p.sex, p.fsm6, p.sen, m.date, m.code
)
SELECT pd.kind, pd.period, d.school, d.nc_year, d.sex, d.fsm6, d.sen, d.code,
       sum(d.sessions)::bigint AS sessions
FROM days d JOIN period_days pd ON pd.day = d.date
GROUP BY pd.kind, pd.period, d.school, d.nc_year, d.sex, d.fsm6, d.sen, d.code
"""


def run_postgres(lake: Lake, schools: list[dict], out: Path) -> dict:
    start, end = year_to_date()
    parameters = {
        "year": data.YEAR,
        "first": int(schools[0]["urn"]),
        "last": int(schools[-1]["urn"]),
        "start": start,
        "end": end,
        "lowest": min(SESSION_MEASURE_YEARS),
        "highest": max(SESSION_MEASURE_YEARS),
    }
    with data.connect(autocommit=True) as connection:
        spilled = _temp_bytes(connection)
        started = time.perf_counter()
        connection.execute("SET work_mem = '256MB'")
        connection.execute("CREATE TEMP TABLE period_days (kind text, period text, day date)")
        with connection.cursor().copy("COPY period_days FROM STDIN") as copy:
            for row in period_days().itertuples(index=False):
                copy.write_row(row)
        for table, sql in (("cells", CELLS_SQL), ("reasons", REASONS_SQL)):
            _copy_out(connection, sql, parameters, out / f"{table}.parquet")
        seconds = time.perf_counter() - started
        spilled = _temp_bytes(connection) - spilled
    return {"seconds": seconds, "note": f"server temp files {spilled / 1e9:.1f} GB"}


def _copy_out(connection, sql: str, parameters: dict, path: Path) -> None:
    """Run `sql` and write its rows to Parquet, streamed out of the server as CSV."""
    query = psycopg.ClientCursor(connection).mogrify(sql, parameters)
    with tempfile.TemporaryFile() as buffer:
        with connection.cursor().copy(f"COPY ({query}) TO STDOUT (FORMAT csv, HEADER)") as copy:
            for block in copy:
                buffer.write(block)
        buffer.seek(0)
        types = {"sex": pa.string(), "sen": pa.string(), "code": pa.string(), "period": pa.string()}
        options = pacsv.ConvertOptions(column_types=types, true_values=["t"], false_values=["f"])
        pq.write_table(pacsv.read_csv(buffer, convert_options=options), path)


def _temp_bytes(connection) -> int:
    query = "SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()"
    return int(connection.execute(query).fetchone()[0])


# The one-query DuckDB cube


def run_cube(lake: Lake, schools: list[dict], out: Path, batch: int | None = None) -> dict:
    """The reference: one hand-written DuckDB statement over the lake's Parquet files giving the whole
    snapshot's cells (every period kind, weekdays included) and reasons, as `publish` writes them. With
    `batch`, the statement is run for that many schools at a time (at 3,000 schools it would not fit in
    memory whole: it held 10.6 GB at 200)."""
    import duckdb

    urns = [int(s["urn"]) for s in schools]
    batches = [urns[i : i + batch] for i in range(0, len(urns), batch)] if batch else [urns]
    start, end = year_to_date()
    codes = ", ".join(
        f"('{code.replace(chr(39), chr(39) * 2)}', "
        + ", ".join(str(int(str(kind) == name)) for name in TALLIED)
        + ")"
        for code, kind in CATEGORY_OF.items()
    )
    started = time.perf_counter()
    connection = duckdb.connect()
    connection.register("day_periods", day_periods())
    with contextlib.ExitStack() as stack:
        writers = {
            table: stack.enter_context(pq.ParquetWriter(out / f"{table}.parquet", SCHEMAS[table]))
            for table in ("cells", "reasons")
        }
        for some in batches:
            listed = {
                table: ", ".join(f"'{path}'" for path in lake.files(table, [data.YEAR], some))
                for table in ("pupils", "marks")
            }
            rows = connection.sql(
                CUBE_SQL.format(
                    pupils=listed["pupils"], marks=listed["marks"], codes=codes, start=start, end=end,
                    years=", ".join(map(str, SESSION_MEASURE_YEARS)),
                )
            ).to_arrow_table()  # fmt: skip
            reason = pc.is_valid(rows["code"])
            writers["cells"].write_table(_as_published(rows.filter(pc.invert(reason)), SCHEMAS["cells"]))
            writers["reasons"].write_table(_as_published(rows.filter(reason), SCHEMAS["reasons"]))
    note = f"{len(batches)} statements of {batch} schools" if batch and len(batches) > 1 else "one statement"
    return {"seconds": time.perf_counter() - started, "note": note}


def day_periods() -> pa.Table:
    """One row per day of the year to date: its week (by its Monday), and its half-term and term, or null."""
    days = period_days()
    wide = days.pivot_table(index="day", columns="kind", values="period", aggfunc="first").reset_index()
    return pa.Table.from_pandas(wide[["day", "week", "half_term", "term"]], preserve_index=False)


_TALLIES = ", ".join(TALLIED)
_SUMS = ", ".join(f"sum({name} * sessions)::BIGINT AS {name}" for name in TALLIED)
_TESTED = f"""count(*) FILTER (WHERE possible > 0) AS pupils,
       {", ".join(f"sum({name})::BIGINT AS {name}" for name in TALLIED)},
       count(*) FILTER (WHERE possible > 0 AND absence * 10 >= possible) AS persistent_absentees,
       count(*) FILTER (WHERE possible > 0 AND absence * 2 >= possible) AS severe_absentees"""
_POSSIBLE = "authorised + unauthorised AS absence, present + aea + authorised + unauthorised AS possible"
_CELL = "school, nc_year, sex, fsm6, sen"
#: Which period a grouping set's row is, and its name, from GROUPING() of the three period columns.
_KIND = """CASE WHEN GROUPING(week) = 0 THEN 'week' WHEN GROUPING(half_term) = 0 THEN 'half_term'
                WHEN GROUPING(term) = 0 THEN 'term' ELSE 'year' END AS kind,
           coalesce(week, half_term, term, 'year_to_date') AS period"""
_IN_PERIOD = "(kind <> 'half_term' OR period IS NOT NULL) AND (kind <> 'term' OR period IS NOT NULL)"
CUBE_SQL = f"""
WITH pupils AS (
    SELECT row_number() OVER (ORDER BY school, upn) AS enrolment, school, upn, nc_year, sex, fsm6, sen,
           admission_date, leaving_date
    FROM read_parquet([{{pupils}}], hive_partitioning = true, hive_types = {{{{school: 'INTEGER'}}}})
    WHERE nc_year IN ({{years}})
), codes (code, {_TALLIES}) AS (VALUES {{codes}}),
sessions AS (
    SELECT p.enrolment, m.date, m.session, m.code, {", ".join(f"c.{name}" for name in TALLIED)}
    FROM read_parquet([{{marks}}], hive_partitioning = true, hive_types = {{{{school: 'INTEGER'}}}}) m
    JOIN pupils p USING (school, upn) JOIN codes c USING (code)
    WHERE m.date BETWEEN DATE '{{start}}' AND DATE '{{end}}'
      AND (p.admission_date IS NULL OR p.admission_date <= m.date)
      AND (p.leaving_date IS NULL OR m.date <= p.leaving_date)
), tally AS (
    SELECT s.enrolment, d.week, d.half_term, d.term, s.code, {_TALLIES}, count(*) AS sessions
    FROM sessions s JOIN day_periods d ON d.day = s.date GROUP BY ALL
), enrolments AS (
    SELECT enrolment, {_KIND}, {_SUMS}
    FROM tally
    GROUP BY GROUPING SETS ((enrolment, week), (enrolment, half_term), (enrolment, term), (enrolment))
), weekdays AS (
    SELECT enrolment, isodow(date)::TINYINT - 1 AS weekday, session,
           {", ".join(f"sum({name}) AS {name}" for name in TALLIED)}
    FROM sessions GROUP BY ALL
), coded AS (
    SELECT {_CELL}, week, half_term, term, code, sum(sessions) AS sessions
    FROM tally JOIN pupils USING (enrolment) GROUP BY ALL
), reasons AS (
    SELECT {_CELL}, {_KIND}, code, sum(sessions)::BIGINT AS sessions
    FROM coded GROUP BY GROUPING SETS (({_CELL}, week, code), ({_CELL}, half_term, code),
                                       ({_CELL}, term, code), ({_CELL}, code))
)
SELECT kind, period, {_CELL}, {_TESTED}, NULL::TINYINT AS weekday, NULL AS session, NULL AS code,
       NULL::BIGINT AS sessions
FROM (SELECT *, {_POSSIBLE} FROM enrolments JOIN pupils USING (enrolment) WHERE {_IN_PERIOD})
GROUP BY kind, period, {_CELL}
UNION ALL
SELECT 'weekday', 'year_to_date', {_CELL}, {_TESTED}, weekday, session, NULL, NULL
FROM (SELECT *, {_POSSIBLE} FROM weekdays JOIN pupils USING (enrolment)) GROUP BY {_CELL}, weekday, session
UNION ALL
SELECT kind, period, {_CELL}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, code, sessions
FROM reasons WHERE {_IN_PERIOD}
"""


# pandas


def run_pandas(lake: Lake, schools: list[dict], out: Path) -> dict:
    urns = [int(s["urn"]) for s in schools]
    days = period_days()
    days["day"] = pd.to_datetime(days.day)
    started = time.perf_counter()
    cells, reasons = [], []
    for i in range(0, len(urns), PANDAS_BATCH):
        batch_cells, batch_reasons = _pandas_batch(lake, urns[i : i + PANDAS_BATCH], days)
        cells.append(batch_cells)
        reasons.append(batch_reasons)
    pd.concat(cells).to_parquet(out / "cells.parquet", index=False)
    pd.concat(reasons).to_parquet(out / "reasons.parquet", index=False)
    return {"seconds": time.perf_counter() - started, "note": f"{PANDAS_BATCH} schools a batch"}


def _read(lake: Lake, table: str, urns: list[int], columns: list[str]) -> pd.DataFrame:
    frames = []
    for path in lake.files(table, [data.YEAR], urns):
        frame = pq.read_table(path, columns=columns).to_pandas(date_as_object=False)
        frame.insert(0, "school", int(path.parent.name.partition("=")[2]))
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _pandas_batch(lake: Lake, urns: list[int], days: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    start, end = days.day.min(), days.day.max()
    pupils = _read(lake, "pupils", urns, ["upn", *CELL, "admission_date", "leaving_date"])
    pupils = pupils[pupils.nc_year.isin(SESSION_MEASURE_YEARS)].reset_index(drop=True)
    pupils["pid"] = pupils.index
    marks = _read(lake, "marks", urns, ["upn", "date", "code"])
    marks = marks[marks.date.between(start, end) & marks.code.isin(list(CATEGORY_OF))]
    marks = marks.merge(
        pupils[["school", "upn", "pid", "admission_date", "leaving_date"]], on=["school", "upn"]
    )
    on_roll = (marks.admission_date.isna() | (marks.admission_date <= marks.date)) & (
        marks.leaving_date.isna() | (marks.date <= marks.leaving_date)
    )
    marks = marks.loc[on_roll, ["pid", "date", "code"]]
    category = marks.code.map({code: str(kind) for code, kind in CATEGORY_OF.items()})
    for name in TALLIED:
        marks[name] = (category == name).astype("int32")
    per_day = marks.groupby(["pid", "date"], sort=False)[list(TALLIED)].sum().reset_index()
    per_period = per_day.merge(days, left_on="date", right_on="day")
    enrolments = per_period.groupby(["kind", "period", "pid"], sort=False)[list(TALLIED)].sum().reset_index()
    enrolments = enrolments.merge(pupils[["pid", "school", *CELL]], on="pid")
    absence = enrolments.authorised + enrolments.unauthorised
    possible = absence + enrolments.present + enrolments.aea
    enrolments["pupils"] = possible > 0
    enrolments["persistent_absentees"] = (possible > 0) & (absence * 10 >= possible)
    enrolments["severe_absentees"] = (possible > 0) & (absence * 2 >= possible)
    counts = ["pupils", *TALLIED, "persistent_absentees", "severe_absentees"]
    cells = enrolments.groupby(KEYS, sort=False, dropna=False)[counts].sum().reset_index()

    coded = marks[["pid", "date", "code"]].merge(pupils[["pid", "school", *CELL]], on="pid")
    per_code = coded.groupby(["school", *CELL, "date", "code"], sort=False, dropna=False).size()
    per_code = per_code.rename("sessions").reset_index().merge(days, left_on="date", right_on="day")
    reasons = per_code.groupby([*KEYS, "code"], sort=False, dropna=False).sessions.sum().reset_index()
    return cells, reasons


# Checking and reporting


def totals(folder: Path) -> dict[str, object]:
    """What all three must agree on: per period kind, the summed counts and sessions per code."""
    kinds = pa.array(KINDS)
    cells = table_of(folder, "cells")
    cells = cells.filter(pc.is_in(cells["kind"], kinds))
    counts = ["pupils", *TALLIED, "persistent_absentees", "severe_absentees"]
    by_kind = cells.group_by("kind").aggregate([(name, "sum") for name in counts] + [("school", "count")])
    reasons = table_of(folder, "reasons")
    reasons = reasons.filter(pc.is_in(reasons["kind"], kinds))
    by_code = reasons.group_by(["kind", "code"]).aggregate([("sessions", "sum")])
    periods = pc.unique(cells["period"]).to_pylist()
    return {
        "cells": sorted(map(str, by_kind.to_pylist()), key=str),
        "reasons": sorted(map(str, by_code.to_pylist())),
        "periods": sorted(periods),
    }


def measure(engine: str, size: int, built: int, out: Path, old_source: Path | None) -> dict:
    """Run one engine on the first `size` schools of the lake of `built` in a fresh process; its result,
    peak RSS (MB) and the one-minute load average as it started. The old source runs `publish` as
    "rollbook" does, with its folder first on PYTHONPATH."""
    run = "rollbook" if engine == "old" else engine
    command = [sys.executable, __file__, "--run", run, "--sizes", f"{size},{built}", "--out", str(out),
               "--as-of", data.AS_OF.isoformat()]  # fmt: skip
    environment = dict(os.environ)
    if engine == "old":
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(old_source), os.environ.get("PYTHONPATH")])
        )
    load = os.getloadavg()[0]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        return {
            "seconds": None,
            "note": f"failed (exit {child.returncode})",
            "rss_mb": usage.ru_maxrss / 1024,
            "load": load,
        }
    cpu = usage.ru_utime + usage.ru_stime  # on a shared machine steadier than the wall time
    return {**json.loads(output.strip().splitlines()[-1]), "rss_mb": usage.ru_maxrss / 1024, "load": load,
            "cpu_s": cpu}  # fmt: skip


def child(engine: str, size: int, built: int, out: Path) -> None:
    lake, schools = data.cached_lake(built)
    runs = {"rollbook": run_rollbook, "cube": run_cube, "postgres": run_postgres, "pandas": run_pandas}
    run = runs[engine]
    print(json.dumps(run(lake, schools[:size], out)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--engines", default="rollbook,postgres,pandas", help="of " + ",".join(ENGINES))
    parser.add_argument("--old-source", type=Path, help="another checkout's src folder, timed as 'old'")
    parser.add_argument(
        "--as-of", type=dt.date.fromisoformat, default=data.AS_OF, help="the last day of marks built"
    )
    parser.add_argument("--run", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    data.AS_OF = arguments.as_of  # the data module's functions read it as they build and find the lake
    if arguments.run:
        return child(arguments.run, sizes[0], sizes[-1], arguments.out)
    engines = [engine for engine in ENGINES if engine in arguments.engines.split(",")]
    if arguments.old_source and "old" not in engines:
        engines.insert(1, "old")
    if "old" in engines and not (arguments.old_source and (arguments.old_source / "rollbook").is_dir()):
        parser.error("the old engine needs --old-source, a folder holding the rollbook package")

    lake, schools = data.cached_lake(max(sizes))
    print(f"data: academic year {data.YEAR}/{data.YEAR % 100 + 1}, marks to {data.AS_OF}, from synthetic")
    print("CTFs imported with rollbook.ingest:")
    for size in sizes:
        rows = data.row_counts(lake, [int(s["urn"]) for s in schools[:size]])
        print(f"  {size:>5} schools: {rows['pupils']:>10,} pupils {rows['marks']:>13,} marks")
    print(f"machine: {os.cpu_count()} cores; load average as each run starts in the table", flush=True)
    if "postgres" in engines:
        started = time.perf_counter()
        loaded = data.load_postgres(lake, [int(s["urn"]) for s in schools[: max(sizes)]])
        print(
            f"PostgreSQL load of {max(sizes)} schools: COPY {loaded['copy_s']:.0f} s, primary keys and "
            f"ANALYZE {loaded['index_s']:.0f} s, {loaded['gb']:.1f} GB "
            f"({time.perf_counter() - started:.0f} s, load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    results = []
    try:
        for size in sizes:
            results += run_size(size, max(sizes), engines, arguments.old_source)
    finally:
        if "postgres" in engines:
            data.drop_postgres()
    report(results)


def run_size(size: int, built: int, engines: list[str], old_source: Path | None) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(dir=data.CACHE) as scratch:
        for engine in engines:
            out = Path(scratch) / engine
            out.mkdir()
            result = {"size": size, "engine": engine, **measure(engine, size, built, out, old_source)}
            if result["seconds"] is not None:
                result["totals"] = totals(out)
            if engine in ("old", "cube") and result["seconds"] and (Path(scratch) / "rollbook").is_dir():
                verdict = identical(Path(scratch) / "rollbook", out, ("cells", "reasons"))
                result["note"] += f"; snapshot {verdict}"
                if engine == "cube" and rows and rows[0]["engine"] == "rollbook" and rows[0]["seconds"]:
                    result["note"] += f"; publish / cube {rows[0]['seconds'] / result['seconds']:.2f}"
            rows.append(result)
            print(
                f"  {size} {engine}: {result['seconds']} s, {result.get('cpu_s', 0):.1f} CPU s, "
                f"{result['rss_mb']:.0f} MB, load "
                f"{result['load']:.1f}, {result['note']}",
                flush=True,
            )
        reference = rows[0].get("totals")
        for row in rows[1:]:
            if "totals" in row and reference is not None and row["totals"] != reference:
                row["note"] += " -- TOTALS DIFFER FROM ROLLBOOK"
                print(json.dumps({"rollbook": reference, row["engine"]: row["totals"]}, indent=1))
        if reference is not None:
            print(f"  {size} totals per kind (Rollbook): {reference['cells']}", flush=True)
    return rows


def report(results: list[dict]) -> None:
    print()
    print(
        f"{'schools':>7}  {'engine':<30}{'wall s':>9}{'CPU s':>8}{'peak RSS MB':>13}{'time ratio':>12}"
        f"{'RSS ratio':>11}{'load':>6}  notes"
    )
    base: dict[int, dict] = {}
    for row in results:
        if row["engine"] == "rollbook":
            base[row["size"]] = row
        ref = base.get(row["size"], {})
        seconds = row["seconds"]
        time_ratio = f"{seconds / ref['seconds']:.2f}" if seconds and ref.get("seconds") else "-"
        rss_ratio = f"{row['rss_mb'] / ref['rss_mb']:.2f}" if ref.get("rss_mb") else "-"
        shown = f"{seconds:.1f}" if seconds is not None else "-"
        print(
            f"{row['size']:>7}  {LABELS[row['engine']]:<30}{shown:>9}{row.get('cpu_s', 0):>8.1f}"
            f"{row['rss_mb']:>13,.0f}"
            f"{time_ratio:>12}{rss_ratio:>11}{row['load']:>6.1f}  {row['note']}"
        )


if __name__ == "__main__":
    main()
