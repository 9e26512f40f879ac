"""Published comparators: national, regional, local-authority and similar-school attendance.

A snapshot holds every school's counts per period and per cell (year group × sex × FSM6 × SEND), and the
schools that make up each comparator. Counts add up across schools and cells (enrolments sit in exactly one
cell, and persistent absence is decided per enrolment before summing), so any comparator under any filter
is a sum over its schools' cells, turned into rates by the same rules as a school's own figures.

A snapshot is a folder written once under `snapshots/<published>/` and never changed; reports read the
latest. Similar schools: each school's `SIMILAR_SCHOOLS` nearest others by Euclidean distance over
standardised (z-scored) FSM6 %, EAL %, SEN % and number on roll, and prior attainment where held.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import math
import os
import shutil
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import ibis
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.sessions import enrolment_sessions, enrolment_tallies, group_totals
from rollbook.analytics.filters import Filters, accepted_values
from rollbook.lake import Lake
from rollbook.rules.attendance.codes import CATEGORY_OF, NOT_POSSIBLE
from rollbook.rules.attendance.measures import Tally, from_totals, rate
from rollbook.rules.calendar import HALF_TERM_NAMES, TERM_NAMES, SchoolCalendar
from rollbook.rules.periods import Period, term_so_far, year_to_date
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: The cell every figure is published by; filters on group reports choose among these.
CELL = ("nc_year", "sex", "fsm6", "sen")
#: Year-to-date figures are also published by weekday and session (kind "weekday").
WEEKDAY = ("weekday", "session")
COUNTS = (
    "pupils",
    "present",
    "aea",
    "authorised",
    "unauthorised",
    "persistent_absentees",
    "severe_absentees",
)
SIMILAR_SCHOOLS = 20
#: Schools measured per query when publishing: about 1.5 GB at the peak for secondary schools.
PUBLISH_BATCH = 250
FEATURES = ("fsm6_pct", "eal_pct", "sen_pct", "pupils_on_roll")


@dataclass(frozen=True)
class SchoolFacts:
    """What the publisher knows of a school beyond the lake: where it is, and its own term dates."""

    urn: int
    la_code: int
    local_authority: str
    region: str
    calendar: SchoolCalendar
    prior_attainment: float | None = None


@dataclass(frozen=True)
class Suppression:
    """A comparator is shown only when built from at least this many schools and pupils."""

    min_schools: int = 5
    min_pupils: int = 30

    @classmethod
    def from_environment(cls) -> Suppression:
        return cls(
            int(os.environ.get("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", cls.min_schools)),
            int(os.environ.get("ROLLBOOK_MIN_COMPARATOR_PUPILS", cls.min_pupils)),
        )


@dataclass(frozen=True)
class Manifest:
    academic_year: int
    as_of: str
    published: str
    schools: int
    similar_schools: int
    features: tuple[str, ...]
    suppression: dict[str, int] = field(default_factory=dict)


def snapshots_root(data_dir: Path) -> Path:
    return data_dir / "snapshots"


def publish(
    lake: Lake,
    out: Path,
    schools: Sequence[SchoolFacts],
    academic_year: int,
    as_of: dt.date,
    *,
    now: dt.datetime | None = None,
    suppression: Suppression | None = None,
    progress: Callable[[int, int], None] | None = None,
    engine: str | None = None,
    batch: int = PUBLISH_BATCH,
) -> Path:
    """Compute and write a snapshot of `schools` for `academic_year` up to `as_of`; returns its folder.

    Schools are measured `batch` at a time and each batch's counts written as they come, so memory stays
    bounded however many schools there are; every count belongs to one school, so batches add up exactly.
    """
    now = now or dt.datetime.now(dt.UTC)
    suppression = suppression or Suppression.from_environment()
    held = set(lake.schools())
    schools = [school for school in schools if school.urn in held]
    queries = [
        query
        for calendar, urns in _by_calendar(schools).items()
        for first in range(0, len(urns), batch)
        for query in _queries(lake, urns[first : first + batch], calendar, as_of, engine)
    ]
    final = out / now.strftime("%Y%m%dT%H%M%S")
    with _writing(final) as folder:
        with _parquet_writers(folder, ("cells", "reasons")) as writers:
            for done, (table, query) in enumerate(queries, start=1):
                writers[table].write_table(_as_published(engines.arrow(query, engine), table))
                if progress is not None:
                    progress(done, len(queries))
        profiles = school_profiles(lake, [school.urn for school in schools], academic_year, engine)
        pq.write_table(_table("members", _members(schools, profiles)), folder / "members.parquet")
        pq.write_table(_table("profiles", profiles), folder / "profiles.parquet")
        manifest = Manifest(
            academic_year,
            as_of.isoformat(),
            now.isoformat(timespec="seconds"),
            len(schools),
            SIMILAR_SCHOOLS,
            FEATURES,
            asdict(suppression),
        )
        (folder / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2))
    return final


def _by_calendar(schools: Sequence[SchoolFacts]) -> dict[SchoolCalendar, list[int]]:
    """Schools sharing term dates are measured together, in the same few queries."""
    groups: dict[SchoolCalendar, list[int]] = {}
    for school in schools:
        groups.setdefault(school.calendar, []).append(school.urn)
    return groups


def _periods(calendar: SchoolCalendar, as_of: dt.date) -> list[tuple[str, str, Period]]:
    """Year to date and each half-term and term begun by `as_of`, cut at `as_of`; and every week of the
    year to date (kind "week") and the year to date by weekday and session (kind "weekday")."""
    ytd = year_to_date(calendar.academic_year, as_of)
    periods = [("year", "year_to_date", ytd), ("week", "", ytd), ("weekday", "year_to_date", ytd)]
    for kind, names in (("half_term", HALF_TERM_NAMES), ("term", TERM_NAMES)):
        for name in names:
            if calendar.named(name).start <= as_of:
                periods.append((kind, name, term_so_far(calendar, name, as_of)))
    return periods


def _queries(
    lake: Lake, urns: list[int], calendar: SchoolCalendar, as_of: dt.date, engine: str | None
) -> list[tuple[str, ir.Table]]:
    """The queries for schools sharing `calendar`, each with the snapshot table it fills.

    Each reads the marks once for every period. Cells tally each enrolment's sessions per week (split where
    a half-term or term begins or ends within the week) and sum the weeks into each week, half-term, term
    and the year to date, so persistent and severe absence are still tested on the enrolment's own sessions
    in the period; reasons sum sessions per code the same way, per cell, as they need no enrolment. The year
    to date by weekday and session has no reasons: they would multiply the snapshot for little use.
    """
    periods = _periods(calendar, as_of)
    sessions = enrolment_sessions(lake, urns, year_to_date(calendar.academic_year, as_of), engine=engine)
    sessions = sessions.mutate(
        **{kind: _named_period(sessions.date, periods, kind) for kind in ("half_term", "term")}
    )
    weeks = ("school", *CELL, "week_commencing", "half_term", "term")
    weekly = _in_periods(enrolment_tallies(sessions, weeks))
    weekly_codes = _in_periods(sessions.group_by([*weeks, "code"]).aggregate(sessions=sessions.count()))
    by = ("kind", "period", "school", *CELL)
    weekdays = ("school", *CELL, *WEEKDAY)
    by_weekday = group_totals(enrolment_tallies(sessions, weekdays), weekdays)
    return [
        ("cells", group_totals(enrolment_tallies(weekly, by), by)),
        ("cells", by_weekday.mutate(kind=ibis.literal("weekday"), period=ibis.literal("year_to_date"))),
        ("reasons", weekly_codes.group_by([*by, "code"]).aggregate(sessions=weekly_codes.sessions.sum())),
    ]


def _named_period(date: ir.DateValue, periods: list[tuple[str, str, Period]], kind: str) -> ir.StringValue:
    """The name of the period of `kind` holding `date`, or null (periods of one kind never overlap)."""
    branches = [(date.between(period.start, period.end), name) for k, name, period in periods if k == kind]
    return ibis.cases(*branches) if branches else ibis.null("string")


def _in_periods(weekly: ir.Table) -> ir.Table:
    """Weekly rows once for each period holding them, under its kind and name: the week (by its Monday),
    its half-term and term when it is in one, and the year to date."""
    names = {
        "week": weekly.week_commencing.strftime("%Y-%m-%d"),
        "half_term": weekly.half_term,
        "term": weekly.term,
        "year": ibis.literal("year_to_date"),
    }
    copies = [weekly.mutate(kind=ibis.literal(kind), period=name) for kind, name in names.items()]
    return ibis.union(*(copy.filter(copy.period.notnull()) for copy in copies))


def _as_published(counts: pa.Table, table: str) -> pa.Table:
    """Counts from the engine in the snapshot table's columns and types; columns it lacks are null."""
    schema = _SCHEMAS[table]
    arrays = [
        counts[field.name].cast(field.type) if field.name in counts.column_names
        else pa.nulls(counts.num_rows, field.type)
        for field in schema
    ]  # fmt: skip
    return pa.Table.from_arrays(arrays, schema=schema)


