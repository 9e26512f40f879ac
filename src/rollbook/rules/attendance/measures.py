"""DfE attendance measures (docs/attendance-measures.md), defined on session counts.

Rates are ratios of sums over possible sessions, not means of pupil rates. Persistent and severe absence
test each enrolment against its own possible sessions. Thresholds are exact fractions, compared in whole
numbers, so a pupil on exactly 10% is persistently absent whatever the floating point.

`analytics` computes the same measures over the lake with Ibis; its tests hold it to these definitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from rollbook.rules.attendance.codes import AEA, AUTHORISED, PRESENT, UNAUTHORISED, Category

PERSISTENT_ABSENCE_SHARE = Fraction(1, 10)
SEVERE_ABSENCE_SHARE = Fraction(1, 2)

#: The keys of an attendance summary, in the order reports show them.
SUMMARY_KEYS = (
    "pupils",
    "possible_sessions",
    "present_sessions",
    "aea_sessions",
    "authorised_absence_sessions",
    "unauthorised_absence_sessions",
    "attendance_rate",
    "overall_absence_rate",
    "authorised_absence_rate",
    "unauthorised_absence_rate",
    "persistent_absentees",
    "persistent_absence_rate",
    "severe_absentees",
    "severe_absence_rate",
)


@dataclass(frozen=True)
class Tally:
    """One enrolment's sessions in a period, by statistical category. `present` includes L (late)."""

    present: int = 0
    aea: int = 0
    authorised: int = 0
    unauthorised: int = 0

    @classmethod
    def of(cls, categories: Iterable[Category]) -> Tally:
        counts = dict.fromkeys((PRESENT, AEA, AUTHORISED, UNAUTHORISED), 0)
        for category in categories:
            if category in counts:
                counts[category] += 1
        return cls(counts[PRESENT], counts[AEA], counts[AUTHORISED], counts[UNAUTHORISED])

    @property
    def attendance(self) -> int:
        return self.present + self.aea

    @property
    def absence(self) -> int:
        return self.authorised + self.unauthorised

    @property
    def possible(self) -> int:
        return self.attendance + self.absence

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.present + other.present,
            self.aea + other.aea,
            self.authorised + other.authorised,
            self.unauthorised + other.unauthorised,
        )


def rate(sessions: int, possible: int) -> float | None:
    """Sessions as a percentage of possible sessions; None when there were no possible sessions."""
    return 100 * sessions / possible if possible else None


def is_persistent_absentee(absence: int, possible: int) -> bool:
    """Missed 10% or more of the enrolment's own possible sessions."""
    share = PERSISTENT_ABSENCE_SHARE
    return possible > 0 and absence * share.denominator >= possible * share.numerator


def is_severe_absentee(absence: int, possible: int) -> bool:
    """Missed 50% or more of the enrolment's own possible sessions."""
    share = SEVERE_ABSENCE_SHARE
    return possible > 0 and absence * share.denominator >= possible * share.numerator


def on_roll(day: dt.date, admission: dt.date | None, leaving: dt.date | None) -> bool:
    """Whether a session on `day` counts for an enrolment: from its admission date up to its leaving date,
    both inclusive (DfE "Monitor your school attendance": year to date from admission, leavers to leaving)."""
    return (admission is None or admission <= day) and (leaving is None or day <= leaving)


def summarise(enrolments: Iterable[Tally]) -> dict[str, float | int | None]:
    """The attendance summary over enrolments, keyed by SUMMARY_KEYS.

    `pupils` counts enrolments with at least one possible session; enrolments without are left out of
    every count, as in DfE statistics.
    """
    counted = [tally for tally in enrolments if tally.possible > 0]
    total = sum(counted, Tally())
    persistent = sum(is_persistent_absentee(t.absence, t.possible) for t in counted)
    severe = sum(is_severe_absentee(t.absence, t.possible) for t in counted)
    return from_totals(total, len(counted), persistent, severe)


def from_totals(total: Tally, pupils: int, persistent: int, severe: int) -> dict[str, float | int | None]:
    """The summary from counts already summed over enrolments (as the analytics engine sums them)."""
    return {
        "pupils": pupils,
        "possible_sessions": total.possible,
        "present_sessions": total.present,
        "aea_sessions": total.aea,
        "authorised_absence_sessions": total.authorised,
        "unauthorised_absence_sessions": total.unauthorised,
        "attendance_rate": rate(total.attendance, total.possible),
        "overall_absence_rate": rate(total.absence, total.possible),
        "authorised_absence_rate": rate(total.authorised, total.possible),
        "unauthorised_absence_rate": rate(total.unauthorised, total.possible),
        "persistent_absentees": persistent,
        "persistent_absence_rate": rate(persistent, pupils),
        "severe_absentees": severe,
        "severe_absence_rate": rate(severe, pupils),
    }


#: How each measure is named and explained to a non-specialist, beside the figure.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "pupils": ("Pupils", "Enrolments with at least one possible session in the period."),
    "possible_sessions": (
        "Possible sessions",
        "Morning and afternoon sessions pupils were expected to attend.",
    ),
    "present_sessions": ("Present", "Sessions present, including late before the register closed (L)."),
    "aea_sessions": (
        "Approved activity",
        "Sessions at an approved educational activity, such as a trip (V).",
    ),
    "authorised_absence_sessions": ("Authorised absence", "Sessions missed with the school's permission."),
    "unauthorised_absence_sessions": ("Unauthorised absence", "Sessions missed without permission."),
    "attendance_rate": ("Attendance", "Present or at an approved activity, as a share of possible sessions."),
    "overall_absence_rate": (
        "Overall absence",
        "Authorised and unauthorised absence, as a share of possible sessions.",
    ),
    "authorised_absence_rate": (
        "Authorised absence",
        "Absence with permission, e.g. illness, as a share of possible sessions.",
    ),
    "unauthorised_absence_rate": (
        "Unauthorised absence",
        "Absence without permission, including late after the register closed.",
    ),
    "persistent_absentees": (
        "Persistent absentees",
        "Pupils who missed 10% or more of their own possible sessions.",
    ),
    "persistent_absence_rate": (
        "Persistent absence",
        "Share of pupils who missed 10% or more of their own possible sessions.",
    ),
    "severe_absentees": ("Severe absentees", "Pupils who missed 50% or more of their own possible sessions."),
    "severe_absence_rate": (
        "Severe absence",
        "Share of pupils who missed 50% or more of their own possible sessions.",
    ),
}
