"""A KS4 pupil with what the reports split a cohort by: the pupil groups of the DfE's performance tables
(sex, disadvantaged, SEN, EAL, prior attainment band) and whether the pupil was persistently absent in the
year of their exams, which the FFT roadshow sets beside results (docs/ks4-measures.md, "Pupil groups")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rollbook.rules.groups import group_label
from rollbook.rules.results.prior_attainment import Band
from rollbook.rules.results.pupil_measures import PupilMeasures


@dataclass(frozen=True)
class Ks4Pupil:
    upn: str
    #: As registers list pupils: "Surname, Forename".
    name: str
    sex: str | None
    #: Disadvantaged: eligible for free school meals at any time in the last six years.
    fsm6: bool | None
    sen: str | None
    eal: bool | None
    reg_group: str | None
    #: Share of possible sessions missed in the year of the exams, 0 to 1; None with no possible session.
    absence: float | None
    persistently_absent: bool | None
    measures: PupilMeasures


#: Each grouping's key (in addresses and the API) and its heading.
GROUPINGS = {
    "sex": "Sex",
    "disadvantaged": "Disadvantaged (FSM6)",
    "sen": "SEN",
    "eal": "EAL",
    "prior_attainment": "Prior attainment",
    "persistent_absence": "Persistent absence",
}
_BANDS = {Band.LOW: "Low prior attainment", Band.MIDDLE: "Middle prior attainment",
          Band.HIGH: "High prior attainment", None: "No KS2 prior attainment"}  # fmt: skip
#: Each grouping's groups in the order reports list them.
GROUP_ORDER = {
    "sex": ("Girls", "Boys", "Sex not recorded"),
    "disadvantaged": ("Disadvantaged", "Not disadvantaged", "FSM6 not recorded"),
    "sen": ("SEN support", "EHC plan", "No SEN", "SEN not recorded"),
    "eal": ("EAL", "Not EAL", "EAL not known"),
    "prior_attainment": tuple(_BANDS.values()),
    "persistent_absence": ("Persistently absent", "Not persistently absent", "No attendance held"),
}


def group_of(grouping: str, pupil: Ks4Pupil) -> str:
    """The group `pupil` belongs to in `grouping`, in a report's words."""
    if grouping == "sex":
        return group_label("sex", pupil.sex)
    if grouping == "disadvantaged":
        return {True: "Disadvantaged", False: "Not disadvantaged"}.get(pupil.fsm6, "FSM6 not recorded")  # type: ignore[arg-type]
    if grouping == "sen":
        return group_label("sen", pupil.sen)
    if grouping == "eal":
        return group_label("eal", pupil.eal)
    if grouping == "prior_attainment":
        return _BANDS[pupil.measures.prior_band]
    if grouping == "persistent_absence":
        return {True: "Persistently absent", False: "Not persistently absent"}.get(
            pupil.persistently_absent,  # type: ignore[arg-type]
            "No attendance held",
        )
    raise LookupError(f"there is no KS4 pupil grouping {grouping!r}; try one of {', '.join(GROUPINGS)}")


def split(grouping: str, pupils: Iterable[Ks4Pupil]) -> dict[str, list[Ks4Pupil]]:
    """The pupils in each group of `grouping` that has any, in the order reports list them."""
    found: dict[str, list[Ks4Pupil]] = {}
    for pupil in pupils:
        found.setdefault(group_of(grouping, pupil), []).append(pupil)
    return {group: found[group] for group in GROUP_ORDER[grouping] if group in found}


def measures_of(pupils: Sequence[Ks4Pupil]) -> list[PupilMeasures]:
    return [pupil.measures for pupil in pupils]
