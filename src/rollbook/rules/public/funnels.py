"""Funnel charts of Progress 8: how far from the national average a school's score may fall by chance, for
its number of pupils.

A school's Progress 8 is the mean of its pupils' scores, so with n pupils it varies by chance around the
national average (0, since each pupil is measured against pupils nationally with the same prior attainment)
with a standard error of σ / √n, where σ is the national standard deviation of pupils' scores. A school
outside the 95% limits (1.96 standard errors) is unlikely to be there by chance; outside the 99.8% limits
(3.09), very unlikely. These are the limits of the DfE's own 95% confidence intervals turned round: a
school is outside the funnel exactly when its interval does not include 0 (docs/explore-pages.md).

σ is published for the whole measure and its elements in FFT Education Datalab's Schools Like Yours (its
funnel charts), for 2017 to 2019; the DfE's 2019 intervals reproduce with 1.283 (rules/results/progress8).
A measure without a known σ has no funnel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: The national standard deviation of pupils' scores, by Schools Like Yours field ({y}: the results year).
PUPIL_SD = {
    ("Progress 8, {y}", 2019): 1.282479,
    ("Progress 8, English slot, {y}", 2019): 1.546113,
    ("Progress 8, maths slot, {y}", 2019): 1.365617,
    ("Progress 8, EBacc slots, {y}", 2019): 1.526479,
    ("Progress 8, open slots, {y}", 2019): 1.511807,
    ("Progress 8, {y}", 2018): 1.262617,
    ("Progress 8, {y}", 2017): 1.229722,
}
#: How many standard errors each pair of limits lies from the average.
LIMITS = {"95%": 1.96, "99.8%": 3.09}
#: Each Progress 8 field is measured over the pupils of its year's Progress 8.
PUPILS = "P8 pupils, {y}"


@dataclass(frozen=True)
class Funnel:
    field: str
    #: The field holding each school's pupils, the funnel's width.
    pupils: str
    sigma: float
    centre: float = 0.0

    def limits(self, pupils: int) -> dict[str, tuple[float, float]]:
        """The lower and upper limits for a school of `pupils` pupils, by level."""
        error = self.sigma / math.sqrt(pupils)
        return {level: (self.centre - z * error, self.centre + z * error) for level, z in LIMITS.items()}


def funnel(field: str) -> Funnel | None:
    """The funnel of a Schools Like Yours field ("Progress 8, 2019"), or None when its σ is not known."""
    for (template, year), sigma in PUPIL_SD.items():
        if field == template.format(y=year):
            return Funnel(field, PUPILS.format(y=year), sigma)
    return None
