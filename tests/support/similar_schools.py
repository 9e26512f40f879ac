"""Similar schools the way they were found before blocks, as the reference the block method is held to
(by the tests and by `bench/similar_bench.py`), and synthetic school profiles that tie often."""

from __future__ import annotations

import math

import numpy as np


def every_distance(profiles: list[dict], features: list[str]) -> np.ndarray:
    """The earlier method's distances: the whole schools × schools × measures array at once."""
    values = np.array([[float(row[name]) for name in features] for row in profiles])
    spread = values.std(axis=0)
    scores = (values - values.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    distances = np.sqrt(((scores[:, None, :] - scores[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(distances, math.inf)
    return distances


def every_pair(profiles: list[dict], features: list[str], k: int) -> dict[int, list[int]]:
    """The earlier method: every pair's distance, each row sorted by (distance, URN)."""
    distances = every_distance(profiles, features)
    urns = np.array([row["school"] for row in profiles])
    order = np.lexsort((np.broadcast_to(urns, distances.shape), distances), axis=1)
    nearest = order[:, : min(k, len(profiles) - 1)]
    return {int(urns[i]): [int(urn) for urn in urns[nearest[i]]] for i in range(len(profiles))}


def profiles(count: int, seed: int) -> list[dict]:
    """Profiles as publishing makes them, from whole numbers of pupils, so that many schools tie: a few
    sizes and percentages recur, and every tenth school is a copy of another under a new URN."""
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    for urn in rng.permutation(np.arange(100_000, 100_000 + count)):
        roll = int(rng.choice([600, 900, 1200, 1500]))
        if rows and urn % 10 == 0:
            rows.append({**rows[int(rng.integers(len(rows)))], "school": int(urn)})
            continue
        rows.append(
            {
                "school": int(urn),
                "pupils_on_roll": roll,
                "fsm6_pct": 100 * int(rng.integers(0, 4)) * 30 / roll,
                "eal_pct": 100 * int(rng.integers(0, 3)) * 60 / roll,
                "sen_pct": 100 * int(rng.integers(0, 3)) * 45 / roll,
                "prior_attainment": float(rng.choice([4.5, 5.0, 5.5])),
            }
        )
    return rows
