"""Publishing comparators: every school's counts per period and cell, and who each comparator holds.

Schools are measured a batch at a time, and each batch's counts are written to the snapshot's files as they
come, so memory stays bounded however many schools there are (the format is `snapshot.SCHEMAS`). Similar
schools are found from each school's profile (`similar`). A snapshot is written in a hidden folder and
renamed into place once whole, so readers never see half of one and a failed publish leaves nothing.

Publishing is incremental: beside each snapshot, `inputs.json` keeps a digest per school of all its counts
depend on (its lake version, its term dates, Rollbook's code). The next publish of the same year takes the
rows of every school whose digest is unchanged and whose marks all fall on or before both publishes' dates,
and measures only the others; the copied rows are the rows measuring would give (see `_reusable`), so the
snapshot is the full rebuild's row for row. Cells and reasons are written in parts of a few hundred schools
(`PART_SCHOOLS`), and a part whose schools are all unchanged is linked, not copied. Comparator membership is
always worked out afresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
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
from rollbook.analytics.code import code_version
from rollbook.analytics.comparators.similar import FEATURES, SIMILAR_SCHOOLS, nearest_schools
from rollbook.analytics.comparators.snapshot import (
    CELL,
    INPUTS_FILE,
    SCHEMAS,
    WEEKDAY,
    Manifest,
    Snapshot,
    Suppression,
)
from rollbook.lake import Lake
from rollbook.rules.calendar import HALF_TERM_NAMES, TERM_NAMES, SchoolCalendar
from rollbook.rules.characteristics import WITH_SEN
from rollbook.rules.periods import Period, term_so_far, year_to_date
from rollbook.rules.years import SESSION_MEASURE_YEARS

#: Schools measured per query when publishing, and the most marks one query takes (a batch stops short of
#: them): the query holds its sessions in memory, about 70 bytes a mark.
PUBLISH_BATCH = 250
PUBLISH_MARKS = 15_000_000
#: Rows copied from the previous snapshot are written this many at a time (cells: about 30 MB).
COPIED_ROWS = 250_000
#: Cells and reasons are written in parts of at most this many schools, each part naming its schools in its
#: footer (`_SCHOOLS_KEY`): the next publish links every part whose schools are all unchanged into its own
#: snapshot, and copies rows only out of parts that hold a school measured again.
PART_SCHOOLS = 250
_SCHOOLS_KEY = "rollbook.schools"
#: The columns of the one query per batch: a cell's and a reason's, a reason's `code` set, a cell's null.
_UNION = {**ibis.schema(SCHEMAS["cells"]), **ibis.schema(SCHEMAS["reasons"])}


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
    count belongs to one school, so batches add up exactly. Unless `full`, the rows of schools unchanged
    since the year's latest snapshot in `out` are taken from it instead, linked or copied (the manifest's
    `schools_read` says how many were measured).
    """
    now = now or dt.datetime.now(dt.UTC)
    suppression = suppression or Suppression.from_environment()
    held = set(lake.schools())
    schools = [school for school in schools if school.urn in held]
    # Taken before reading the lake: a school written while publishing is measured again next time.
    inputs = {school.urn: _inputs(lake, school) for school in schools}
    previous = None if full else Snapshot.latest(out, academic_year)
    kept = _reusable(lake, previous, inputs, academic_year, as_of)
    measured = [school for school in schools if school.urn not in kept]
    queries = [
        (urns, _query(lake, urns, calendar, as_of, engine))
        for calendar, group in _by_calendar(measured).items()
        for urns in _batches(lake, group, academic_year, batch)
    ]
    # To the microsecond: two publishes within one second (a schedule and a "publish now") are two snapshots.
    final = out / now.strftime("%Y%m%dT%H%M%S%f")
    with _writing(final) as folder:
        with _Parts(folder, "cells", final.name) as cells, _Parts(folder, "reasons", final.name) as reasons:
            parts = {"cells": cells, "reasons": reasons}
            for table, written in parts.items():
                _carry(previous, table, kept, written)
            for done, (urns, query) in enumerate(queries, start=1):
                for table, rows in _split(engines.arrow(query, engine)).items():
                    parts[table].write(rows, urns)
                if progress is not None:
                    progress(done, len(queries))
        profiles = school_profiles(lake, [school.urn for school in measured], academic_year, engine)
        carried = _rows_of(previous.path / "profiles.parquet", "profiles", kept) if previous else ()
        profiles = sorted(
            [*profiles, *(row for rows in carried for row in rows.to_pylist())], key=lambda row: row["school"]
        )
        pq.write_table(_table("members", _members(schools, profiles)), folder / "members.parquet")
        pq.write_table(_table("profiles", profiles), folder / "profiles.parquet")
        (folder / INPUTS_FILE).write_text(json.dumps({str(urn): digest for urn, digest in inputs.items()}))
        manifest = Manifest(
            academic_year,
            as_of.isoformat(),
            now.isoformat(timespec="seconds"),
            len(schools),
            SIMILAR_SCHOOLS,
            FEATURES,
            asdict(suppression),
            schools_read=len(measured),
            copied_from=previous.path.name if kept and previous else None,
        )
        (folder / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2))
    return final


