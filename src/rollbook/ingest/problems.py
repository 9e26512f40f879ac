"""What an import found wrong or worth saying, located so that a school can find it in its own files.

A refusal stops the whole import; a warning and a note do not. Each problem names its file, the line or
element, the UPN and the date where these apply, and says why in plain words. A report is kept as JSON
(`ValidationReport.as_dict`), which the import pages show and erasure clears by its fields, never by
reading text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

#: How many problems of one kind a report lists before it only counts the rest.
MAX_LISTED_PER_KIND = 20
#: How many problems a kept report lists in each of its lists (the sync API lists every one in its answer),
#: and the longest text it keeps of any of a problem's fields: a kept report stays small whatever it read.
MAX_KEPT_PER_LIST, MAX_KEPT_TEXT = 500, 500


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
    YEAR = "academic year not known"
    CHANGED_MEANWHILE = "data changed meanwhile"
    UNKNOWN_SUBJECT = "unknown subject"
    UNKNOWN_QUALIFICATION = "unknown qualification"
    BAD_GRADE = "bad grade"
    NOT_IN_COHORT = "pupil not in the KS4 cohort"
    BAD_PRIOR = "bad prior attainment"
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
    line: int | None = None  # of a CSV file, or where an XML file stops being readable
    element: str | None = None  # such as "Pupil[17]/Attendance/YearData[1]" or "marks[12].code"
    upn: str | None = None
    day: dt.date | None = None

    @property
    def where(self) -> str | None:
        """The line, the element, or both, as a report names them."""
        return _where(self.line, self.element)

    def __str__(self) -> str:
        return describe(self.as_dict())

    def as_dict(self) -> dict[str, object]:
        """As the import history keeps it: plain JSON, read by pages and by erasure without parsing text."""
        return {
            "kind": str(self.kind),
            "file": _kept(self.file),
            "line": self.line,
            "element": _kept(self.element),
            "upn": _kept(self.upn),
            "date": show_date(self.day) if self.day else None,
            "message": _kept(self.message),
        }


def _kept(text: str | None) -> str | None:
    return text if text is None or len(text) <= MAX_KEPT_TEXT else text[: MAX_KEPT_TEXT - 1] + "…"


def _where(line: object, element: object) -> str | None:
    return (
        ", ".join(str(part) for part in (f"line {line}" if line is not None else None, element) if part)
        or None
    )


def describe(problem: Mapping[str, object]) -> str:
    """A kept problem (Problem.as_dict) as one line of a report: where it is, then why."""
    place = [problem.get("file"), _where(problem.get("line"), problem.get("element"))]
    place += [f"UPN {problem['upn']}" if problem.get("upn") else None, problem.get("date")]
    named = ", ".join(str(part) for part in place if part)
    return f"{named}: {problem['message']}" if named else str(problem["message"])


#: The headings of a report's three lists, by the name each is kept under.
HEADINGS = {"refusals": "Refused", "warnings": "Warnings", "notes": "Notes"}


def sections(kept: Mapping[str, Mapping[str, object]]) -> list[tuple[str, list[str]]]:
    """A kept report (ValidationReport.as_dict) as a page or a terminal shows it: each list that has
    anything, its heading with how many, and a line for each problem listed and each kind only counted."""
    shown = []
    for name, heading in HEADINGS.items():
        section = kept.get(name) or {}
        listed: list = section.get("listed", [])  # type: ignore[assignment]
        more: dict = section.get("more", {})  # type: ignore[assignment]
        if listed or more:
            lines = [describe(problem) for problem in listed]
            lines += [f"and {count:,} more: {kind}" for kind, count in more.items()]
            shown.append((f"{heading} ({len(listed) + sum(more.values()):,}):", lines))
    return shown


def text(kept: Mapping[str, Mapping[str, object]]) -> str:
    """A kept report as plain text, for the terminal."""
    lines = [
        line for heading, items in sections(kept) for line in (heading, *(f"  - {each}" for each in items))
    ]
    return "\n".join(lines) if lines else "No problems found."


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

    def as_dict(self) -> dict[str, object]:
        """As a report keeps it: at most MAX_KEPT_PER_LIST problems listed, the rest counted by kind."""
        more = Counter({str(kind): count for kind, count in self.unlisted.items()})
        more.update(str(problem.kind) for problem in self.listed[MAX_KEPT_PER_LIST:])
        return {
            "listed": [problem.as_dict() for problem in self.listed[:MAX_KEPT_PER_LIST]],
            "more": dict(more),
        }


@dataclass
class ValidationReport:
    refusals: Section = field(default_factory=lambda: Section(HEADINGS["refusals"]))
    warnings: Section = field(default_factory=lambda: Section(HEADINGS["warnings"]))
    notes: Section = field(default_factory=lambda: Section(HEADINGS["notes"]))

    @classmethod
    def listing_everything(cls) -> ValidationReport:
        """A report that lists every problem rather than the first few of each kind."""
        return cls(*(Section(heading, limit=None) for heading in HEADINGS.values()))

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
        return text(self.as_dict())

    def as_dict(self) -> dict[str, dict[str, object]]:
        """The report as the import history keeps it: each list's problems, and the kinds only counted."""
        return {name: getattr(self, name).as_dict() for name in HEADINGS}
