"""What an import found wrong or worth saying, located so that a school can find it in its own files.

A refusal stops the whole import; a warning and a note do not. Each problem names its file, the line or
element, the UPN and the date where these apply, and says why in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

#: How many problems of one kind a report lists before it only counts the rest.
MAX_LISTED_PER_KIND = 20


class Kind(StrEnum):
    # Refusals
    UNKNOWN_CODE = "unknown code"
    OUTSIDE_YEAR = "date outside the academic year"
    NOT_ON_ROLL = "pupil not on roll"
    DUPLICATE_MARK = "duplicate mark"
    BAD_UPN = "malformed UPN"
    BAD_DATE = "bad date"
    BAD_VALUE = "bad value"
    UNREADABLE = "unreadable file"
    SCHOOL = "school"
    CHANGED_MEANWHILE = "data changed meanwhile"
    # Warnings and notes
    SENDER_TOTALS = "sender's totals"
    CONFLICTING_DETAILS = "conflicting details"
    SKIPPED_SESSIONS = "sessions skipped"
    OTHER_SCHOOL = "attendance at another school"
    REPEATED_MARK = "repeated mark"
    IGNORED = "ignored"


def show_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Problem:
    kind: Kind
    message: str
    file: str | None = None
    where: str | None = None  # "line 12" or an element path such as "Pupil[17]/Attendance/YearData[1]"
    upn: str | None = None
    day: dt.date | None = None

    def __str__(self) -> str:
        place = [part for part in (self.file, self.where) if part]
        if self.upn:
            place.append(f"UPN {self.upn}")
        if self.day:
            place.append(show_date(self.day))
        return f"{', '.join(place)}: {self.message}" if place else self.message

    def as_dict(self) -> dict[str, str | None]:
        return {
            "kind": str(self.kind),
            "file": self.file,
            "where": self.where,
            "upn": self.upn,
            "date": show_date(self.day) if self.day else None,
            "message": self.message,
        }


@dataclass
class Section:
    """One list of problems (refusals, warnings or notes), listing at most MAX_LISTED_PER_KIND of a kind."""

    heading: str
    listed: list[Problem] = field(default_factory=list)
    unlisted: Counter[Kind] = field(default_factory=Counter)
    limit: int | None = MAX_LISTED_PER_KIND  # None lists every problem, as the sync API answers

    def add(self, problem: Problem) -> None:
        if self.limit is None or sum(p.kind is problem.kind for p in self.listed) < self.limit:
            self.listed.append(problem)
        else:
            self.unlisted[problem.kind] += 1

    def add_more(self, kind: Kind, count: int) -> None:
        """Count `count` further problems of `kind` without listing them."""
        if count > 0:
            self.unlisted[kind] += count

    def __len__(self) -> int:
        return len(self.listed) + sum(self.unlisted.values())

    def lines(self) -> list[str]:
        if not self:
            return []
        more = [f"  - and {count:,} more: {kind}" for kind, count in self.unlisted.items()]
        return [f"{self.heading} ({len(self):,}):", *(f"  - {p}" for p in self.listed), *more]

    def as_dicts(self) -> list[dict[str, str | None]]:
        more = [
            {"kind": str(kind), "message": f"and {count:,} more", "count": str(count)}
            for kind, count in self.unlisted.items()
        ]
        return [p.as_dict() for p in self.listed] + more


@dataclass
class ValidationReport:
    refusals: Section = field(default_factory=lambda: Section("Refused"))
    warnings: Section = field(default_factory=lambda: Section("Warnings"))
    notes: Section = field(default_factory=lambda: Section("Notes"))

    @classmethod
    def listing_everything(cls) -> ValidationReport:
        """A report that lists every problem rather than the first few of each kind."""
        return cls(*(Section(heading, limit=None) for heading in ("Refused", "Warnings", "Notes")))

    @property
    def refused(self) -> bool:
        return bool(self.refusals)

    def refuse(self, kind: Kind, message: str, **where) -> None:
        self.refusals.add(Problem(kind, message, **where))

    def warn(self, kind: Kind, message: str, **where) -> None:
        self.warnings.add(Problem(kind, message, **where))

    def note(self, kind: Kind, message: str, **where) -> None:
        self.notes.add(Problem(kind, message, **where))

    def kinds(self) -> set[Kind]:
        """The kinds of refusal found, for tests and for a summary line."""
        return {p.kind for p in self.refusals.listed} | set(self.refusals.unlisted)

    def text(self) -> str:
        lines = self.refusals.lines() + self.warnings.lines() + self.notes.lines()
        return "\n".join(lines) if lines else "No problems found."

    def as_dict(self) -> dict[str, list[dict[str, str | None]]]:
        return {
            "refusals": self.refusals.as_dicts(),
            "warnings": self.warnings.as_dicts(),
            "notes": self.notes.as_dicts(),
        }
