"""A school's figures beside its published comparators: the gap, its shading, and whether it is significant.

Session rates are tested with the school's pupils as the sample and share measures (persistent and severe
absence) as a proportion of pupils; both against the comparator taken as fixed (`rules.comparison`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rollbook.analytics.attendance.figures import Comparator, ComparatorSummary, Gap
from rollbook.analytics.attendance.sessions import measures
from rollbook.analytics.comparators.similar import SIMILAR_SCHOOLS
from rollbook.analytics.comparators.snapshot import Snapshot
from rollbook.analytics.filters import Filters
from rollbook.analytics.public.family_figures import FamilyFigures
from rollbook.lake import Lake
from rollbook.rules import local_authorities
from rollbook.rules.calendar import TERM_NAMES, academic_year_label, academic_year_of
from rollbook.rules.comparison import difference, rate_differs, shade, share_differs
from rollbook.rules.periods import Period
from rollbook.rules.public.fields import absence_year

#: The rates set beside comparators, with the per-pupil counts that make each one (numerator columns).
SESSION_RATES = {
    "attendance_rate": ("present_sessions", "aea_sessions"),
    "overall_absence_rate": ("authorised_absence_sessions", "unauthorised_absence_sessions"),
    "authorised_absence_rate": ("authorised_absence_sessions",),
    "unauthorised_absence_rate": ("unauthorised_absence_sessions",),
}
PUPIL_SHARES = {"persistent_absence_rate": "persistent_absentees", "severe_absence_rate": "severe_absentees"}
COMPARED = (*SESSION_RATES, *PUPIL_SHARES)

SIGNIFICANCE_METHOD = (
    "A difference is marked significant when it is unlikely to be chance at the 5% level (two-sided). "
    "Attendance and absence rates: the school's pupils are the sample, and the standard error of its rate "
    "is the ratio estimator's across pupils, so one pupil's many sessions are not counted as many "
    "independent observations. Persistent and severe absence: a test of the share of pupils against the "
    "comparator's share. Comparators are large and are taken as fixed."
)
SIMILAR_METHOD = (
    f"Similar schools are the {SIMILAR_SCHOOLS} schools nearest to this one by straight-line distance over "
    "FSM6 %, EAL %, SEN % (SEN support and EHC plans) and number on roll (Reception to Year 11), each first "
    "standardised across all schools (minus the mean, divided by the standard deviation) so no one measure "
    "dominates; prior attainment joins them where every school has it."
)


def label(kind: str, name: str) -> str:
    if kind == "national":
        return "National"
    if kind == "local_authority":
        try:
            return local_authorities.by_code(int(name)).name
        except KeyError:
            return f"LA {name}"
    if kind == "similar":
        return "Similar schools"
    return name or "Region not recorded"


def published_period(
    snapshot: Snapshot, period: Period | None, shown: Period
) -> tuple[tuple[str, str] | None, str]:
    """The snapshot's (kind, name) for a report period, or None and the reason there is none.

    Comparators exist for the year to date (no period chosen), each term and half-term (matched by name:
    each school's own dates) and single weeks, and only for the snapshot's own academic year and the weeks
    it covers.
    """
    published_year = snapshot.manifest.academic_year
    if academic_year_of(shown.end) != published_year:
        return None, f"the latest comparators are for {academic_year_label(published_year)}"
    if period is None:
        return ("year", "year_to_date"), ""
    if period.term:
        if period.start > dt.date.fromisoformat(snapshot.manifest.as_of):
            return None, f"the latest comparators were published before {period.term} began"
        return ("term" if period.term in TERM_NAMES else "half_term", period.term), ""
    if period.start.weekday() == 0 and period.end == period.start + dt.timedelta(days=4):
        if period.start > dt.date.fromisoformat(snapshot.manifest.as_of):
            return None, "the latest comparators were published before this week"
        return ("week", period.start.isoformat()), ""
    return None, (
        "comparators are published for the year to date, each term and half-term and each week; "
        "choose one of those"
    )


def beside(
    lake: Lake,
    snapshot: Snapshot,
    school: int,
    school_figures: dict[str, object],
    period: Period,
    published: tuple[str, str],
    filters: Filters = Filters(),
) -> list[Comparator]:
    """Each comparator's figures for the published period, with each compared measure's gap to the school."""
    per_pupil = [
        row for row in measures(lake, [school], period, filters, by=("upn",)) if row["possible_sessions"]
    ]
    rows = []
    for kind, name in snapshot.comparators_of(school):
        (figures,) = snapshot.figures(kind, name, *published, filters)
        rows.append(
            {
                "kind": kind,
                "name": name,
                "label": label(kind, name),
                "schools": figures["schools"],
                "suppressed": figures["suppressed"],
                "measures": {
                    key: value for key, value in figures.items() if key not in ("schools", "suppressed")
                },
                "differences": _differences(school_figures, figures, per_pupil),
            }
        )
    return rows


def beside_family(school_figures: dict[str, object], family: FamilyFigures) -> Comparator:
    """The school's Schools Like Yours family (`family_absence`) as a comparator: attendance is 100 less its
    overall absence, and the figures the public data does not publish are None. Each gap is in points but
    not tested: the family's figures are another year's, for the whole year, so a gap is partly the year's
    and the period's, which no test of chance can speak to."""
    overall = family.measures["overall_absence_rate"]
    figures: ComparatorSummary = dict.fromkeys(ComparatorSummary.__annotations__) | {
        "pupils": family.pupils,
        "attendance_rate": None if overall is None else 100 - overall,
        "overall_absence_rate": overall,
        "persistent_absence_rate": family.measures["persistent_absence_rate"],
    }
    return {
        "kind": "family",
        "name": str(family.year),
        "label": f"Schools like yours, {academic_year_label(absence_year(family.year))} published figures",
        "schools": family.schools,
        "suppressed": None,
        "measures": figures,
        "differences": {key: gap(key, school_figures[key], figures[key]) for key in COMPARED},
    }


def gap(key: str, ours: float | None, theirs: float | None) -> Gap | None:
    """The school's figure minus the comparator's in points, and its shading; None without both."""
    if ours is None or theirs is None:
        return None
    return {"points": float(difference(ours, theirs)), "shade": shade(key, ours, theirs).css_class}


def _differences(school: dict, comparator: dict, per_pupil: Sequence[dict]) -> dict[str, dict | None]:
    gaps: dict[str, dict | None] = {}
    for key in COMPARED:
        ours, theirs = school[key], comparator[key]
        gaps[key] = gap(key, ours, theirs)
        if gaps[key] is None:
            continue
        if key in SESSION_RATES:
            numerators = [sum(row[column] for column in SESSION_RATES[key]) for row in per_pupil]
            z, significant = rate_differs(numerators, [row["possible_sessions"] for row in per_pupil], theirs)
        else:
            z, significant = share_differs(school[PUPIL_SHARES[key]], school["pupils"], theirs)
        gaps[key] |= {"significant": significant, "z": z}
    return gaps
