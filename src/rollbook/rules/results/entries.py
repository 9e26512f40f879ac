"""Subject entries: the share of a cohort entered in each subject and EBacc subject area, subjects and
qualifications per pupil, and the EBacc subject area that holds most pupils back from EBacc entry
(docs/curriculum-and-insight.md, "Subject entries").

An entry is a result that counts (discounting.py): a result marked absent is not an entry, as for EBacc
entry. Shares are of every pupil given, entered or not; three-year figures pool three cohorts' pupils.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from rollbook.rules.results.ebacc import Area
from rollbook.rules.results.pupil_measures import PupilMeasures


@dataclass(frozen=True)
class Entries:
    #: A subject's key or an EBacc subject area.
    subject: str
    entrants: int
    pupils: int

    @property
    def share(self) -> float:
        """The percentage of the pupils entered."""
        return 100 * self.entrants / self.pupils


def subject_entries(pupils: Sequence[PupilMeasures]) -> dict[str, Entries]:
    """Every subject at least one of the pupils is entered in."""
    entrants: dict[str, int] = {}
    for pupil in pupils:
        for subject in {result.subject.key for result in pupil.counted}:
            entrants[subject] = entrants.get(subject, 0) + 1
    return {subject: Entries(subject, count, len(pupils)) for subject, count in sorted(entrants.items())}


def area_entries(pupils: Sequence[PupilMeasures]) -> dict[Area, Entries]:
    """Every EBacc subject area, entered as EBacc entry counts it (English needs both English subjects)."""
    return {
        area: Entries(area, sum(area in p.ebacc.areas_entered for p in pupils), len(pupils)) for area in Area
    }


def subjects_per_pupil(pupils: Sequence[PupilMeasures]) -> float:
    return statistics.fmean(len({result.subject.key for result in p.counted}) for p in pupils)


def qualifications_per_pupil(pupils: Sequence[PupilMeasures]) -> float:
    """Counted qualifications per pupil, a double award (combined science) counting as the two it is."""
    return statistics.fmean(sum(result.qualification.slots for result in p.counted) for p in pupils)


@dataclass(frozen=True)
class EBaccBarrier:
    area: Area
    #: Pupils not entered for the EBacc who have no entry in the area.
    missing: int
    #: Of those, the pupils for whom it is the only area missing.
    only_missing: int
    entries: Entries


def ebacc_barrier(pupils: Sequence[PupilMeasures]) -> EBaccBarrier | None:
    """The area most often missing among pupils not entered for the EBacc (which is the area with the
    lowest entry share); a tie goes to the area more often missing alone, then to the EBacc's order. None
    when every pupil is entered."""
    short = [p.ebacc.missing_areas for p in pupils if not p.ebacc.entered]
    if not short:
        return None
    order = list(Area)
    missing = {area: sum(area in gaps for gaps in short) for area in Area}
    alone = {area: sum(gaps == {area} for gaps in short) for area in Area}
    area = max(Area, key=lambda a: (missing[a], alone[a], -order.index(a)))
    return EBaccBarrier(area, missing[area], alone[area], area_entries(pupils)[area])
