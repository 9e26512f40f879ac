"""Similar schools: each school's nearest others on standardised measures of who its pupils are.

Each measure is z-scored across all schools (minus the mean, divided by the standard deviation) so that no
one measure dominates, and schools are compared by straight-line (Euclidean) distance over the z-scores.

England has about 24,000 schools, so the distances are never held all at once (that square would be about
4.6 GB, and its differences per measure four times that): a block of schools at a time is measured against
all of them, which keeps memory linear in the number of schools. Within a block the distances are first
estimated with one matrix product (fast, but rounded differently), every school that could be among the
nearest is kept, and only those are measured exactly, so the neighbours are the same as measuring every
pair exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: How many similar schools make a school's comparator.
SIMILAR_SCHOOLS = 20
#: The measures schools are compared on (each school's profile), and prior attainment where every school
#: has it.
FEATURES = ("fsm6_pct", "eal_pct", "sen_pct", "pupils_on_roll")
#: Distances estimated per block of schools: the block's rows × every school stay near 64 MB.
_BLOCK_DISTANCES = 8_000_000


def nearest_schools(
    profiles: Sequence[dict], features: Sequence[str], k: int, *, block: int | None = None
) -> dict[int, list[int]]:
    """Each school's `k` nearest other schools over z-scored `features` (ties broken by URN).

    `block` (schools measured at once) is for tests; by default a block holds about 8 million distances.
    """
    if len(profiles) < 2:
        return {row["school"]: [] for row in profiles}
    values = np.array([[float(row[name]) for name in features] for row in profiles])
    spread = values.std(axis=0)
    scores = (values - values.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    urns = np.array([row["school"] for row in profiles])
    k = min(k, len(profiles) - 1)
    if k < 1:
        return {int(urn): [] for urn in urns}
    block = block or max(1, _BLOCK_DISTANCES // len(profiles))
    norms = (scores**2).sum(axis=1)
    nearest: dict[int, list[int]] = {}
    for first in range(0, len(profiles), block):
        rows = np.arange(first, min(first + block, len(profiles)))
        for row, others in zip(rows, _nearest_in_block(scores, norms, urns, rows, k), strict=True):
            nearest[int(urns[row])] = [int(urn) for urn in urns[others]]
    return nearest


def _nearest_in_block(
    scores: np.ndarray, norms: np.ndarray, urns: np.ndarray, rows: np.ndarray, k: int
) -> list[np.ndarray]:
    """The indices of the `k` nearest other schools of each school in `rows`, nearest first.

    Squared distances are estimated as |a|² + |b|² − 2a·b (`norms` holds each |a|²), less the row's own
    |a|², which shifts a whole row and changes none of its order. The rounding error is far below `slack`,
    so every school whose exact distance could rank among the k nearest (ties included) has an estimate
    within `slack` of the k-th smallest estimate; those candidates alone are measured exactly, as the
    square root of the summed squared differences, and ordered by (distance, URN).
    """
    estimates = scores[rows] @ scores.T
    estimates *= -2.0
    estimates += norms
    estimates[np.arange(len(rows)), rows] = np.inf  # never the school itself
    kth = np.partition(estimates, k - 1, axis=1)[:, k - 1]
    slack = 1e-9 * (1.0 + 4.0 * norms.max())
    position, other = np.divmod(np.flatnonzero(estimates <= (kth + slack)[:, None]), len(scores))
    exact = np.sqrt(((scores[rows[position]] - scores[other]) ** 2).sum(axis=1))
    ranked = np.lexsort((urns[other], exact, position))
    position, other = position[ranked], other[ranked]
    starts = np.searchsorted(position, np.arange(len(rows)))
    return [other[start : start + k] for start in starts]
