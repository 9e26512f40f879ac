"""Data for `publish_bench.py`: a cached lake of synthetic schools, and the same rows in PostgreSQL.

The lake is built the way a real one is: `rollbook.synth.write_schools` writes each school's CTF and
pupils.csv, and `rollbook.ingest.import_paths` imports them (schools imported in parallel worker processes,
one school per batch). It is built once, for the largest size asked for, under `CACHE/<tag>/` and reused;
smaller sizes take the first N schools by URN.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from rollbook.ingest import import_paths
from rollbook.lake import Lake, PartitionKey
from rollbook.rules.attendance.codes import CATEGORY_OF
from rollbook.synth import write_schools

CACHE = Path("/work/bench-data")
YEAR = 2024
#: The first four weeks of the autumn term: a full year of 3,000 schools would not build in the time.
#: `publish_bench.py --as-of` sets another day (a full year: 2025-07-18) before any lake is built or found.
AS_OF = dt.date(2024, 9, 27)
SEED = 2024
WORKERS = 2
#: A primary-sized school holds one in this many of a built school's pupils (`primary_sized`).
PRIMARY_SHARE = 4

PG = "host=127.0.0.1 port=5432 user=postgres"
PG_DATABASE = "rollbook_bench"

# The lake


def folder(schools: int) -> Path:
    return CACHE / f"publish-{schools}-{YEAR}-to-{AS_OF.isoformat()}-seed{SEED}"


def cached_lake(needed: int) -> tuple[Lake, list[dict[str, str]]]:
    """A lake of at least `needed` schools (a cached one if there is one) and its schools.csv rows."""
    done = sorted(
        (int(path.parent.name.split("-")[1]), path.parent)
        for path in CACHE.glob(f"publish-*-{YEAR}-to-{AS_OF.isoformat()}-seed{SEED}/complete.json")
    )
    usable = [where for size, where in done if size >= needed]
    where = usable[0] if usable else build(needed)
    with (where / "exported" / "schools.csv").open(newline="") as handle:
        schools = sorted(csv.DictReader(handle), key=lambda row: int(row["urn"]))
    return Lake(where / "lake"), schools


def build(schools: int) -> Path:
    where = folder(schools)
    exported, lake = where / "exported", Lake(where / "lake")
    started = time.perf_counter()
    print(f"building {schools} schools to {AS_OF} under {where} ...", flush=True)
    write_schools(exported, schools, SEED, YEAR, AS_OF, workers=WORKERS)
    generated = time.perf_counter() - started
    folders = sorted(path for path in exported.iterdir() if path.is_dir())
    with ProcessPoolExecutor(WORKERS) as pool:
        refused = sum(
            pool.map(_import_one, folders, [lake.root] * len(folders), [AS_OF] * len(folders), chunksize=20)
        )
    imported = time.perf_counter() - started - generated
    facts = {
        "schools": schools,
        "as_of": AS_OF.isoformat(),
        "refused_batches": refused,
        "generate_seconds": round(generated, 1),
        "import_seconds": round(imported, 1),
        **row_counts(lake),
    }
    (where / "complete.json").write_text(json.dumps(facts, indent=2))
    print(f"built: {facts}", flush=True)
    return where


def primary_sized(lake: Lake, schools: list[dict[str, str]]) -> Lake:
    """A lake of one primary-sized school for each of `schools` (cached beside the lake): every
    `PRIMARY_SHARE`-th of its pupils by UPN, moved from Years 7-11 to Years 2-6, with their marks, under the
    same URN. England's 24,000 state schools are 3,400 secondary and about 20,600 primary (and special)
    schools, far smaller; these, a quarter of a secondary's size, stand in for the primaries of a national
    lake (`incremental_bench.py --primaries`)."""
    where = lake.root.parent / f"primary-sized-{len(schools)}-1-in-{PRIMARY_SHARE}"
    if (where / "complete.json").exists():
        return Lake(where / "lake")
    shutil.rmtree(where, ignore_errors=True)
    primaries = Lake(where / "lake")
    for school in schools:
        urn = int(school["urn"])
        pupils = lake.read(PartitionKey("pupils", YEAR, urn)).sort_by("upn")
        pupils = pupils.take(pa.array(range(0, pupils.num_rows, PRIMARY_SHARE)))
        years = pc.subtract(pupils["nc_year"], 5).cast(pa.int8())
        pupils = pupils.set_column(pupils.schema.get_field_index("nc_year"), "nc_year", years)
        marks = lake.read(PartitionKey("marks", YEAR, urn))
        marks = marks.filter(pc.is_in(marks["upn"], value_set=pupils["upn"]))
        keys = (PartitionKey("pupils", YEAR, urn), PartitionKey("marks", YEAR, urn))
        primaries.replace(dict(zip(keys, (pupils, marks), strict=True)))
    (where / "complete.json").write_text(json.dumps(row_counts(primaries)))
    return primaries


def _import_one(school_folder: Path, lake_root: Path, as_of: dt.date) -> int:
    outcomes = import_paths([school_folder], Lake(lake_root), today=as_of)
    return sum(not outcome.landed for outcome in outcomes)


def row_counts(lake: Lake, urns: list[int] | None = None) -> dict[str, int]:
    return {
        table: sum(pq.ParquetFile(path).metadata.num_rows for path in lake.files(table, [YEAR], urns))
        for table in ("pupils", "marks")
    }


# PostgreSQL

CODE_ROWS = ", ".join(
    f"('{code.replace(chr(39), chr(39) * 2)}', '{kind}')" for code, kind in CATEGORY_OF.items()
)
PUPIL_COLUMNS = ("upn", "sex", "nc_year", "fsm6", "sen", "admission_date", "leaving_date")
TABLES_SQL = f"""
CREATE UNLOGGED TABLE pupils (
    school integer NOT NULL, academic_year integer NOT NULL, upn text NOT NULL, sex text,
    nc_year smallint, fsm6 boolean, sen text, admission_date date, leaving_date date);
