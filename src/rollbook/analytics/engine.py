"""The query engine behind analytics, and the lake's tables as Ibis expressions on it.

One backend per engine per process: DuckDB in-process by default, or Apache Spark when `ROLLBOOK_ENGINE` is
`spark` (Spark Connect when `SPARK_REMOTE` is set, otherwise the master URL in `ROLLBOOK_SPARK_MASTER`,
default `local[2]`). The same expressions run on either, so every measure is written once.

Reading is by partition file, never by listing the whole lake: a school's report reads that school's files
only. Each set of files is registered once and reused until one of them changes (a partition is replaced by
renaming a new file into place, so its modification time and size change), which keeps a warm report page
from paying for catalogue and Parquet metadata work on every request.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import cachetools
import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq
from ibis.backends import BaseBackend

from rollbook import config
from rollbook.lake import TABLES, Lake

#: The partition columns, read from the folder names and typed alike on every engine.
PARTITION_COLUMNS = {"academic_year": "int32", "school": "int32"}

#: How many registered file sets, and rows of query results, to remember per process before the oldest are
#: forgotten. Results are bounded by rows, not by count: one school's pupil-weeks for a year are 50,000 rows,
#: so a count would let a server's memory grow with how many schools it serves. A result larger than the
#: whole allowance is simply not remembered.
_REGISTRATIONS_KEPT = 512
_ROWS_KEPT = 1_000_000
_RESULT_ROWS = 100

# DuckDB connections must not run two queries at once from different threads (web server threads).
_query_lock = threading.Lock()
#: Names of the tables `computed_once` holds, new for each.
_held_names = itertools.count()


def backend(engine: str | None = None) -> BaseBackend:
    """The process's backend for `engine` (default: the configured one), created on first use."""
    return _connect(engine or config.engine())


@functools.cache
def _connect(engine: str) -> BaseBackend:
    if engine == "spark":
        return ibis.pyspark.connect(_spark_session())
    return ibis.duckdb.connect()


