"""Reading a published snapshot of comparators: what it holds, and any comparator's figures under filters.

A snapshot is a folder written once under `snapshots/<published>/` and never changed: every school's counts
per period and per cell (year group × sex × FSM6 × SEND) in `cells`, its sessions per register code in
`reasons` (each a folder of parts, a few hundred schools to a part), the schools that make up each comparator
in `members`, and each school's profile (and, for the next publish, a digest of what each school's rows were
measured from: `INPUTS_FILE`). Counts add up across schools and cells (enrolments sit in exactly one cell, and
persistent absence is decided per enrolment before summing), so any comparator under any filter is a sum over
its schools' cells, turned into rates by the same rules as a school's own figures. Its tables are read through
the engine like the lake, so a deployment on Spark reads them on Spark too.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ibis.expr.types as ir
import pyarrow as pa

from rollbook import config
from rollbook.analytics import engine as engines
from rollbook.analytics.filters import Filters
from rollbook.lake.parts import described
from rollbook.rules.attendance.codes import CATEGORY_OF, NOT_POSSIBLE
from rollbook.rules.attendance.measures import Tally, from_totals, rate

#: The kinds of period whose rows are parts of their own (`bucket`).
BUCKETED = ("week", "half_term", "term")
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
#: Beside a snapshot's tables: each school's digest of what its rows depend on (see `publish._inputs`).
INPUTS_FILE = "inputs.json"
#: Comparators are listed national first, then the region, then the local authority.
_COMPARATOR_ORDER = {"national": 0, "region": 1}

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
#: Each table of a snapshot, as written by `publish` and read here.
SCHEMAS = {
    "cells": pa.schema(
        [
            *_KEY_FIELDS,
            *((name, pa.int64()) for name in COUNTS),
            ("weekday", pa.int8()),
            ("session", pa.string()),
        ]
    ),
    "reasons": pa.schema([*_KEY_FIELDS, ("code", pa.string()), ("sessions", pa.int64())]),
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


@dataclass(frozen=True)
class Suppression:
    """A comparator is shown only when built from at least this many schools and pupils."""

    min_schools: int = 5
    min_pupils: int = 30

    @classmethod
    def from_environment(cls) -> Suppression:
        return cls(config.min_comparator_schools(), config.min_comparator_pupils())


@dataclass(frozen=True)
class Manifest:
    academic_year: int
    as_of: str
    published: str
    schools: int
    similar_schools: int
    features: tuple[str, ...]
    suppression: dict[str, int] = field(default_factory=dict)
    #: How many schools were measured whole from the lake (None before publishing kept inputs); the others'
    #: rows were built on the snapshot `copied_from`, copied where their data is unchanged since.
    schools_read: int | None = None
    copied_from: str | None = None
    #: How many schools had only new days since `copied_from`, read and added to the tallies it kept.
    schools_added_to: int = 0

    def how_measured(self) -> str:
        """How the publish read the lake, in words, for whoever ran it: "1 of 200 schools re-read; the
        others unchanged, copied from <snapshot>", or "…; 199 with only new days, those days read; …"."""
        read = self.schools if self.schools_read is None else self.schools_read
        said = [f"{read:,} of {self.schools:,} schools re-read"]
        if self.schools_added_to:
            said.append(f"{self.schools_added_to:,} with only new days, those days read")
        unchanged = self.schools - read - self.schools_added_to
        if self.copied_from and unchanged:
            others = f"{unchanged:,}" if self.schools_added_to else "the others"
            said.append(f"{others} unchanged, copied from {self.copied_from}")
        return "; ".join(said)