def _inputs(lake: Lake, school: SchoolFacts) -> str:
    """A digest of everything a school's counts and profile depend on: its partitions (the lake's version,
    which changes with every write, an erasure included), its term dates and Rollbook's code. Its LA,
    region and prior attainment are not in it: they only place it in comparators, worked out afresh."""
    calendar = school.calendar
    terms = [(half.name, half.start.isoformat(), half.end.isoformat()) for half in calendar.half_terms]
    closures = sorted(day.isoformat() for day in calendar.closures)
    described = [code_version(), lake.version(school.urn), calendar.academic_year, terms, closures]
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()


def _reusable(
    lake: Lake, previous: Snapshot | None, inputs: dict[int, str], academic_year: int, as_of: dt.date
) -> set[int]:
    """The schools whose rows in `previous` are exactly those measuring them now would give.

    A school's rows are a function of its inputs (`_inputs`) and of its marks up to `as_of`: a period is
    cut at `as_of`, and only periods holding marks have rows. So when its inputs are unchanged and its
    latest mark of the year falls on or before both `as_of` dates, the two publishes read the same marks
    into the same periods (a half-term begun between the two dates holds none of them) and its rows are
    equal, whichever date each publish ran to. A school with marks after either date is measured again.
    """
    if previous is None or not (previous.path / INPUTS_FILE).exists():  # before inputs were kept
        return set()
    before = json.loads((previous.path / INPUTS_FILE).read_text())
    held_to = min(as_of, dt.date.fromisoformat(previous.manifest.as_of))
    return {
        urn
        for urn, digest in inputs.items()
        if before.get(str(urn)) == digest
        and (lake.latest("marks", "date", [academic_year], [urn]) or held_to) <= held_to
    }


def _carry(previous: Snapshot | None, table: str, kept: set[int], parts: _Parts) -> None:
    """Into `parts`, the rows of the `kept` schools in `previous`'s `table`: a part whose schools are all
    kept is linked whole; out of any other part holding some of them, their rows are copied."""
    if previous is None or not kept:
        return
    for path in previous.files(table):
        schools = _schools_of(path)
        if schools is not None and schools <= kept:
            parts.link(path)
            continue
        wanted = kept if schools is None else schools & kept
        for rows in _rows_of(path, table, wanted):
            parts.write(rows, wanted)


def _schools_of(part: Path) -> set[int] | None:
    """The schools a part holds, from its footer; None for a table written as one file, before parts."""
    named = pq.read_metadata(part).metadata or {}
    held = named.get(_SCHOOLS_KEY.encode())
    return None if held is None else set(json.loads(held))


def _rows_of(path: Path, table: str, schools: set[int]) -> Iterator[pa.Table]:
    """The rows of `schools` in one of a snapshot's files, `COPIED_ROWS` at a time: memory stays bounded,
    and the new file's row groups stay as large as its first publish's however many publishes follow."""
    if not schools:
        return
    wanted = pa.array(sorted(schools), pa.int64())
    held: list[pa.RecordBatch] = []
    for batch in pq.ParquetFile(path).iter_batches(COPIED_ROWS):
        held.append(batch.filter(pc.is_in(batch["school"], value_set=wanted)))
        if sum(batch.num_rows for batch in held) >= COPIED_ROWS:
            yield pa.Table.from_batches(held).cast(SCHEMAS[table])
            held = []
    if any(batch.num_rows for batch in held):
        yield pa.Table.from_batches(held).cast(SCHEMAS[table])


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
    for kind, names in (("half_term", HALF_TERM_NAMES), ("term", TERM_NAMES)):
        for name in names:
            if calendar.named(name).start <= as_of:
                periods.append((kind, name, term_so_far(calendar, name, as_of)))
    return periods