@functools.cache
def _spark_session():  # -> pyspark.sql.SparkSession, imported only when Spark is asked for
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("rollbook")
    if remote := config.spark_remote():
        return builder.remote(remote).getOrCreate()
    master = config.spark_master()
    builder = (
        builder.master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    if master.startswith("local"):  # one machine's cores want few; a cluster keeps its spark-defaults.conf
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def run(expr: ir.Table, engine: str | None = None) -> list[dict[str, object]]:
    """Execute `expr` on the engine and return its rows as plain dicts (fresh copies, safe to change)."""
    return [dict(row) for row in _results(expr.op(), engine or config.engine())]


def arrow(expr: ir.Table, engine: str | None = None) -> pa.Table:
    """Execute `expr` and return an Arrow table, not remembered: for bulk output such as publishing."""
    target = backend(engine or config.engine())
    with _query_lock:
        return target.to_pyarrow(expr)


def remembered_rows(rows_kept: int = _ROWS_KEPT) -> cachetools.LRUCache:
    """A memory of query results that counts their rows, and each result as `_RESULT_ROWS` more for its
    query, so many small results cannot pile up unbounded either."""
    return cachetools.LRUCache(rows_kept, getsizeof=lambda rows: len(rows) + _RESULT_ROWS)


_remembered = remembered_rows()
_remembered_lock = threading.Lock()


def _results(query: ops.Relation, engine: str) -> tuple[dict[str, object], ...]:
    """Rows of a query, remembered. Ibis operations compare by structure, and a query names the versions
    of the lake files it reads (see `_registered`), so a replaced partition gives a different query and is
    never answered from here."""
    key = (query, engine)
    with _remembered_lock:
        if key in _remembered:
            return _remembered[key]
    target = backend(engine)
    with _query_lock:
        rows = tuple(target.to_pyarrow(query.to_expr()).to_pylist())
    with _remembered_lock, contextlib.suppress(ValueError):  # larger than the whole allowance
        _remembered[key] = rows
    return rows


def forget_results() -> None:
    """Forget every remembered result, so the next queries run afresh (for benchmarks)."""
    with _remembered_lock:
        _remembered.clear()


def pupils(
    lake: Lake, schools: Iterable[int], academic_years: Iterable[int], engine: str | None = None
) -> ir.Table:
    """The `pupils` table for some schools and academic years, with `academic_year` and `school` columns."""
    return lake_table(lake, "pupils", schools, academic_years, engine)


def marks(
    lake: Lake, schools: Iterable[int], academic_years: Iterable[int], engine: str | None = None
) -> ir.Table:
    """The `marks` table for some schools and academic years, with `academic_year` and `school` columns."""
    return lake_table(lake, "marks", schools, academic_years, engine)


def lake_table(
    lake: Lake, table: str, schools: Iterable[int], academic_years: Iterable[int], engine: str | None = None
) -> ir.Table:
    files = lake.files(table, sorted(set(academic_years)), sorted(set(schools)))
    engine = engine or config.engine()
    if not files:
        return _empty(table)
    signature = tuple((str(path), *_version(path)) for path in files)
    return _registered(engine, str(lake.root / table), table, signature)


def held_in_memory(expr: ir.Table, name: str, engine: str | None = None) -> ir.Table:
    """`expr` computed once into a temporary table of the engine's, for a derived table that many queries
    read (the public explore table's joins): they then compile against one table rather than everything
    behind it, which for a wide join costs more than running it. `name` must be new for each new content.
    On Spark the expression is returned as it is."""
    engine = engine or config.engine()
    if engine == "spark":
        return expr
    with _query_lock:
        return _temporary_table(backend(engine), expr, name, "CREATE OR REPLACE TEMP TABLE")


@contextlib.contextmanager
def computed_once(
    expr: ir.Table, engine: str | None = None, without: Sequence[str] = ()
) -> Iterator[ir.Table]:
    """`expr` computed once and held by the engine only while the `with` block reads it (on DuckDB a
    temporary table, on Spark a cached frame), then let go, unlike `held_in_memory`: for one result that
    several queries take apart. (Ibis's own `cache` cannot let a DuckDB table go in this version.) DuckDB
    computes it `without` the optimizer rules named, where one is known to choose worse for it."""
    engine = engine or config.engine()
    target = backend(engine)
    name = f"held_{next(_held_names)}"
    with _query_lock:
        if engine == "spark":
            target._run_pre_execute_hooks(expr)  # registers any in-memory tables the expression reads
            frame = _spark_session().sql(target.compile(expr)).cache()  # computed at its first read
            frame.createOrReplaceTempView(name)
            held = ops.DatabaseTable(name, schema=expr.schema(), source=target).to_expr()
        else:
            held = _temporary_table(target, expr, name, "CREATE TEMP TABLE", without)
    try:
        yield held
    finally:
        with _query_lock:
            if engine == "spark":
                _spark_session().catalog.dropTempView(name)
                frame.unpersist()
            else:
                target.raw_sql(f"DROP TABLE {name}")


def _temporary_table(
    target: BaseBackend, expr: ir.Table, name: str, create: str, without: Sequence[str] = ()
) -> ir.Table:
    """DuckDB's temporary table `name` of `expr`'s rows, computed `without` some optimizer rules. The rules
    left out are a setting of the whole database, not of one statement, so this is safe only because the
    caller holds the lock every DuckDB query takes; the setting as it was is put back. Each column is cast
    to `expr`'s type for it: DuckDB sums a BIGINT column into a HUGEINT, which would be held at twice the
    width and turned into Arrow decimals, then back into integers, at every read."""
    target._run_pre_execute_hooks(expr)  # registers any in-memory tables the expression reads
    to_duckdb = target.compiler.type_mapper.to_string
    typed = ", ".join(
        _sql_name(column) if kind.is_null()  # DuckDB has no type to cast a null column to
        else f"CAST({_sql_name(column)} AS {to_duckdb(kind)}) AS {_sql_name(column)}"
        for column, kind in expr.schema().items()
    )  # fmt: skip
    if without:
        setting = target.raw_sql("SELECT current_setting('disabled_optimizers')").fetchall()[0][0]
        rules = [rule for rule in (*setting.split(","), *without) if rule]
        target.raw_sql(f"SET disabled_optimizers = {_sql_string(','.join(dict.fromkeys(rules)))}")
    try:
        target.raw_sql(f"{create} {name} AS SELECT {typed} FROM ({target.compile(expr)})")
    finally:
        if without:
            target.raw_sql(f"SET disabled_optimizers = {_sql_string(setting)}")
    return ops.DatabaseTable(name, schema=expr.schema(), source=target).to_expr()


def _version(path: Path) -> tuple[int, int, int]:
    """What changes when a partition is replaced: a new file is renamed into place (new inode)."""
    status = path.stat()
    return status.st_ino, status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=_REGISTRATIONS_KEPT)
