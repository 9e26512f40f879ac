"""Synthetic secondary schools: identity, place and intake, drawn with the spread of real schools."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from rollbook.rules import local_authorities
from rollbook.synth import census_mix, names

FIRST_URN = 900001
#: Synthetic establishment numbers: 4000-4999 is the DfE range for secondary schools, and these are unique
#: within their local authority.
FIRST_ESTAB, ESTABS_PER_LA = 4000, 1000
PHASE = "Secondary"

#: Year-group sizes run from the smallest to the largest as the school's size score runs across schools.
SMALLEST_YEAR_GROUP, LARGEST_YEAR_GROUP = 180, 260
#: Share of schools with a sixth form (Years 12-13).
SIXTH_FORM_SHARE = 0.4
#: Spread (log scale) of the school's attendance culture: how much more or less its pupils are absent than
#: pupils like them elsewhere. The census fit of log(2017/18 absence) on FSM6, EAL, SEN support and EHC %
#: leaves a residual SD of 0.19 between schools; this is set a little higher so that, with composition,
#: the spread of overall absence between schools comes out near the real 0.27 of the mean.
CULTURE_SPREAD = 0.24


@dataclass(frozen=True)
class SchoolInfo:
    urn: int
    la: int
    estab: int
    name: str
    la_name: str
    region: str
    fsm6_pct: float
    eal_pct: float
    sen_support_pct: float
    ehc_plan_pct: float
    year_group_size: int
    sixth_form: bool
    culture: float
    pupils: int = 0
    phase: str = PHASE

    @property
    def laestab(self) -> str:
        return f"{self.la:03d}{self.estab:04d}"


def _normal_cdf(scores: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.vectorize(math.erf)(scores / math.sqrt(2)))


def draw_schools(rng: np.random.Generator, count: int) -> list[SchoolInfo]:
    """`count` schools placed across local authorities in proportion to real state-funded secondaries."""
    codes = np.array(list(census_mix.SCHOOLS_BY_LA))
    weights = np.array(list(census_mix.SCHOOLS_BY_LA.values()), dtype=float)
    las = rng.choice(codes, size=count, p=weights / weights.sum())
    regions = [local_authorities.by_code(la).region for la in las]
    shifts = np.array([census_mix.REGION_SHIFT[region] for region in regions]).reshape(count, -1)
    scores = shifts + rng.multivariate_normal(np.zeros(len(census_mix.FIGURES)),
                                              census_mix.RESIDUAL_COVARIANCE,
                                              size=count)  # fmt: skip
    shares = _normal_cdf(scores)
    percents = {figure: census_mix.percent_at(figure, shares[:, i])
                for i, figure in enumerate(census_mix.FIGURES) if figure != "size"}  # fmt: skip
    sizes = np.rint(SMALLEST_YEAR_GROUP + (LARGEST_YEAR_GROUP - SMALLEST_YEAR_GROUP) * shares[:, 0]).astype(
        int
    )
    sixth_forms = rng.random(count) < SIXTH_FORM_SHARE
    cultures = np.exp(CULTURE_SPREAD * rng.standard_normal(count) - CULTURE_SPREAD**2 / 2)
    estabs = _estabs(rng, las)
    school_names = names.school_names(rng, count)
    return [
        SchoolInfo(
            urn=FIRST_URN + i,
            la=int(las[i]),
            estab=int(estabs[i]),
            name=school_names[i],
            la_name=local_authorities.by_code(las[i]).name,
            region=regions[i],
            fsm6_pct=round(float(percents["fsm6"][i]), 1),
            eal_pct=round(float(percents["eal"][i]), 1),
            sen_support_pct=round(float(percents["sen_support"][i]), 1),
            ehc_plan_pct=round(float(percents["ehc_plan"][i]), 1),
            year_group_size=int(sizes[i]),
            sixth_form=bool(sixth_forms[i]),
            culture=round(float(cultures[i]), 3),
        )
        for i in range(count)
    ]


def _estabs(rng: np.random.Generator, las: np.ndarray) -> np.ndarray:
    """Establishment numbers, different for every school in the same local authority."""
    estabs = np.zeros(len(las), dtype=int)
    for la in np.unique(las):
        in_la = np.flatnonzero(las == la)
        if len(in_la) > ESTABS_PER_LA:
            raise ValueError(f"more than {ESTABS_PER_LA} synthetic schools in local authority {la}")
        estabs[in_la] = FIRST_ESTAB + rng.choice(ESTABS_PER_LA, size=len(in_la), replace=False)
    return estabs
