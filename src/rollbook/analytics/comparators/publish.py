"""Publishing comparators: every school's counts per period and cell, and who each comparator holds.

Schools are measured a batch at a time, and each batch's counts are written to the snapshot's files as they
come, so memory stays bounded however many schools there are (the format is `snapshot.SCHEMAS`). Similar
schools are found from each school's profile (`similar`). A snapshot is written in a hidden folder and
renamed into place once whole, so readers never see half of one and a failed publish leaves nothing.

Publishing builds on the year's latest snapshot. Beside it, `inputs.json` keeps what each school's counts
depend on (`inputs`), and the lake keeps each enrolment's tallies in the periods still open (`tallies`).
A school unchanged since has its rows taken from the old snapshot; a school whose only change is new days
has just those days read, added to its kept tallies, and the periods holding them summed again; any other
school is measured whole. Either way the snapshot is a full rebuild's row for row. Cells, reasons and
tallies are written in parts of a few hundred schools (`lake.parts`), and a part whose schools are all
unchanged is linked, not copied. Comparator membership is always worked out afresh.
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
import pyarrow.compute as pc
import pyarrow.parquet as pq

from rollbook.analytics import engine as engines
from rollbook.analytics.attendance.sessions import (
    ENROLMENT,
    TALLIED,
    academic_years_in,
    group_totals,
    on_roll,
)
from rollbook.analytics.comparators import tallies
from rollbook.analytics.comparators.inputs import Inputs, compared
from rollbook.analytics.comparators.similar import FEATURES, SIMILAR_SCHOOLS, nearest_schools
from rollbook.analytics.comparators.snapshot import (
    BUCKETED,
    CELL,
    INPUTS_FILE,
    SCHEMAS,
    Manifest,
    Snapshot,
    Suppression,
    bucket,
)
from rollbook.lake import Lake
from rollbook.lake.parts import Parts, described, rows_of
from rollbook.rules.calendar import HALF_TERM_NAMES, TERM_NAMES, SchoolCalendar
from rollbook.rules.characteristics import WITH_SEN
from rollbook.rules.periods import Period, term_so_far, year_to_date
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: Schools measured per query when publishing, and the most marks one query takes (a batch stops short of
#: them): the query holds its sessions in memory, about 70 bytes a mark.
PUBLISH_BATCH = 250
PUBLISH_MARKS = 15_000_000
#: Schools with only new days are read this many at a time: few marks each, so fewer, larger queries.
ADDED_BATCH = 1_000

#: The columns of a reason, of a tally, and of the one query per batch: a cell's, a reason's and a tally's,
#: a reason's `code` set, a tally's `enrolment`, a cell's neither.
_REASON, _TALLY = dict(ibis.schema(SCHEMAS["reasons"])), dict(ibis.schema(tallies.SCHEMA))
_UNION = {**ibis.schema(SCHEMAS["cells"]), **_REASON, **_TALLY}
#: The buckets of kept tallies (`_by_weekday`), and the periods of the year to date by weekday.
_WEEKDAY_BUCKETS = tuple(f"weekday-{day}" for day in range(7))
_TALLY_BUCKETS = pa.array(["periods", *_WEEKDAY_BUCKETS])
_WEEKDAY_TALLIES = tallies.Periods(weekdays=frozenset(range(7)))
#: A week's part between two periods (a half-term and term by number, the week by its `period_id`).
_SEGMENT = ("half_term_number", "term_number", "week")
#: DuckDB 2.0 pushes a partial aggregate of the tallies, by enrolment and period, below their join to the
#: pupils for the cells: the tallies are one row per enrolment and period already, so it is a second hash
#: aggregate of millions of groups for nothing (1.3 to 2 CPU s of 10 in a 1,000-school batch's new day).
_DUCKDB_RULES_LEFT_OUT = ("partial_aggregate_pushdown",)
#: The tables each batch's query writes, and their columns.
_WRITTEN = {"cells": SCHEMAS["cells"], "reasons": SCHEMAS["reasons"], "tallies": tallies.SCHEMA}


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
    full: bool = False,
) -> Path:
    """Compute and write a snapshot of `schools` for `academic_year` up to `as_of`; returns its folder.

    Schools are measured `batch` at a time (fewer when their marks pass `PUBLISH_MARKS`) and each batch's
    counts written as they come, so memory stays bounded however many schools and days there are; every
    count belongs to one school, so batches add up exactly. Unless `full`, the year's latest snapshot in
    `out` is built on: the rows of schools unchanged since are taken from it, linked or copied, and schools
    with only new days have those days added to their kept tallies (the manifest's `schools_read` and
    `schools_added_to` say how many of each).
    """
    now = now or dt.datetime.now(dt.UTC)
    suppression = suppression or Suppression.from_environment()
    held = set(lake.schools())
    schools = [school for school in schools if school.urn in held]
    # Taken before reading the lake: a school written while publishing is measured again next time.
    inputs = {school.urn: Inputs.of(lake, school.urn, school.calendar) for school in schools}
    kept_in = tallies.folder(lake, out, academic_year)
    previous = None if full else Snapshot.latest(out, academic_year)
    unchanged, new_days = compared(previous, inputs, as_of) if previous else (set(), set())
    kept_parts, tallied = tallies.kept(kept_in, previous.path.name) if previous else ([], set())
    new_days &= tallied  # and the others, no longer tallied (an erasure), are measured whole
    measured = [school for school in schools if school.urn not in unchanged | new_days]
    queries: list[tuple[list[int], SchoolCalendar, _Before | None]] = [
        (urns, calendar, None)
        for calendar, group in _by_calendar(measured).items()
        for urns in _batches(lake, group, academic_year, batch)
    ]
    touched: dict[str, set[str]] = {}
    if previous is not None and new_days:
        added_to = _by_calendar([school for school in schools if school.urn in new_days])
        touched = _buckets_holding(added_to, previous.as_of, as_of)
        before = _Before.of(previous, kept_parts, touched)
        queries += [
            (urns, calendar, before)
            for calendar, group in added_to.items()
            for urns in (group[start : start + ADDED_BATCH] for start in range(0, len(group), ADDED_BATCH))
        ]
    # To the microsecond: two publishes within one second (a schedule and a "publish now") are two snapshots.
    final = out / now.strftime("%Y%m%dT%H%M%S%f")
    with _writing(final) as folder, _writing(kept_in / final.name) as kept_folder:
        parts = {
            "cells": Parts(folder / "cells", _WRITTEN["cells"], final.name, _by_period),
            "reasons": Parts(folder / "reasons", _WRITTEN["reasons"], final.name, _by_period),
            "tallies": Parts(kept_folder, _WRITTEN["tallies"], final.name, _by_weekday),
        }
        with parts["cells"], parts["reasons"], parts["tallies"]:
            if previous is not None:

                def taken(held: str | None, table: str) -> set[int]:
                    """The schools whose rows in a part of bucket `held` are taken as they are."""
                    return unchanged | (set() if held in touched.get(table, ()) else new_days)

                for table in ("cells", "reasons"):
                    parts[table].carry(previous.files(table), lambda held, t=table: taken(held, t))
                if as_of >= previous.as_of:  # backwards, more periods are still open than were kept
                    parts["tallies"].carry(kept_parts, lambda held: taken(held, "tallies"))
            for done, (urns, calendar, before) in enumerate(queries, start=1):
                for table, rows in _counted(lake, urns, calendar, as_of, engine, before).items():
                    parts[table].write(rows, urns)
                if progress is not None:
                    progress(done, len(queries))
        profiles = school_profiles(lake, [school.urn for school in measured], academic_year, engine)
        carried = (
            rows_of(previous.path / "profiles.parquet", SCHEMAS["profiles"], unchanged | new_days)
            if previous else ()
        )  # fmt: skip
        profiles = sorted(
            [*profiles, *(row for rows in carried for row in rows.to_pylist())], key=lambda row: row["school"]
        )
        pq.write_table(_table("members", _members(schools, profiles)), folder / "members.parquet")
        pq.write_table(_table("profiles", profiles), folder / "profiles.parquet")
        kept = {str(urn): held.kept(as_of) for urn, held in inputs.items()}
        (folder / INPUTS_FILE).write_text(json.dumps(kept))
        manifest = Manifest(
            academic_year,
            as_of.isoformat(),
            now.isoformat(timespec="seconds"),
            len(schools),
            SIMILAR_SCHOOLS,
            FEATURES,
            asdict(suppression),
            schools_read=len(measured),
            copied_from=previous.path.name if (unchanged or new_days) and previous else None,
            schools_added_to=len(new_days),
        )
        (folder / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2))
    tallies.forget_all_but(kept_in, final.name)
    return final


@dataclass(frozen=True)
class _Before:
    """The snapshot a publish adds new days to, the parts of its cells and reasons and of the tallies kept
    with it (each with the schools it holds and its bucket, from its footer), and the buckets of each table
    that the new days fall in (`_buckets_holding`): parts of the other buckets are linked, never read."""

    snapshot: Snapshot
    parts: dict[str, list[tuple[Path, set[int] | None, str | None]]]
    touched: dict[str, set[str]]

    @classmethod
    def of(cls, snapshot: Snapshot, kept: list[Path], touched: dict[str, set[str]]) -> _Before:
        held = {"cells": snapshot.files("cells"), "reasons": snapshot.files("reasons"), "tallies": kept}
        parts = {name: [(path, *described(path)) for path in paths] for name, paths in held.items()}
        return cls(snapshot, parts, touched)

    def tables(self, urns: list[int], engine: str | None) -> dict[str, ir.Table]:
        """Its cells and reasons, and the tallies kept, of `urns`, on the engine: read from the parts of the
        buckets new days fall in that hold any of `urns` (if none does, from one part, to find no rows:
        the query takes only rows of those buckets)."""
        wanted = set(urns)
        tables = {}
        for name, parts in self.parts.items():
            chosen = [  # a part of no bucket or of no schools named (written before either) may hold any
                path
                for path, schools, held in parts
                if held in (None, *self.touched[name]) and (schools is None or schools & wanted)
            ]
            rows = engines.parquet_files(chosen or [parts[0][0]], _WRITTEN[name], engine)
            tables[name] = rows.filter(rows.school.isin(urns))
        return tables


def _by_period(rows: pa.Table) -> pa.Array:
    """Each of a snapshot's rows' bucket (`snapshot.bucket`): every week, half-term and term its own, linked
    as it is once no new day falls in it; the year to date and the weekday figures one, summed again with
    every new day."""
    named = pc.binary_join_element_wise(rows["kind"], rows["period"], "-")
    return pc.if_else(pc.is_in(rows["kind"], pa.array(BUCKETED)), named, "year")


def _by_weekday(rows: pa.Table) -> pa.Array:
    """Kept tallies by weekday and session are a bucket a weekday, linked on the other days of the week;
    the rest are one bucket."""
    ids = rows["period_id"]
    after_sunday = tallies.weekday_id(7, afternoon=False)
    on_weekday = pc.and_(pc.greater_equal(ids, tallies.WEEKDAY_IDS), pc.less(ids, after_sunday))
    weekday = pc.divide(pc.subtract(ids, tallies.WEEKDAY_IDS), 2)
    return pc.take(_TALLY_BUCKETS, pc.if_else(on_weekday, pc.add(weekday, 1), 0))


def _buckets_holding(
    calendars: Collection[SchoolCalendar], since: dt.date, as_of: dt.date
) -> dict[str, set[str]]:
    """The buckets of each table that new days after `since`, to `as_of`, fall in at any of `calendars`."""
    cells, weekdays = {bucket("year", None)}, set()
    for calendar in calendars:
        held = tallies.Periods.holding(calendar, since, as_of)
        cells |= {bucket("week", monday) for monday in held.mondays()}
        cells |= {bucket("half_term", HALF_TERM_NAMES[number]) for number in held.half_terms}
        cells |= {bucket("term", TERM_NAMES[number]) for number in held.terms}
        weekdays |= {_WEEKDAY_BUCKETS[day] for day in held.weekdays}
    return {"cells": cells, "reasons": cells, "tallies": {"periods", *weekdays}}


def _by_calendar(schools: Sequence[SchoolFacts]) -> dict[SchoolCalendar, list[int]]:
    """Schools sharing term dates are measured together, in the same few queries."""
    groups: dict[SchoolCalendar, list[int]] = {}
    for school in schools:
        groups.setdefault(school.calendar, []).append(school.urn)
    return groups


def _batches(lake: Lake, urns: list[int], academic_year: int, most: int) -> Iterator[list[int]]:
    """`urns` in batches of at most `most` schools and, unless one school alone has more, `PUBLISH_MARKS`
    marks (counted from the files' footers): a query holds its batch's sessions in memory."""
    batch: list[int] = []
    marks = 0
    for urn in urns:
        held = sum(pq.read_metadata(path).num_rows for path in lake.files("marks", [academic_year], [urn]))
        if batch and (len(batch) == most or marks + held > PUBLISH_MARKS):
            yield batch
            batch, marks = [], 0
        batch.append(urn)
        marks += held
    if batch:
        yield batch


def _periods(calendar: SchoolCalendar, as_of: dt.date) -> list[tuple[str, str, Period]]:
    """Year to date and each half-term and term begun by `as_of`, cut at `as_of`; and every week of the
    year to date (kind "week") and the year to date by weekday and session (kind "weekday")."""
    ytd = year_to_date(calendar.academic_year, as_of)
    periods = [("year", "year_to_date", ytd), ("week", "", ytd), ("weekday", "year_to_date", ytd)]
    periods += [
        (kind, name, term_so_far(calendar, name, as_of)) for kind, _, name in tallies.begun(calendar, as_of)
    ]
    return periods


def _enrolments(lake: Lake, urns: list[int], ytd: Period, engine: str | None) -> ir.Table:
    """The pupils of `urns` in the years of `ytd`, each enrolment numbered (`tallies.ENROLMENTS_PER_SCHOOL`):
    the same numbers however often read, while the school's pupils are unchanged. A batch's query reads
    them three times, so they are computed once for it (`engines.computed_once`)."""
    pupils = engines.pupils(lake, urns, academic_years_in(ytd), engine)
    pupils = pupils.select(*ENROLMENT, *CELL, "admission_date", "leaving_date").mutate(
        place=ibis.row_number().over(group_by="school", order_by=list(ENROLMENT))
    )
    return pupils.mutate(
        enrolment=pupils.school.cast("int64") * tallies.ENROLMENTS_PER_SCHOOL + pupils.place
    ).drop("place")


def _query(
    lake: Lake,
    urns: list[int],
    pupils: ir.Table,
    calendar: SchoolCalendar,
    as_of: dt.date,
    engine: str | None,
    before: _Before | None = None,
) -> ir.Table:
    """The one query for schools `urns` sharing `calendar`, of their `pupils` (`_enrolments`): their cells,
    weekday cells, reasons and kept tallies together (see `_split`), all from one reading of the marks; or,
    `before` given, from their marks after its date and what it kept.

    Every grouping below is by enrolment number and by period numbers, not by UPNs and names; each
    enrolment's cell is joined back only to the summed tallies. The one per-enrolment tally is each
    enrolment's sessions per code in each week, split where a half-term or term begins or ends within the
    week. Its categories summed per enrolment and week, then into each week, half-term, term and the year to
    date, and per weekday and session into the year to date, are the enrolments' tallies; summed per cell
    (persistent and severe absence tested on each enrolment's own sessions in the period), the cells. Its
    codes summed per cell and week, then into each period, are the reasons (none by weekday: they would
    multiply the snapshot for little use). With new days, each enrolment's new tallies are added to its kept
    ones, the new reasons to the previous snapshot's, and only the periods holding a new day are summed
    again: the previous snapshot's rows of the others are taken as they were.
    """
    periods = _periods(calendar, as_of)
    ytd = year_to_date(calendar.academic_year, as_of)
    marks = engines.marks(lake, urns, academic_years_in(ytd), engine)
    since = None if before is None else before.snapshot.as_of
    read = ytd if since is None else Period(since + dt.timedelta(days=1), ytd.end, "new days")
    sessions = on_roll(pupils, marks, read)
    tallied = [str(category) for category in TALLIED]
    sessions = sessions.select(
        "enrolment", "code", *tallied,
        **{f"{kind}_number": _period_number(sessions.date, periods, kind) for kind in ("half_term", "term")},
        week=tallies.week_ids(sessions.date), session_id=tallies.session_ids(sessions.date, sessions.session),
    )  # fmt: skip
    tally = sessions.group_by("enrolment", "code", *tallied, *_SEGMENT).aggregate(sessions=sessions.count())
    weekly = tally.group_by("enrolment", *_SEGMENT).aggregate(
        **{category: (tally[category] * tally.sessions).sum() for category in tallied}
    )
    by_period = _in_periods(weekly)  # a week split between periods is two rows: summed again per period
    by_weekday = sessions.group_by("enrolment", period_id=sessions.session_id).aggregate(
        **{category: sessions[category].sum() for category in tallied}
    )
    enrolments = [_padded(by_period, _TALLY), _padded(by_weekday, _TALLY)]
    names = ibis.memtable(tallies.period_names(calendar, as_of))
    coded = _with_cells(tally, pupils)
    coded = coded.group_by("school", *CELL, *_SEGMENT, "code").aggregate(sessions=coded.sessions.sum())
    coded = _in_periods(coded)
    reasons = coded.group_by(["period_id", "school", *CELL, "code"])
    reasons = _named(reasons.aggregate(sessions=coded.sessions.sum()), names)
    carried: list[ir.Table] = []
    if before is not None:
        held = before.tables(urns, engine)
        summed = tallies.Periods.holding(calendar, since, as_of)
        kept = held["tallies"]  # by weekday, only the weekdays of new days: the others' parts are linked
        kept = kept.filter(~_WEEKDAY_TALLIES.numbered(kept) | summed.numbered(kept))
        # Of the buckets new days fall in, the periods without new days are taken as they were.
        carried = [
            rows.filter(_bucket(rows).isin(sorted(before.touched[name])) & ~summed.named(rows))
            for name, rows in held.items()
            if name != "tallies"
        ]
        old = held["reasons"].filter(summed.named(held["reasons"]))
        reasons = ibis.union(_padded(reasons, _REASON), _padded(old, _REASON))
        reasons = reasons.group_by([column for column in _REASON if column != "sessions"]).aggregate(
            sessions=reasons.sessions.sum()
        )
    enrolments = ibis.union(*enrolments)
    enrolments = enrolments.group_by(tallies.KEY).aggregate(
        **{category: enrolments[category].sum() for category in tallied}
    )
    if before is not None:
        enrolments = _added(kept, enrolments)
    counted = enrolments if before is None else enrolments.filter(summed.numbered(enrolments))
    cells = _named(group_totals(_with_cells(counted, pupils), ("period_id", "school", *CELL)), names)
    open_after = tallies.Periods.open_after(calendar, as_of)
    kept = enrolments.filter(open_after.numbered(enrolments)).mutate(
        school=(enrolments.enrolment // tallies.ENROLMENTS_PER_SCHOOL).cast("int64")
    )
    return ibis.union(*(_padded(table) for table in (cells, reasons, kept, *carried)))


def _added(kept: ir.Table, new: ir.Table) -> ir.Table:
    """Each enrolment's kept tallies with its new ones added. Both hold one row per enrolment and period, so
    they are joined on those rather than grouped together: at a batch's millions of tallies, a join costs a
    third of a grouping."""
    tallied = [name for name in new.columns if name not in tallies.KEY]
    both = kept.select(*new.columns).outer_join(new, list(tallies.KEY))
    return both.select(
        **{key: both[key].coalesce(both[f"{key}_right"]) for key in tallies.KEY},
        **{name: both[name].coalesce(0) + both[f"{name}_right"].coalesce(0) for name in tallied},
    )


def _bucket(rows: ir.Table) -> ir.StringValue:
    """`_by_period`, on the engine."""
    named = rows.kind.concat("-", rows.period)
    return ibis.ifelse(rows.kind.isin(list(BUCKETED)), named, ibis.literal("year"))


def _period_number(date: ir.DateValue, periods: list[tuple[str, str, Period]], kind: str) -> ir.IntegerValue:
    """The number of the period of `kind` holding `date` in its list of names, or null (periods of one
    kind never overlap)."""
    names = {"half_term": HALF_TERM_NAMES, "term": TERM_NAMES}[kind]
    branches = [
        (date.between(period.start, period.end), names.index(name))
        for k, name, period in periods
        if k == kind
    ]
    return ibis.cases(*branches).cast("int8") if branches else ibis.null("int8")


def _in_periods(weekly: ir.Table) -> ir.Table:
    """Weekly rows once for each period holding them, under its `period_id` (`tallies`): the week, its
    half-term and term when it is in one, and the year to date."""
    ids = (
        weekly.week,
        tallies.HALF_TERM_IDS + weekly.half_term_number,
        tallies.TERM_IDS + weekly.term_number,
        ibis.literal(tallies.YEAR_ID),
    )
    columns = [column for column in weekly.columns if column not in _SEGMENT]
    copied = [weekly.select(*columns, period_id=period.cast("int16")) for period in ids]
    return ibis.union(*(copy.filter(copy.period_id.notnull()) for copy in copied))


def _with_cells(per_enrolment: ir.Table, pupils: ir.Table) -> ir.Table:
    """Rows keyed by enrolment number, with the enrolment's school and cell instead."""
    cells = pupils.select("enrolment", "school", *CELL)
    return per_enrolment.join(cells, "enrolment").drop("enrolment")


def _named(counts: ir.Table, names: ir.Table) -> ir.Table:
    """Counts keyed by `period_id` under the period's kind and published name (and a weekday's session)."""
    return counts.join(names, "period_id").drop("period_id")


def _padded(table: ir.Table, columns: dict | None = None) -> ir.Table:
    """`table` in `columns` (default: the one query's, `_UNION`), cast to their types; those it lacks null."""
    columns = _UNION if columns is None else columns
    return table.select(
        **{
            name: table[name].cast(kind) if name in table.columns else ibis.null(kind)
            for name, kind in columns.items()
        }
    )


def _counted(
    lake: Lake,
    urns: list[int],
    calendar: SchoolCalendar,
    as_of: dt.date,
    engine: str | None,
    before: _Before | None,
) -> dict[str, pa.Table]:
    """One batch's cells, reasons and tallies to keep (`_query`), its numbered pupils held while it runs."""
    enrolments = _enrolments(lake, urns, year_to_date(calendar.academic_year, as_of), engine)
    with engines.computed_once(enrolments, engine) as pupils:
        return _split(_query(lake, urns, pupils, calendar, as_of, engine, before), engine)


def _split(query: ir.Table, engine: str | None) -> dict[str, pa.Table]:
    """The one query's rows, computed once and held by the engine, as the snapshot's cells and reasons (a
    row with a `code`) and the tallies to keep (a row with an `enrolment`), each taken out in its own
    columns."""
    with engines.computed_once(query, engine, without=_DUCKDB_RULES_LEFT_OUT) as rows:
        reason, tally = rows.code.notnull(), rows.enrolment.notnull()
        chosen = {"cells": ~(reason | tally), "reasons": reason, "tallies": tally}
        taken = {name: rows.filter(chosen[name]).select(*_WRITTEN[name].names) for name in _WRITTEN}
        return {name: _as_published(engines.arrow(taken[name], engine), _WRITTEN[name]) for name in _WRITTEN}


def _as_published(counts: pa.Table, schema: pa.Schema) -> pa.Table:
    """Counts from the engine in a table's columns and types; columns it lacks are null."""
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
