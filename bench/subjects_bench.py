"""Time Rollbook's national subject figures and every school's subject value added beside pandas doing the
same subject value added, on the synthetic national KS4 lake of `ks4_bench_data.py` (N schools, about 183
Year 11 pupils and 9 results a pupil each: 3,000 schools are about 5 million results).

Subject value added (rules/results/subject_value_added.py): a subject's national estimate for a KS2
prior-attainment group is the mean points of its national entrants in that group (thin groups at either end
joined inwards); a school's value added in the subject is the mean over its entrants of their points minus
their group's estimate. Each mode is one run in a fresh process, so a whole-process timer can set two
modes side by side:

- `national`: the national KS4 figures (`national.work_out`), written under the lake's folder once, as a
  publish writes them; not part of the timed modes, which read them (run it first);
- `rollbook`: the national subject figures (`subjects.work_out` against those national figures: every
  pupil measured in the engine, points per subject, the estimates per group, difficulty, quintile figures)
  and then every school's subject value added as the curriculum report computes it (the cohorts measured by
  the rules, `curriculum.year_residuals` and `curriculum.subject_results`);
- `pandas`: the subject estimates and every school's subject value added from the same Parquet files with
  pandas alone (the rules' grade points table aside): discounting, points per subject, KS2 groups, the
  estimates with thin groups joined, residuals and each school's mean;
- `check`: the `rollbook` and `pandas` runs' figures agree (both write them beside the lake) to 1e-9.

Run with `nice -n 10 uv run python bench/subjects_bench.py MODE [--schools N]` (default 300). A script, not
a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from ks4_bench import WHEN, check, discount, frame, prior_groups, timed  # noqa: E402
from ks4_bench_data import CACHE, YEAR, lake_for  # noqa: E402
from rollbook.analytics.results import national  # noqa: E402
from rollbook.lake import Lake  # noqa: E402
from rollbook.rules.results.subject_value_added import GROUP_ENTRANTS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("national", "rollbook", "pandas", "check"))
    parser.add_argument("--schools", type=int, default=300)
    args = parser.parse_args()
    lake = lake_for(args.schools)
    folder = CACHE / f"ks4-{args.schools}"
    root = folder / "national"
    work = {"rollbook": lambda: rollbook_figures(lake, root), "pandas": lambda: pandas_figures(lake)}
    if args.mode == "national":
        timed("national.work_out", lambda: publish_national(lake, root))
    elif args.mode in work:
        figures = timed(args.mode, work[args.mode])
        (folder / f"subjects-{args.mode}.json").write_text(json.dumps(figures, indent=1))
    else:
        ours, theirs = (json.loads((folder / f"subjects-{m}.json").read_text()) for m in work)
        print(tally(ours))
        check(ours, theirs)


def tally(figures: dict) -> str:
    cells = sum(len(subjects) for subjects in figures["schools"].values())
    groups = sum(len(subject["groups"]) for subject in figures["estimates"].values())
    return (
        f"{len(figures['schools']):,} schools: {cells:,} school-subject value added figures (entrants and "
        f"value added); {len(figures['estimates'])} subjects' estimates: {groups:,} groups (points and "
        f"entrants) and sigma; {len(figures['points'])} national average points"
    )


def publish_national(lake: Lake, root: Path) -> Path:
    """The national KS4 figures written as `national.publish` writes them, without the subject figures."""
    found = national.work_out(lake, YEAR, published=WHEN)
    return national.write_whole(root / str(YEAR) / f"{found.published:%Y%m%dT%H%M%S%f}.json", found.to_json())


# Rollbook


def rollbook_figures(lake: Lake, root: Path) -> dict:
    from rollbook.analytics.results import subjects
    from rollbook.analytics.results.cohort import cohorts, schools_with_results
    from rollbook.analytics.results.curriculum import subject_results, year_residuals
    from rollbook.analytics.results.value_added import baseline_scores

    published = national.latest(root, YEAR)
    if published is None or published.provisional:
        sys.exit(f"no national KS4 figures under {root}: run the `national` mode first")
    found = published.national
    held = timed("  national subject figures", lambda: subjects.work_out(lake, YEAR, found))
    started = time.perf_counter()
    schools = schools_with_results(lake, YEAR)
    scores = baseline_scores(lake, schools, YEAR)
    value_added = {}
    for cohort in cohorts(lake, schools, YEAR, found.estimates):
        own = {upn: s for (school, upn), s in scores.items() if school == cohort.school}
        residuals, _ = year_residuals(cohort.pupils, held, YEAR, own)
        value_added[str(cohort.school)] = {
            row["subject"]: [row["value_added"]["entrants"], row["value_added"]["value_added"]]
            for row in subject_results(cohort.pupils, held, residuals, [])
            if row["value_added"] is not None
        }
    print(f"  every school's subject value added: {time.perf_counter() - started:.2f} s")
    return {
        "points": held.subject_points,
        "estimates": {
            subject: {
                "sigma": estimate.sigma,
                "groups": {str(row.group): [row.points, row.entrants] for row in estimate.groups},
            }
            for baseline, estimates in held.subject_estimates.items()
            for subject, estimate in estimates.subjects.items()
        },
        "schools": value_added,
    }


# pandas


def pandas_figures(lake: Lake) -> dict:
    from rollbook.analytics.results.pupil_measures import grade_points, subject_places

    pupils = frame(lake, "pupils")
    pupils = pupils[pupils.nc_year == 11][["school", "upn"]]
    results = frame(lake, "results").merge(pupils, on=["school", "upn"])
    results = results.merge(grade_points(YEAR).to_pyarrow().to_pandas(), on=["qualification", "grade"])
    results = results.merge(subject_places().to_pyarrow().to_pandas(), on="subject")
    counted = discount(results[results.attempted])[["school", "upn", "subject", "points"]]
    groups = prior_groups(frame(lake, "prior_attainment"))[["school", "upn", "group"]]
    entries = counted.merge(groups, on=["school", "upn"])  # entrants with no KS2 have no residual
    cells = entries.groupby(["subject", "group"]).points.agg(["sum", "size"]).reset_index()
    cells["band"] = cells.groupby("subject", group_keys=False)[["group", "size"]].apply(joined_thin)
    bands = cells.groupby(["subject", "band"])[["sum", "size"]].sum()
    bands["points"] = bands["sum"] / bands["size"]
    entries = entries.merge(cells[["subject", "group", "band"]], on=["subject", "group"])
    entries["residual"] = entries.points - entries.set_index(["subject", "band"]).index.map(bands.points)
    sigma = entries.groupby("subject").residual.std(ddof=0)
    schools = entries.groupby(["school", "subject"]).residual.agg(["size", "mean"])
    by_school: dict[str, dict] = {}
    for (school, subject), size, mean in zip(schools.index, schools["size"], schools["mean"], strict=True):
        by_school.setdefault(str(school), {})[subject] = [int(size), mean]
    return {
        "points": counted.groupby("subject").points.mean().to_dict(),
        "estimates": {
            subject: {
                "sigma": sigma[subject],
                "groups": {
                    f"{band // 10}.{band % 10}": [row["points"], int(row["size"])]
                    for band, row in bands.loc[subject].iterrows()
                },
            }
            for subject in sigma.index
        },
        "schools": by_school,
    }


def joined_thin(cells: pd.DataFrame) -> pd.Series:
    """Each group's band (its lowest group, in tenths of a fine level) for one subject's groups, lowest first:
    those of fewer than GROUP_ENTRANTS entrants at either end joined to their neighbour inwards."""
    counts, groups = cells["size"].to_numpy(), cells["group"].to_numpy()
    bottom = np.cumsum(counts) >= GROUP_ENTRANTS
    top = np.cumsum(counts[::-1])[::-1] >= GROUP_ENTRANTS
    first = int(np.argmax(bottom)) if bottom.any() else len(counts) - 1  # the lowest band reaches here
    last = max(int(np.flatnonzero(top).max()) if top.any() else 0, first)  # the highest band starts here
    position = np.clip(np.arange(len(counts)), first, last)
    position[position == first] = 0
    return pd.Series(groups[position], index=cells.index)


if __name__ == "__main__":
    main()
