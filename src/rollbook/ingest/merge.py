"""How a checked import changes a school's partitions (docs/import-formats.md, "How an import changes the
lake"): pupils in the import replace their own rows and others are kept; each pupil's marks between the
first and last date the import holds for them are replaced by the import's. A sync (ingest.exchange) gives
a `Window` instead: the marks of the pupils it sends between two dates are replaced, or, for a whole year,
every pupil's marks and the year's pupils.

Planning reads the current partitions and works out the new content and the counts; it writes nothing.
Only partitions whose content changes are planned, so re-importing the same files plans nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rollbook.ingest.marks import Marks, Roll, session_keys
from rollbook.ingest.pupils import PupilRecord, pupils_table
from rollbook.lake import PUPILS, Lake, PartitionKey
from rollbook.rules.calendar import academic_year_of

_NEVER = np.datetime64("9999-12-31")
_ALWAYS = np.datetime64("0001-01-01")


class Partitions:
    """A school's current partitions, each read at most once."""

    def __init__(self, lake: Lake, school: int) -> None:
        self.lake = lake
        self.school = school
        self._read: dict[PartitionKey, pa.Table | None] = {}

    def get(self, table: str, year: int) -> pa.Table | None:
        key = PartitionKey(table, year, self.school)
        if key not in self._read:
            self._read[key] = self.lake.read(key)
        return self._read[key]

    def roll(self, years: Iterable[int]) -> Roll:
        """Admission and leaving dates of the pupils already in the lake for `years`."""
        enrolled: dict[str, tuple[dt.date | None, dt.date | None]] = {}
        for year in years:
            pupils = self.get("pupils", year)
            if pupils is not None:
                columns = pupils.select(["upn", "admission_date", "leaving_date"]).to_pydict()
                enrolled.update(
                    zip(
                        columns["upn"],
                        zip(columns["admission_date"], columns["leaving_date"], strict=True),
                        strict=True,
                    )
                )
        return enrolled


@dataclass
class Counts:
    pupils_added: int = 0
    pupils_updated: int = 0
    pupils_unchanged: int = 0
    pupils_removed: int = 0
    marks_added: int = 0
    marks_changed: int = 0
    marks_removed: int = 0
    results_added: int = 0
    results_changed: int = 0
    results_removed: int = 0
    prior_added: int = 0
    prior_updated: int = 0
    prior_unchanged: int = 0
    baseline_added: int = 0
    baseline_updated: int = 0
    baseline_unchanged: int = 0


@dataclass
class WeekCounts:
    """Marks an import adds, changes the code of and removes in one week."""

    added: int = 0
    changed: int = 0
    removed: int = 0


@dataclass
class Changes:
    """What an import would do: counts, the marks counted by week commencing (a Monday), and the new
    content of each partition it changes."""

    counts: Counts = field(default_factory=Counts)
    weeks: dict[dt.date, WeekCounts] = field(default_factory=dict)
    partitions: dict[PartitionKey, pa.Table] = field(default_factory=dict)


@dataclass(frozen=True)
class Window:
    """Dates whose marks an import replaces, the same for every pupil in `Marks.upns` (those with no marks
    in it too); with `everyone`, every pupil's marks, and the pupils of its years are exactly those sent."""

    start: dt.date
    end: dt.date
    everyone: bool = False

    def academic_years(self) -> range:
        return range(academic_year_of(self.start), academic_year_of(self.end) + 1)


def plan(
    current: Partitions,
    years: Iterable[int],
    pupils: Iterable[PupilRecord],
    marks: Marks,
    window: Window | None = None,
) -> Changes:
    """The new content of every partition the import changes, and counts of what changed."""
    changes = Changes()
    rows = pupils_table(pupils).to_pylist()
    for year in sorted(set(years)):
        if rows:
            _plan_pupils(changes, current, year, rows, only=window is not None and window.everyone)
    if window is not None:
        _plan_marks(changes, current, marks, *_window_ranges(marks, window), window.academic_years())
    elif len(marks):
        years_of = marks.academic_years()
        span = range(int(years_of.min()), int(years_of.max()) + 1)
        _plan_marks(changes, current, marks, *_date_ranges(marks), span)
    return changes


def _plan_pupils(
    changes: Changes, current: Partitions, year: int, new_rows: list[dict[str, object]], only: bool
) -> None:
    """Upsert `new_rows` into the year's pupils; with `only`, remove the pupils not among them."""
    existing = current.get("pupils", year)
    rows = {row["upn"]: row for row in existing.to_pylist()} if existing is not None else {}
    sent = {row["upn"] for row in new_rows}
    removed = [upn for upn in rows if only and upn not in sent]
    for upn in removed:
        del rows[upn]
    changes.counts.pupils_removed += len(removed)
    added = updated = 0
    for row in new_rows:
        old = rows.get(row["upn"])
        if old == row:
            changes.counts.pupils_unchanged += 1
            continue
        added += old is None
        updated += old is not None
        rows[row["upn"]] = row
    changes.counts.pupils_added += added
    changes.counts.pupils_updated += updated
    if added or updated or removed:
        key = PartitionKey("pupils", year, current.school)
        changes.partitions[key] = pa.Table.from_pylist(list(rows.values()), schema=PUPILS)


