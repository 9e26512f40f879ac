"""What a school's published counts depend on, and so which schools a publish must read again.

A school's counts are a function of its setting (its pupils, its term dates and Rollbook's code) and of its
marks up to the publish's date. A snapshot keeps beside its tables (`INPUTS_FILE`), each school's setting
digest and a digest of its marks day by day up to the snapshot's date, taken from the digests the lake keeps
in each marks file's footer (`lake.files`). The next publish compares them with the lake's now:

- a school whose setting and marks are unchanged, and which has no marks between the two dates, is
  *unchanged*: its rows are the old snapshot's;
- a school whose setting and earlier marks are unchanged but which has marks on days after the old
  snapshot's date has only *new days*: they are added to its kept tallies (`tallies`);
- any other school is measured whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from rollbook.analytics.code import code_version
from rollbook.analytics.comparators.snapshot import INPUTS_FILE, Snapshot
from rollbook.lake import Lake
from rollbook.lake.files import day_digests
from rollbook.rules.calendar import SchoolCalendar


@dataclass(frozen=True)
class Inputs:
    """A school's setting digest and its marks' digest for each day (by ISO date). For a marks file written
    before days were kept, the whole file's digest stands for its latest day: the school can be unchanged,
    but never have only new days (`by_day` is false)."""

    setting: str
    days: dict[str, str]
    by_day: bool = True

    @classmethod
    def of(cls, lake: Lake, urn: int, calendar: SchoolCalendar) -> Inputs:
        """Read from the lake's file metadata and footers, not its rows. A school's LA, region and prior
        attainment are not in it: they only place it in comparators, worked out afresh each time."""
        year = calendar.academic_year
        pupils = [(str(path), *_signature(path)) for path in lake.files("pupils", [year], [urn])]
        terms = [(half.name, half.start.isoformat(), half.end.isoformat()) for half in calendar.half_terms]
        closures = sorted(day.isoformat() for day in calendar.closures)
        setting = _digest([code_version(), pupils, year, terms, closures])
        marks = lake.files("marks", [year], [urn])
        days = day_digests(marks[0]) if marks else {}
        if days is not None:
            return cls(setting, days)
        latest = lake.latest("marks", "date", [year], [urn])
        whole = _digest([str(marks[0]), *_signature(marks[0])])
        return cls(setting, {latest.isoformat() if latest else "undated": whole}, by_day=False)

    def marks_to(self, day: dt.date) -> str:
        """A digest of the school's marks on every day to `day`."""
        return _digest(sorted(item for item in self.days.items() if item[0] <= day.isoformat()))

    def latest_to(self, day: dt.date) -> str | None:
        """The last day with marks on or before `day`, as an ISO date."""
        return max((held for held in self.days if held <= day.isoformat()), default=None)

    def has_days_after(self, day: dt.date, until: dt.date) -> bool:
        return any(day.isoformat() < held <= until.isoformat() for held in self.days)

    def kept(self, as_of: dt.date) -> dict[str, str | None]:
        """What a snapshot to `as_of` keeps of these inputs for the next publish to compare."""
        return {"setting": self.setting, "marks": self.marks_to(as_of), "latest": self.latest_to(as_of)}


def compared(snapshot: Snapshot, inputs: dict[int, Inputs], as_of: dt.date) -> tuple[set[int], set[int]]:
    """The schools unchanged since `snapshot`, and those with only new days since, for a publish to `as_of`.

    Publishing to an earlier date than the snapshot's, a school is unchanged only when it had no marks
    after `as_of` then and has none now: the two publishes read the same marks into the same periods. A
    snapshot that kept no inputs, or not in this form, leaves every school to be measured whole.
    """
    held = snapshot.path / INPUTS_FILE
    kept = json.loads(held.read_text()) if held.exists() else {}
    shared = min(as_of, snapshot.as_of)
    unchanged, new_days = set(), set()
    for urn, now in inputs.items():
        then = kept.get(str(urn))
        if not isinstance(then, dict) or then["setting"] != now.setting:
            continue
        if (then["latest"] or "") > shared.isoformat() or now.marks_to(shared) != then["marks"]:
            continue
        if not now.has_days_after(shared, as_of):
            unchanged.add(urn)
        elif now.by_day:
            new_days.add(urn)
    return unchanged, new_days


def _signature(path: Path) -> tuple[int, int, int]:
    """What replacing a lake file always changes: a new file is renamed into place (new inode, time, size)."""
    status = path.stat()
    return status.st_ino, status.st_mtime_ns, status.st_size


def _digest(described: object) -> str:
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()