CREATE UNLOGGED TABLE marks (
    school integer NOT NULL, academic_year integer NOT NULL, upn text NOT NULL, date date NOT NULL,
    session text NOT NULL, code text NOT NULL);
CREATE TABLE codes (code text PRIMARY KEY, category text NOT NULL);
INSERT INTO codes VALUES {CODE_ROWS};
"""
INDEXES_SQL = """
ALTER TABLE pupils ADD PRIMARY KEY (academic_year, school, upn);
ALTER TABLE marks ADD PRIMARY KEY (academic_year, school, upn, date, session);
ANALYZE pupils; ANALYZE marks; ANALYZE codes;
"""


def connect(database: str = PG_DATABASE, **options) -> psycopg.Connection:
    return psycopg.connect(f"{PG} dbname={database}", **options)


def load_postgres(lake: Lake, urns: list[int]) -> dict[str, float]:
    """(Re)create the scratch database and load the schools' pupils and marks; returns seconds taken."""
    drop_postgres()
    with connect("postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {PG_DATABASE}")
    started = time.perf_counter()
    with connect() as connection:
        connection.execute(TABLES_SQL)
    chunks = [urns[i : i + 50] for i in range(0, len(urns), 50)]
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda chunk: _copy(lake, chunk), chunks))
    loaded = time.perf_counter() - started
    with connect(autocommit=True) as connection:
        connection.execute("SET maintenance_work_mem = '1GB'")
        connection.execute("SET max_parallel_maintenance_workers = 2")
        connection.execute(INDEXES_SQL)
        size = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return {"copy_s": loaded, "index_s": time.perf_counter() - started - loaded, "gb": size / 1e9}


def _copy(lake: Lake, urns: list[int]) -> None:
    with connect() as connection, connection.cursor() as cursor:
        for table, columns in (("pupils", PUPIL_COLUMNS), ("marks", ("upn", "date", "session", "code"))):
            names = ", ".join(("school", "academic_year", *columns))
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT csv)") as copy:
                for path in lake.files(table, [YEAR], urns):
                    copy.write(_csv(path, columns))


def _csv(path: Path, columns: tuple[str, ...]) -> bytes:
    rows = pq.read_table(path, columns=list(columns))
    school = int(path.parent.name.partition("=")[2])
    rows = rows.add_column(0, "academic_year", pa.repeat(YEAR, len(rows))).add_column(
        0, "school", pa.repeat(school, len(rows))
    )
    buffer = io.BytesIO()
    pacsv.write_csv(rows, buffer, pacsv.WriteOptions(include_header=False))
    return buffer.getvalue()


def drop_postgres() -> None:
    with connect("postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
