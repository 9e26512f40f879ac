"""Time finding every school's 20 similar schools (`comparators.similar.nearest_schools`, a block of
schools at a time) on synthetic profiles up to England's 24,000 schools, beside the earlier method that
measured every pair at once (`tests/support/similar_schools.py`), where that still fits in memory.

Each run is a fresh process: its time covers z-scoring and the neighbours; its memory is the peak resident
set minus the resident set once the profiles are built (the method's own). The neighbours of the two are
checked to be identical wherever both run. Five measures (the four of a profile and prior attainment).

    nice -n 10 uv run python bench/similar_bench.py [--sizes 3000,24000] [--every-pair-up-to 6000]

A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from rollbook.analytics.comparators.similar import FEATURES, SIMILAR_SCHOOLS, nearest_schools  # noqa: E402
from tests.support.similar_schools import every_pair, profiles  # noqa: E402

METHODS = {"blocks": nearest_schools, "every_pair": every_pair}
FEATURE_NAMES = [*FEATURES, "prior_attainment"]


def one_run(method: str, schools: int) -> None:
    """In the child: build the profiles, find the neighbours, print time, memory and a digest as JSON."""
    rows = profiles(schools, seed=24)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    nearest = METHODS[method](rows, FEATURE_NAMES, SIMILAR_SCHOOLS)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    digest = hash(tuple((urn, tuple(others)) for urn, others in sorted(nearest.items())))
    print(json.dumps({"seconds": seconds, "mb": (peak - before) / 1024, "digest": digest}))


def timed(method: str, schools: int) -> dict:
    load = os.getloadavg()[0]
    command = [sys.executable, __file__, "--one", method, str(schools)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return {**json.loads(output.strip().splitlines()[-1]), "load": load}


def main(sizes: list[int], every_pair_up_to: int) -> None:
    print("| Schools | Blocks | Every pair at once | Every pair / blocks |")
    print("|---|---|---|---|")
    for schools in sizes:
        blocks = timed("blocks", schools)
        cell = f"{blocks['seconds']:.2f} s, {blocks['mb']:,.0f} MB, load {blocks['load']:.1f}"
        if schools <= every_pair_up_to:
            pairs = timed("every_pair", schools)
            if pairs["digest"] != blocks["digest"]:
                raise SystemExit(f"{schools} schools: the two methods found different neighbours")
            other = f"{pairs['seconds']:.2f} s, {pairs['mb']:,.0f} MB (same neighbours)"
            ratio = f"{pairs['seconds'] / blocks['seconds']:.1f}×, memory {pairs['mb'] / blocks['mb']:.1f}×"
        else:
            gigabytes = schools**2 * len(FEATURE_NAMES) * 8 / 1e9
            other, ratio = f"not run: its array alone is {gigabytes:,.0f} GB", "—"
        print(f"| {schools:,} | {cell} | {other} | {ratio} |", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,6000,24000")
    parser.add_argument("--every-pair-up-to", type=int, default=6000)
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "SCHOOLS"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        one_run(arguments.one[0], int(arguments.one[1]))
    else:
        main([int(size) for size in arguments.sizes.split(",")], arguments.every_pair_up_to)
