"""Early warning: pupils not yet persistently absent who are on course to be by the end of the year.

The rule, in words a head of year can check: take the pupil's absence rate over the last four school weeks
and suppose it carries on for every session left in the year; if the year would then end with 10% or more
of their possible sessions missed, flag them. Recent weeks weigh heavily because absence that is rising
matters more than a bad September. Pupils already persistently absent are listed as such, not as a
prediction. How well this predicts is measured on synthetic schools held out from tuning
(bench/early_warning_eval.py; the figures are in the issue note).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rollbook.rules.attendance.measures import PERSISTENT_ABSENCE_SHARE, is_persistent_absentee

RECENT_WEEKS = 4


@dataclass(frozen=True)
class Outlook:
    already_persistent: bool
    at_risk: bool
    projected_absence_rate: float | None  # percentage of the year's possible sessions, if the trend holds
    reason: str


def outlook(
    absent: int, possible: int, recent_absent: int, recent_possible: int, sessions_left: int
) -> Outlook:
    """The pupil's outlook from their year-to-date and recent sessions and the sessions left in the year."""
    if possible == 0:
        return Outlook(False, False, None, "no possible sessions yet")
    if is_persistent_absentee(absent, possible):
        share = Fraction(absent, possible)
        return Outlook(True, False, float(share * 100), f"already missed {float(share * 100):.1f}% this year")
    recent = Fraction(recent_absent, recent_possible) if recent_possible else Fraction(absent, possible)
    projected = (absent + recent * sessions_left) / (possible + sessions_left)
    at_risk = projected >= PERSISTENT_ABSENCE_SHARE
    reason = (
        f"missed {float(recent * 100):.1f}% of the last {RECENT_WEEKS} weeks; "
        f"at that rate {float(projected * 100):.1f}% of the year by July"
    )
    return Outlook(False, at_risk, float(projected * 100), reason)
