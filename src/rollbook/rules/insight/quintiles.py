"""Percentile ranks and quintiles as Ofsted's IDSR defines them (docs/curriculum-and-insight.md,
"Quintiles").

Each school's figure is ranked among all schools' from 1, the highest, to 100, the lowest; ranks 1 to 20
are quintile 1 (the highest 20%), 21 to 40 quintile 2, and so on to quintile 5 (the lowest 20%). Quintiles
always run from the highest value, whether high is good (attainment) or not (absence). A school's rank is
its place counted from the top (tied schools share the best place), as a percentage of the schools,
rounded up.
"""

from __future__ import annotations

from collections.abc import Sequence

QUINTILE_WIDTH = 20
HIGHEST, LOWEST = 1, 5


def percentile_rank(value: float, among: Sequence[float]) -> int:
    """`value`'s rank from 1 (highest) to 100 (lowest) among all schools' figures, its own included."""
    if not among:
        raise ValueError("a percentile rank needs the figures of the schools it is among")
    place = 1 + sum(other > value for other in among)
    return min(100, -(-100 * place // len(among)))


def quintile_of_rank(rank: int) -> int:
    return (rank - 1) // QUINTILE_WIDTH + 1


def quintile(value: float, among: Sequence[float]) -> int:
    """1 for the highest 20% of schools to 5 for the lowest 20%."""
    return quintile_of_rank(percentile_rank(value, among))