def _registered(
    engine: str, base: str, table: str, signature: tuple[tuple[str, int, int, int], ...]
) -> ir.Table:
    """A view over exactly these files, named by their content's signature so re-registering replaces it."""
    name = f"lake_{table}_{hashlib.sha1(repr(signature).encode()).hexdigest()[:16]}"
    paths = [path for path, *_ in signature]
    view = _view(engine, name, paths, _schema(table), base=base)
    return view.cast(PARTITION_COLUMNS).select(*TABLES[table].names, *PARTITION_COLUMNS)


def parquet_files(
    paths: Sequence[Path], schema: pa.Schema | None = None, engine: str | None = None
) -> ir.Table:
    """Parquet files written once and never changed (the parts of a published snapshot's table, a version
    of the public store's) as one table on the engine, registered once per process; typed by `schema`, or
    by the first file's own schema."""
    listed = tuple(str(path) for path in paths)
    return _registered_files(engine or config.engine(), listed, schema or pq.read_schema(paths[0]))


@functools.lru_cache(maxsize=_REGISTRATIONS_KEPT)
def _registered_files(engine: str, paths: tuple[str, ...], schema: pa.Schema) -> ir.Table:
    name = f"file_{hashlib.sha1(repr(paths).encode()).hexdigest()[:16]}"
    return _view(engine, name, list(paths), schema)


def _view(engine: str, name: str, paths: list[str], schema: pa.Schema, base: str | None = None) -> ir.Table:
    """A view named `name` over Parquet `paths`; with `base`, a partitioned folder whose partition columns
    are read from the paths below it."""
    with _query_lock:
        if engine == "spark":
            return _spark_view(name, paths, base)
        return _duckdb_view(name, paths, schema, base)


def _spark_view(name: str, paths: list[str], base: str | None) -> ir.Table:
    reader = _spark_session().read
    if base is not None:
        reader = reader.option("basePath", base)
    reader.parquet(*paths).createOrReplaceTempView(name)
    return backend("spark").table(name)


def _duckdb_view(name: str, paths: list[str], schema: pa.Schema, base: str | None) -> ir.Table:
    """The view is typed by `schema` (the partition columns by `hive_types`), so Ibis is told its schema
    rather than asking DuckDB for it: one query fewer per registration, and it avoids the ibis DuckDB
    backend's `DESCRIBE` path, which calls DuckDB's deprecated `fetch_arrow_table`."""
    target = backend("duckdb")
    listed = ", ".join(_sql_string(path) for path in paths)
    options = ""
    if base is not None:
        to_duckdb = target.compiler.type_mapper.to_string
        hive_types = ", ".join(
            f"{column}: '{to_duckdb(ibis.dtype(kind))}'" for column, kind in PARTITION_COLUMNS.items()
        )
        options = f", hive_partitioning = true, hive_types = {{{hive_types}}}"
    target.raw_sql(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet([{listed}]{options})")
    return ops.DatabaseTable(name, schema=ibis.schema(schema), source=target).to_expr()


def _schema(table: str) -> pa.Schema:
    """A lake table's columns followed by its partition columns."""
    return pa.schema([*TABLES[table], *ibis.schema(PARTITION_COLUMNS).to_pyarrow()])


@functools.cache
def _empty(table: str) -> ir.Table:
    return ibis.memtable(_schema(table).empty_table())


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