def _query(
    lake: Lake, urns: list[int], calendar: SchoolCalendar, as_of: dt.date, engine: str | None
) -> ir.Table:
    """The one query for schools sharing `calendar`: their cells, weekday cells and reasons together (a
    row with a `code` is a reason, see `_split`), all from one reading of the marks.

    Enrolments are numbered in the pupils join, and every grouping below is by that number and by period
    numbers, not by UPNs and names; each enrolment's cell is joined back only to the summed tallies. The
    one per-enrolment tally is each enrolment's sessions per code in each week, split where a half-term or
    term begins or ends within the week. Its categories summed per enrolment and week, then into each week,
    half-term, term and the year to date, give the cells (persistent and severe absence tested on the
    enrolment's own sessions in the period); its codes summed per cell and week, then into each period,
    the reasons. The year to date by weekday and session is tallied per enrolment from the same sessions
    (the engine reads them once and keeps them for both: hence `PUBLISH_MARKS`); it has no reasons: they
    would multiply the snapshot for little use.
    """
    periods = _periods(calendar, as_of)
    ytd = year_to_date(calendar.academic_year, as_of)
    pupils = engines.pupils(lake, urns, academic_years_in(ytd), engine)
    pupils = pupils.select(*ENROLMENT, *CELL, "admission_date", "leaving_date").mutate(
        enrolment=ibis.row_number().over(order_by=list(ENROLMENT))  # the same numbers however often read
    )
    marks = engines.marks(lake, urns, academic_years_in(ytd), engine)
    sessions = on_roll(pupils, marks, ytd)
    tallied = [str(category) for category in TALLIED]
    sessions = sessions.select(
        "enrolment", "date", "session", "code", *tallied,
        **{f"{kind}_number": _period_number(sessions.date, periods, kind) for kind in ("half_term", "term")},
    )  # fmt: skip
    segment = ("half_term_number", "term_number", "week_commencing")
    tally = sessions.group_by(
        "enrolment", "code", *tallied, *segment[:2], week_commencing=sessions.date.truncate("W").cast("date")
    ).aggregate(sessions=sessions.count())
    weekly = tally.group_by("enrolment", *segment).aggregate(
        **{category: (tally[category] * tally.sessions).sum() for category in tallied}
    )
    by_period = ("kind", "number", "week_commencing", "school", *CELL)
    per_period = _in_periods(weekly)  # a week split between periods is two rows: summed again per period
    cells = per_period.group_by("kind", "number", "week_commencing", "enrolment").aggregate(
        **{category: per_period[category].sum() for category in tallied}
    )
    cells = _with_cells(cells, pupils)
    coded = _with_cells(tally, pupils)
    coded = coded.group_by("school", *CELL, *segment, "code").aggregate(sessions=coded.sessions.sum())
    coded = _in_periods(coded)
    reasons = coded.group_by([*by_period, "code"]).aggregate(sessions=coded.sessions.sum())
    by_weekday = sessions.group_by(
        "enrolment", "session", weekday=sessions.date.day_of_week.index().cast("int8")
    ).aggregate(**{category: sessions[category].sum() for category in tallied})
    by_weekday = _with_cells(by_weekday, pupils).mutate(
        kind=ibis.literal("weekday"), period=ibis.literal("year_to_date")
    )
    cells = _named(group_totals(cells, by_period), periods)
    by_weekday = group_totals(by_weekday, ("kind", "period", "school", *CELL, *WEEKDAY))
    return _together(cells, by_weekday, _named(reasons, periods))


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
    """Weekly rows once for each period holding them, under its kind and number: the week (by its Monday,
    number 0), its half-term and term when it is in one (their numbers), and the year to date (number 0).
    Only weeks keep their Monday."""
    no_week = ibis.null("date")
    copies = {
        "week": (ibis.literal(0, "int8"), weekly.week_commencing),
        "half_term": (weekly.half_term_number, no_week),
        "term": (weekly.term_number, no_week),
        "year": (ibis.literal(0, "int8"), no_week),
    }
    columns = [column for column in weekly.columns if not column.endswith("_number")]
    copied = [
        weekly.select(*(column for column in columns if column != "week_commencing"),
                      kind=ibis.literal(kind), number=number.cast("int8"), week_commencing=week)
        for kind, (number, week) in copies.items()
    ]  # fmt: skip
    return ibis.union(*(copy.filter(copy.number.notnull()) for copy in copied))


