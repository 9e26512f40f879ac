"""Similar schools: each school's nearest others on standardised measures of who its pupils are.

Each measure is z-scored across all schools (minus the mean, divided by the standard deviation) so that no
one measure dominates, and schools are compared by straight-line (Euclidean) distance over the z-scores.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

#: How many similar schools make a school's comparator.
SIMILAR_SCHOOLS = 20
#: The measures schools are compared on (each school's profile), and prior attainment where every school
#: has it.
FEATURES = ("fsm6_pct", "eal_pct", "sen_pct", "pupils_on_roll")


def nearest_schools(profiles: Sequence[dict], features: Sequence[str], k: int) -> dict[int, list[int]]:
    """Each school's `k` nearest other schools over z-scored `features` (ties broken by URN)."""
    if len(profiles) < 2:
        return {row["school"]: [] for row in profiles}
    values = np.array([[float(row[name]) for name in features] for row in profiles])
    spread = values.std(axis=0)
    scores = (values - values.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    distances = np.sqrt(((scores[:, None, :] - scores[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(distances, math.inf)
    urns = np.array([row["school"] for row in profiles])
    order = np.lexsort((np.broadcast_to(urns, distances.shape), distances), axis=1)
    nearest = order[:, : min(k, len(profiles) - 1)]  # never the school itself, last at infinite distance
    return {int(urns[i]): [int(urn) for urn in urns[nearest[i]]] for i in range(len(profiles))}
