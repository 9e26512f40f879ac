"""Publishing comparators: every school's counts per period and cell, and who each comparator holds.

Schools are measured a batch at a time, and each batch's counts are written to the snapshot's files as they
come, so memory stays bounded however many schools there are (the format is `snapshot.SCHEMAS`). Similar
schools are found from each school's profile (`similar`). A snapshot is written in a hidden folder and
renamed into place once whole, so readers never see half of one and a failed publish leaves nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.sessions import enrolment_sessions, enrolment_tallies, group_totals
from rollbook.analytics.comparators.similar import FEATURES, SIMILAR_SCHOOLS, nearest_schools
from rollbook.analytics.comparators.snapshot import CELL, SCHEMAS, WEEKDAY, Manifest, Suppression
from rollbook.lake import Lake
from rollbook.rules.calendar import HALF_TERM_NAMES, TERM_NAMES, SchoolCalendar
from rollbook.rules.characteristics import WITH_SEN
from rollbook.rules.periods import Period, term_so_far, year_to_date
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: Schools measured per query when publishing: about 1.5 GB at the peak for secondary schools.
PUBLISH_BATCH = 250


@dataclass(frozen=True)
class SchoolFacts:
    """What the publisher knows of a school beyond the lake: where it is, and its own term dates."""

    urn: int
    la_code: int
    local_authority: str
    region: str
    calendar: SchoolCalendar
    prior_attainment: float | None = None


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
    # To the microsecond: two publishes within one second (a schedule and a "publish now") are two snapshots.
    final = out / now.strftime("%Y%m%dT%H%M%S%f")
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
    schema = SCHEMAS[table]
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
            sen=pupils.sen.isin([str(provision) for provision in WITH_SEN]).cast("int32").sum(),
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


def _table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


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
            table: stack.enter_context(pq.ParquetWriter(folder / f"{table}.parquet", SCHEMAS[table]))
            for table in tables
        }
