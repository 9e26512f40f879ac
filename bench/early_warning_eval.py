"""How well the early-warning rule (rules/early_warning.py) would have predicted persistent absence.

Synthetic secondary schools for a whole year (seed 4242, never used to tune the generator or the rule) are
cut at the end of the autumn term. For each Year 7-11 pupil the rule sees only the marks up to then and the
school days left in the calendar; the truth is whether the pupil ended the year persistently absent
(10%+ of their own possible sessions). Reported: among pupils not yet persistently absent at the cut, the
rule's precision and recall for becoming so; and, for all pupils, "already persistent or flagged" against
the simpler forecast "already persistent".

    uv run --all-extras --frozen python bench/early_warning_eval.py [SCHOOLS]
"""

from __future__ import annotations

import datetime as dt
import sys

import numpy as np

from rollbook.rules.attendance.early_warning import RECENT_WEEKS, outlook
from rollbook.rules.attendance.measures import is_persistent_absentee
from rollbook.synth import generate_schools
from rollbook.synth.school_year import SchoolYear

SEED = 4242
YEAR = 2023
MEASURED_YEARS = (7, 8, 9, 10, 11)


def absent_and_possible(columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pupil: sessions absent (authorised or unauthorised) and possible, from tally columns."""
    return (columns >= 2).sum(axis=1), (columns >= 0).sum(axis=1)


def evaluate(school_year: SchoolYear, cut: dt.date) -> list[tuple[bool, bool, bool]]:
    """(already persistent at the cut, flagged at risk, persistent at the end) for each measured pupil."""
    days = school_year.days
    seen = sum(day <= cut for day in days)
    recent_from = max(seen - 5 * RECENT_WEEKS, 0)
    sessions_left = 2 * (len(days) - seen)
    columns = school_year.tally_columns()
    so_far = absent_and_possible(columns[:, : 2 * seen])
    recent = absent_and_possible(columns[:, 2 * recent_from : 2 * seen])
    whole = absent_and_possible(columns)
    measured = np.isin(school_year.pupils.nc_year, MEASURED_YEARS) & (so_far[1] > 0)
    results = []
    for i in np.flatnonzero(measured):
        seen_now = outlook(
            int(so_far[0][i]), int(so_far[1][i]), int(recent[0][i]), int(recent[1][i]), sessions_left
        )
        ended = is_persistent_absentee(int(whole[0][i]), int(whole[1][i]))
        results.append((seen_now.already_persistent, seen_now.at_risk, ended))
    return results


def share(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:.1f}%" if denominator else "n/a"


def main(schools: int) -> None:
    years = generate_schools(schools, SEED, YEAR)
    cut = years[0].calendar.named("Autumn").end
    results = [row for school_year in years for row in evaluate(school_year, cut)]
    pupils = len(results)
    not_yet = [(flagged, ended) for already, flagged, ended in results if not already]
    hits = sum(flagged and ended for flagged, ended in not_yet)
    flagged = sum(flagged for flagged, _ in not_yet)
    became = sum(ended for _, ended in not_yet)
    print(
        f"{schools} schools, {pupils:,} pupils in Years 7-11, cut at {cut:%d/%m/%Y} (seed {SEED}, held out)"
    )
    print(f"Not yet persistently absent at the cut: {len(not_yet):,}; became so by July: {became:,}")
    print(f"  rule flagged {flagged:,}: precision {share(hits, flagged)}, recall {share(hits, became)}")
    already_or_flagged = sum((already or flag) and ended for already, flag, ended in results)
    predicted = sum(already or flag for already, flag, _ in results)
    already_right = sum(already and ended for already, _, ended in results)
    already = sum(already for already, _, _ in results)
    ended = sum(end for _, _, end in results)
    print(f"All pupils: {ended:,} ended the year persistently absent")
    print(
        f"  'already persistent' alone:   precision {share(already_right, already)}, "
        f"recall {share(already_right, ended)}"
    )
    print(f"  'already or flagged' (rule):  precision {share(already_or_flagged, predicted)}, "
          f"recall {share(already_or_flagged, ended)}")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