def _with_cells(per_enrolment: ir.Table, pupils: ir.Table) -> ir.Table:
    """Rows keyed by enrolment number, with the enrolment's school and cell instead."""
    cells = pupils.select("enrolment", "school", *CELL)
    return per_enrolment.join(cells, "enrolment").drop("enrolment")


def _named(counts: ir.Table, periods: list[tuple[str, str, Period]]) -> ir.Table:
    """Counts keyed by period kind and number (and a week by its Monday) under the period's published name."""
    names = {"half_term": HALF_TERM_NAMES, "term": TERM_NAMES}
    period = ibis.cases(
        (counts.kind == "week", counts.week_commencing.strftime("%Y-%m-%d")),
        (counts.kind == "year", ibis.literal("year_to_date")),
        *(
            ((counts.kind == kind) & (counts.number == names[kind].index(name)), ibis.literal(name))
            for kind, name, _ in periods
            if kind in names
        ),
    )
    return counts.mutate(period=period).drop("number", "week_commencing")


def _together(cells: ir.Table, by_weekday: ir.Table, reasons: ir.Table) -> ir.Table:
    """The three as one table of `_UNION` columns, so the engine reads the marks once for all of them."""
    return ibis.union(*(_padded(table) for table in (cells, by_weekday, reasons)))


def _padded(table: ir.Table) -> ir.Table:
    return table.select(
        **{
            name: table[name].cast(kind) if name in table.columns else ibis.null(kind)
            for name, kind in _UNION.items()
        }
    )


def _split(both: pa.Table) -> dict[str, pa.Table]:
    """The one query's rows as the snapshot's cells and reasons."""
    reason = pc.is_valid(both["code"])
    return {
        "cells": _as_published(both.filter(pc.invert(reason)), "cells"),
        "reasons": _as_published(both.filter(reason), "reasons"),
    }


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


class _Parts:
    """One of a snapshot's tables written as a folder of parts of at most `PART_SCHOOLS` schools each; a part
    names its schools in its footer. A table given no rows still has one part, empty."""

    def __init__(self, snapshot: Path, table: str, stamp: str) -> None:
        self.folder = snapshot / table
        self.table = table
        self._stamp = stamp  # the snapshot's name: parts linked from earlier snapshots keep theirs
        self._written = 0
        self._writer: pq.ParquetWriter | None = None
        self._schools: set[int] = set()

    def __enter__(self) -> _Parts:
        self.folder.mkdir()
        return self

    def __exit__(self, *failure) -> None:
        self._finish()
        if not any(self.folder.iterdir()):
            pq.write_table(SCHEMAS[self.table].empty_table(), self.folder / f"{self._stamp}-empty.parquet")

    def write(self, rows: pa.Table, schools: Collection[int]) -> None:
        """Rows of `schools` into the current part, begun anew first if they would take it past
        `PART_SCHOOLS` (rows of the same schools given again stay in it)."""
        if self._schools and len(self._schools | set(schools)) > PART_SCHOOLS:
            self._finish()
        if self._writer is None:
            self._written += 1
            part = self.folder / f"{self._stamp}-{self._written:05d}.parquet"
            self._writer = pq.ParquetWriter(part, SCHEMAS[self.table])
        self._writer.write_table(rows)
        self._schools |= set(schools)

    def link(self, part: Path) -> None:
        """A previous snapshot's part whose schools are all unchanged, taken as it is: a second name for
        the same file (snapshots share a folder, and neither is ever changed), or, on a filesystem without
        hard links, a copy of its bytes."""
        try:
            os.link(part, self.folder / part.name)
        except OSError:
            shutil.copyfile(part, self.folder / part.name)

    def _finish(self) -> None:
        if self._writer is not None:
            self._writer.add_key_value_metadata({_SCHOOLS_KEY: json.dumps(sorted(self._schools))})
            self._writer.close()
        self._writer, self._schools = None, set()