def school_profiles(
    lake: Lake, urns: Collection[int], academic_year: int, engine: str | None = None
) -> list[dict[str, object]]:
    """Each school's FSM6, EAL and SEN percentages and number on roll (Reception to Year 11, as measured)."""
    if not urns:
        return []
    pupils = engines.pupils(lake, urns, [academic_year], engine)
    pupils = pupils.filter(pupils.nc_year.isin(SESSION_MEASURE_YEARS))
    rows = engines.run(
        pupils.group_by("school")
        .aggregate(
            pupils_on_roll=pupils.count(),
            fsm6=pupils.fsm6.cast("int32").sum(),
            eal=pupils.eal.cast("int32").sum(),
            sen=pupils.sen.isin(["K", "E"]).cast("int32").sum(),
        )
        .order_by("school"),
        engine,
    )
    return [
        {
            "school": row["school"],
            "pupils_on_roll": row["pupils_on_roll"],
            "fsm6_pct": 100 * (row["fsm6"] or 0) / row["pupils_on_roll"],
            "eal_pct": 100 * (row["eal"] or 0) / row["pupils_on_roll"],
            "sen_pct": 100 * (row["sen"] or 0) / row["pupils_on_roll"],
        }
        for row in rows
    ]


def nearest_schools(profiles: Sequence[dict], features: Sequence[str], k: int) -> dict[int, list[int]]:
    """Each school's `k` nearest other schools over z-scored `features` (ties broken by URN)."""
    if len(profiles) < 2:
        return {row["school"]: [] for row in profiles}
    values = np.array([[float(row[name]) for name in features] for row in profiles])
    spread = values.std(axis=0)
    scores = (values - values.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    distances = np.sqrt(((scores[:, None, :] - scores[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(distances, math.inf)
    urns = np.array([row["school"] for row in profiles])
    order = np.lexsort((np.broadcast_to(urns, distances.shape), distances), axis=1)
    nearest = order[:, : min(k, len(profiles) - 1)]  # never the school itself, last at infinite distance
    return {int(urns[i]): [int(urn) for urn in urns[nearest[i]]] for i in range(len(profiles))}


def _members(schools: Sequence[SchoolFacts], profiles: list[dict]) -> list[dict[str, object]]:
    """Rows of (comparator kind, comparator name, member school) for every comparator in the snapshot."""
    rows = []
    for school in schools:
        rows.append({"comparator": "national", "name": "England", "school": school.urn})
        if school.region:  # a school whose region is not known joins no regional comparator
            rows.append({"comparator": "region", "name": school.region, "school": school.urn})
        rows.append({"comparator": "local_authority", "name": str(school.la_code), "school": school.urn})
    attainment = {school.urn: school.prior_attainment for school in schools}
    features = list(FEATURES)
    if all(attainment[row["school"]] is not None for row in profiles) and profiles:
        profiles = [{**row, "prior_attainment": attainment[row["school"]]} for row in profiles]
        features.append("prior_attainment")
    for urn, similar in nearest_schools(profiles, features, SIMILAR_SCHOOLS).items():
        rows += [{"comparator": "similar", "name": str(urn), "school": other} for other in similar]
    return rows


#: The columns that place a count: its period, school and cell.
_KEY_FIELDS = (
    ("kind", pa.string()),
    ("period", pa.string()),
    ("school", pa.int64()),
    ("nc_year", pa.int8()),
    ("sex", pa.string()),
    ("fsm6", pa.bool_()),
    ("sen", pa.string()),
)
_SCHEMAS = {
    "cells": pa.schema(
        [
            *_KEY_FIELDS,
            *((name, pa.int64()) for name in COUNTS),
            ("weekday", pa.int8()),
            ("session", pa.string()),
        ]
    ),
    "reasons": pa.schema(
        [
            *_KEY_FIELDS,
            ("code", pa.string()),
            ("sessions", pa.int64()),
        ]
    ),
    "members": pa.schema([("comparator", pa.string()), ("name", pa.string()), ("school", pa.int64())]),
    "profiles": pa.schema(
        [
            ("school", pa.int64()),
            ("pupils_on_roll", pa.int64()),
            ("fsm6_pct", pa.float64()),
            ("eal_pct", pa.float64()),
            ("sen_pct", pa.float64()),
        ]
    ),
}


def _table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=_SCHEMAS[name])


@contextlib.contextmanager
def _writing(final: Path) -> Iterator[Path]:
    """A folder beside the snapshot's final name, renamed into place once whole: readers never see half of
    a snapshot, and a publish that fails leaves nothing behind."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():
        raise FileExistsError(
            f"a snapshot published at {final.name} already exists; snapshots are never changed"
        )
    partial = final.parent / f".{final.name}.partial"
    partial.mkdir()  # refuses a second publish in the same second at once
    try:
        yield partial
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


@contextlib.contextmanager
def _parquet_writers(folder: Path, tables: Sequence[str]) -> Iterator[dict[str, pq.ParquetWriter]]:
    """A Parquet file per table, written a batch at a time; a table given no rows is still written, empty."""
    with contextlib.ExitStack() as stack:
        yield {
            table: stack.enter_context(pq.ParquetWriter(folder / f"{table}.parquet", _SCHEMAS[table]))
            for table in tables
        }


# Reading


@dataclass(frozen=True)
class Snapshot:
    path: Path
    manifest: Manifest

    @classmethod
    def latest(cls, out: Path) -> Snapshot | None:
        """The most recently published snapshot, or None before the first publish."""
        names = sorted(os.listdir(out), reverse=True) if out.is_dir() else []
        for name in names:  # newest first: a half-written or hidden folder has no manifest or no digit
            if name[:1].isdigit() and "T" in name and (out / name / "manifest.json").exists():
                return cls._read(out / name)
        return None

    @classmethod
    @functools.lru_cache(maxsize=8)
    def _read(cls, folder: Path) -> Snapshot:
        """Read once: a snapshot is never changed, and every report page asks for the latest."""
        data = json.loads((folder / "manifest.json").read_text())
        return cls(folder, Manifest(**{**data, "features": tuple(data["features"])}))

    def comparators_of(self, school: int) -> list[tuple[str, str]]:
        """The (kind, name) of each comparator the school is set beside, national first."""
        rows = self._query(
            "SELECT comparator, name FROM members WHERE school = ? AND comparator != 'similar' "
            "ORDER BY CASE comparator WHEN 'national' THEN 0 WHEN 'region' THEN 1 ELSE 2 END",
            [school],
        )
        return [*rows, ("similar", str(school))]

    def figures(
        self,
        comparator: str,
        name: str,
        kind: str,
        period: str | None,
        filters: Filters = Filters(),
        by: Sequence[str] = (),
    ) -> list[dict[str, object]]:
        """A comparator's summary for one published period, under `filters`, per group of `by` (cells only).
        With `period` None, every period of `kind` at once, each row naming its `period`.

        Each row carries `schools` (how many schools contributed) and, when the comparator is too small to
        show, `suppressed` with the reason; its figures are then None.
        """
        unknown = set(by) - set(CELL) - set(WEEKDAY)
        if unknown:
            published = ", ".join((*CELL, *WEEKDAY))
            raise ValueError(f"comparators are published by {published} only, not {', '.join(unknown)}")
        if kind == "weekday" and not set(WEEKDAY) <= set(by):
            raise ValueError(
                "weekday figures count each pupil once per session: group them by weekday and session"
            )
        where, parameters = _filter_sql(filters)
        if period is None:
            by = ("period", *by)
        else:
            where, parameters = f" AND c.period = ? {where}", [period, *parameters]
        groups = ", ".join(f"c.{column}" for column in by)
        rows = self._query(
            # A school counts towards the minimum only where it has pupils: cells of marks that are not
            # possible sessions alone must not make one school's figures look like five schools'.
            f"""SELECT {groups + "," if by else ""}
                   count(DISTINCT c.school) FILTER (WHERE c.pupils > 0) AS schools,
                   {", ".join(f"sum({count})::BIGINT AS {count}" for count in COUNTS)}
                FROM cells c JOIN members m ON c.school = m.school
                WHERE m.comparator = ? AND m.name = ? AND c.kind = ? {where}
                {"GROUP BY " + groups + " ORDER BY " + groups if by else ""}""",
            [comparator, name, kind, *parameters],
        )
        columns = [*by, "schools", *COUNTS]
        return [self._summary(dict(zip(columns, row, strict=True)), by) for row in rows]

    def reasons(
        self, comparator: str, name: str, kind: str, period: str, filters: Filters = Filters()
    ) -> list[dict[str, object]]:
        """Sessions per register code for a comparator, with the rate by reason over its possible sessions;
        empty when the comparator is suppressed."""
        (overall,) = self.figures(comparator, name, kind, period, filters)
        if overall["suppressed"]:
            return []
        where, parameters = _filter_sql(filters)
        rows = self._query(
            f"""SELECT c.code, sum(c.sessions)::BIGINT FROM reasons c JOIN members m ON c.school = m.school
                WHERE m.comparator = ? AND m.name = ? AND c.kind = ? AND c.period = ? {where}
                GROUP BY c.code ORDER BY c.code""",
            [comparator, name, kind, period, *parameters],
        )
        possible = overall["possible_sessions"]
        return [
            {
                "code": code,
                "sessions": sessions,
                "rate": rate(sessions, possible) if CATEGORY_OF[code] is not NOT_POSSIBLE else None,
            }
            for code, sessions in rows
        ]

    def _summary(self, row: dict, by: Sequence[str]) -> dict[str, object]:
        counts = {name: int(row[name] or 0) for name in COUNTS}
        total = Tally(counts["present"], counts["aea"], counts["authorised"], counts["unauthorised"])
        figures = from_totals(
            total, counts["pupils"], counts["persistent_absentees"], counts["severe_absentees"]
        )
        limits = self.manifest.suppression
        reason = None
        if row["schools"] < limits["min_schools"]:
            reason = f"built from {row['schools']} schools; comparators need at least {limits['min_schools']}"
        elif counts["pupils"] < limits["min_pupils"]:
            reason = f"built from {counts['pupils']} pupils; comparators need at least {limits['min_pupils']}"
        if reason:
            figures = dict.fromkeys(figures)
        return {
            **{column: row[column] for column in by},
            "schools": row["schools"],
            "suppressed": reason,
            **figures,
        }

    def _query(self, sql: str, parameters: list) -> list[tuple]:
        # A cursor per query: its own connection to the snapshot's shared database, safe across threads.
        with _database(self.path).cursor() as cursor:
            return cursor.execute(sql, parameters).fetchall()


@functools.lru_cache(maxsize=4)
def _database(path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with views over one snapshot's files, opened once: snapshots never change."""
    connection = duckdb.connect()
    for table in ("cells", "reasons", "members"):
        source = str(path / f"{table}.parquet").replace("'", "''")
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{source}')")
    return connection


def _filter_sql(filters: Filters) -> tuple[str, list]:
    """SQL conditions for `filters`; a filter comparators are not published by is refused, never dropped."""
    columns = filters.by_column()
    unpublished = set(columns) - set(CELL)
    if unpublished:
        raise ValueError(f"comparators cannot be filtered by {', '.join(sorted(unpublished))}")
    clauses, parameters = [], []
    for column, accepted in columns.items():
        values = accepted_values(accepted)
        clauses.append(f"c.{column} IN ({', '.join('?' * len(values))})")
        parameters += values
    return "".join(f" AND {clause}" for clause in clauses), parameters