@dataclass(frozen=True)
class Snapshot:
    path: Path
    manifest: Manifest

    @classmethod
    def latest(cls, out: Path | None = None, academic_year: int | None = None) -> Snapshot | None:
        """The most recently published snapshot in `out` (default: the configured folder), or of
        `academic_year` when given (each snapshot is of one year); None before the first such publish."""
        out = out or config.snapshots_root()
        names = sorted(os.listdir(out), reverse=True) if out.is_dir() else []
        for name in names:  # newest first: a half-written or hidden folder has no manifest or no digit
            if name[:1].isdigit() and "T" in name and (out / name / "manifest.json").exists():
                snapshot = cls.read(out / name)
                if academic_year in (None, snapshot.manifest.academic_year):
                    return snapshot
        return None

    @classmethod
    @functools.lru_cache(maxsize=8)
    def read(cls, folder: Path) -> Snapshot:
        """The snapshot published in `folder`, read once: a snapshot is never changed, and every report page
        asks for the latest."""
        data = json.loads((folder / "manifest.json").read_text())
        return cls(folder, Manifest(**{**data, "features": tuple(data["features"])}))

    @property
    def as_of(self) -> dt.date:
        """The last day its counts run to."""
        return dt.date.fromisoformat(self.manifest.as_of)

    def files(self, name: str, kind: str | None = None, period: str | None = None) -> list[Path]:
        """The Parquet files of one of the snapshot's tables: the parts of its folder (cells and reasons are
        written in parts, see `lake.parts`), or its one file; with `kind` (and `period`), only the parts
        that can hold its rows (`bucket`)."""
        parts = _files(self.path, name)
        if kind is None:
            return [path for path, _ in parts]
        wanted = bucket(kind, period)
        chosen = [
            path
            for path, held in parts
            if held in (None, wanted) or (wanted is None and held.startswith(kind))
        ]
        return chosen or [parts[0][0]]  # a period not published: one part, to find no rows in it

    def table(self, name: str, kind: str | None = None, period: str | None = None) -> ir.Table:
        """One of the snapshot's tables (`SCHEMAS`) on the engine; with `kind` (and `period`), only the
        parts that can hold its rows: a comparator's figures for one week read that week's parts alone."""
        return engines.parquet_files(self.files(name, kind, period), SCHEMAS[name])

    def comparators_of(self, school: int) -> list[tuple[str, str]]:
        """The (kind, name) of each comparator the school is set beside, national first."""
        members = self.table("members")
        chosen = members.filter((members.school == school) & (members.comparator != "similar"))
        rows = engines.run(chosen.select("comparator", "name"))
        listed = sorted(
            ((row["comparator"], row["name"]) for row in rows),
            key=lambda kind_name: _COMPARATOR_ORDER.get(kind_name[0], 2),
        )
        return [*listed, ("similar", str(school))]

    def groups_of(self, school: int) -> dict[str, tuple[str, list[int]]]:
        """The school's region and similar schools as the snapshot has them: kind -> (name, member schools),
        for setting figures other than attendance beside the same groups. A school not in the snapshot (or
        with no region known) has no such group."""
        members = self.table("members")
        region = members.filter((members.school == school) & (members.comparator == "region"))
        named = [("region", row["name"]) for row in engines.run(region.select("name"))]
        found = {}
        for kind, name in [*named, ("similar", str(school))]:
            chosen = members.filter((members.comparator == kind) & (members.name == name))
            schools = sorted(row["school"] for row in engines.run(chosen.select("school")))
            if schools:
                found[kind] = (name, schools)
        return found

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
        cells = self._of("cells", comparator, name, kind, period, filters)
        by = ("period", *by) if period is None else tuple(by)
        totals = cells.aggregate(
            by=list(by),
            # A school counts towards the minimum only where it has pupils: cells of marks that are not
            # possible sessions alone must not make one school's figures look like five schools'.
            schools=cells.school.nunique(where=cells.pupils > 0),
            **{count: cells[count].sum().cast("int64") for count in COUNTS},
        )
        rows = engines.run(totals.order_by(list(by)) if by else totals)
        return [self._summary(row, by) for row in rows]

    def reasons(
        self, comparator: str, name: str, kind: str, period: str, filters: Filters = Filters()
    ) -> list[dict[str, object]]:
        """Sessions per register code for a comparator, with the rate by reason over its possible sessions;
        empty when the comparator is suppressed."""
        (overall,) = self.figures(comparator, name, kind, period, filters)
        if overall["suppressed"]:
            return []
        reasons = self._of("reasons", comparator, name, kind, period, filters)
        per_code = reasons.group_by("code").aggregate(sessions=reasons.sessions.sum().cast("int64"))
        possible = overall["possible_sessions"]
        return [
            {
                "code": row["code"],
                "sessions": row["sessions"],
                "rate": None if CATEGORY_OF[row["code"]] is NOT_POSSIBLE else rate(row["sessions"], possible),
            }
            for row in engines.run(per_code.order_by("code"))
        ]

    def _of(
        self, table: str, comparator: str, name: str, kind: str, period: str | None, filters: Filters
    ) -> ir.Table:
        """A table's rows for the comparator's schools, the kind of period (and the period), under
        `filters`; a filter comparators are not published by is refused, never dropped."""
        unpublished = set(filters.by_column()) - set(CELL)
        if unpublished:
            raise ValueError(f"comparators cannot be filtered by {', '.join(sorted(unpublished))}")
        members = self.table("members")
        schools = members.filter((members.comparator == comparator) & (members.name == name))
        rows = self.table(table, kind, period)
        rows = (
            rows.filter(rows.kind == kind)
            if period is None
            else rows.filter((rows.kind == kind) & (rows.period == period))
        )
        return filters.apply(rows.semi_join(schools.select("school"), "school"))

    def _summary(self, row: dict, by: Sequence[str]) -> dict[str, object]:
        counts = {name: int(row[name] or 0) for name in COUNTS}
        total = Tally(counts["present"], counts["aea"], counts["authorised"], counts["unauthorised"])
        figures = from_totals(
            total, counts["pupils"], counts["persistent_absentees"], counts["severe_absentees"]
        )
        limits = self.manifest.suppression
        schools = int(row["schools"] or 0)
        reason = None
        if schools < limits["min_schools"]:
            built = f"{schools:,} school{'' if schools == 1 else 's'}"
            reason = f"built from {built}; comparators need at least {limits['min_schools']}"
        elif counts["pupils"] < limits["min_pupils"]:
            reason = (
                f"built from {counts['pupils']:,} pupils; comparators need at least {limits['min_pupils']:,}"
            )
        if reason:
            figures = dict.fromkeys(figures)
        return {
            **{column: row[column] for column in by},
            "schools": schools,
            "suppressed": reason,
            **figures,
        }


def bucket(kind: str, period: str | None) -> str | None:
    """The bucket of a snapshot's parts holding the rows of a period: each week, half-term and term has its
    own (so once no new day falls in it, the next publish links it); the year to date and the weekday
    figures share one. None for every period of a kind with buckets of its own."""
    if kind not in BUCKETED:
        return "year"
    return None if period is None else f"{kind}-{period}"


@functools.lru_cache(maxsize=64)
def _files(snapshot: Path, name: str) -> tuple[tuple[Path, str | None], ...]:
    """Each file of a table with its bucket (none for a table not in buckets), listed and read from the
    footers once per process: a snapshot is never changed, and every report page reads the latest."""
    folder = snapshot / name
    if not folder.is_dir():
        return ((snapshot / f"{name}.parquet", None),)
    return tuple((path, described(path)[1]) for path in sorted(folder.glob("*.parquet")))