def _plan_marks(
    changes: Changes, current: Partitions, marks: Marks, first: np.ndarray, last: np.ndarray, span: range
) -> None:
    years = marks.academic_years()
    for year in span:
        new = marks.take(years == year)
        old = current.get("marks", year)
        if old is None and not len(new):
            continue
        kept, removed, added, changed = _compare(old, new, first, last)
        if len(removed) or len(added) or len(changed):
            changes.counts.marks_added += len(added)
            changes.counts.marks_removed += len(removed)
            changes.counts.marks_changed += len(changed)
            for name, days in (("added", added), ("changed", changed), ("removed", removed)):
                _count_by_week(changes.weeks, name, days)
            key = PartitionKey("marks", year, current.school)
            changes.partitions[key] = (
                pa.concat_tables([kept, new.table()]) if kept is not None else new.table()
            )


def _date_ranges(marks: Marks) -> tuple[np.ndarray, np.ndarray]:
    """Each pupil's first and last date in the import, by index into marks.upns, with a last entry (index
    -1) that holds no date, for UPNs not in the import."""
    first = np.full(len(marks.upns) + 1, _NEVER)
    last = np.full(len(marks.upns) + 1, _ALWAYS)
    order = np.argsort(marks.pupil, kind="stable")
    pupil, day = marks.pupil[order], marks.day[order]
    starts = np.flatnonzero(np.diff(pupil, prepend=-1))
    first[pupil[starts]] = np.minimum.reduceat(day, starts)
    last[pupil[starts]] = np.maximum.reduceat(day, starts)
    return first, last


def _window_ranges(marks: Marks, window: Window) -> tuple[np.ndarray, np.ndarray]:
    """The window's dates for every pupil in marks.upns, and for all others too when it is everyone's."""
    sent = len(marks.upns) + window.everyone
    first = np.full(len(marks.upns) + 1, _NEVER)
    last = np.full(len(marks.upns) + 1, _ALWAYS)
    first[:sent] = np.datetime64(window.start, "D")
    last[:sent] = np.datetime64(window.end, "D")
    return first, last


def _compare(
    old: pa.Table | None, new: Marks, first: np.ndarray, last: np.ndarray
) -> tuple[pa.Table | None, np.ndarray, np.ndarray, np.ndarray]:
    """The old rows the import keeps, and the dates of the old rows it removes, the new ones it adds and
    the ones it changes the code of."""
    if old is None:
        return None, new.day[:0], new.day, new.day[:0]
    upns = pa.array(new.upns, pa.string())
    pupil = pc.index_in(old["upn"], value_set=upns).fill_null(-1).to_numpy()
    day = old["date"].to_numpy().astype("datetime64[D]")
    replaced = (day >= first[pupil]) & (day <= last[pupil])
    session = pc.equal(old["session"], "PM").to_numpy().astype(np.int8)
    code = pc.index_in(old["code"], value_set=pa.array(new.codes, pa.string())).fill_null(-1).to_numpy()
    # Old rows of pupils not in the import (replaced only by a whole-year window) match no new row.
    matched = replaced & (pupil >= 0)
    old_keys = session_keys(pupil[matched], day[matched], session[matched])
    new_keys = session_keys(new.pupil, new.day, new.session)
    _, in_old, in_new = np.intersect1d(old_keys, new_keys, assume_unique=True, return_indices=True)
    changed = new.day[in_new][code[matched][in_old] != new.code[in_new]]
    removed = np.concatenate([np.delete(day[matched], in_old), day[replaced & (pupil < 0)]])
    added = np.delete(new.day, in_new)
    return old.filter(pa.array(~replaced)), removed, added, changed


def _count_by_week(weeks: dict[dt.date, WeekCounts], name: str, days: np.ndarray) -> None:
    """Add each of `days` to the count `name` of the week it falls in."""
    if not len(days):
        return
    since_1970 = days.astype("datetime64[D]").astype(np.int64)
    monday = since_1970 - (since_1970 + 3) % 7  # 01/01/1970 was a Thursday
    earliest = int(monday.min())
    counts = np.bincount((monday - earliest) // 7)
    for week in np.flatnonzero(counts):
        commencing = dt.date(1970, 1, 1) + dt.timedelta(days=earliest + 7 * int(week))
        tally = weeks.setdefault(commencing, WeekCounts())
        setattr(tally, name, getattr(tally, name) + int(counts[week]))
