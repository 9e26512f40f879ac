"""Time Rollbook's national KS4 figures beside pandas doing the same, and the KS4 headline page for one
300-pupil cohort.

The lake is a synthetic 2018/19 nation written directly as partitions (`ks4_bench_data.py`: N schools, about
183 Year 11 pupils and 9 results a pupil each). Each mode is one run in a fresh process, so a whole-process
timer can set two modes side by side:

- `rollbook`: the national publish's figures (`national.work_out`: every pupil measured in the engine, the
  estimates and sigma by the rules, the national headline and its pupil groups) and then every school's
  headline (its pupils measured in the engine against those estimates, summed by the rules);
- `pandas`: the same figures from the same Parquet files with pandas alone (the rules' grade points
  table aside): discounting, slots, EBacc, Basics, estimates with the cap, sigma, headlines;
- `publish`: `national.work_out` alone, which runs on any checkout of Rollbook (put an older one's `src`
  first on PYTHONPATH to time the rules measuring pupil by pupil);
- `check`: the `rollbook` and `pandas` runs' figures agree (both write them beside the lake);
- `page`: the KS4 headline report for the 300-pupil school, built through the report registry's `run`
  with no remembered answer: cold (nothing registered), then 30 times with the engine's query results
  forgotten each time, then 30 times with them remembered; medians in milliseconds.

Run with `nice -n 10 uv run python bench/ks4_bench.py MODE [--schools N]` (default 300). A script, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.dataset as ds

sys.path.insert(0, str(Path(__file__).parent))
from ks4_bench_data import CACHE, PAGE_SCHOOL, YEAR, lake_for  # noqa: E402
from rollbook.analytics import engine  # noqa: E402
from rollbook.analytics.results import national  # noqa: E402
from rollbook.lake import Lake  # noqa: E402

WHEN = dt.datetime(2019, 8, 22, tzinfo=dt.UTC)
PAGE_RUNS = 30
TOLERANCE = 1e-9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("rollbook", "pandas", "publish", "check", "page"))
    parser.add_argument("--schools", type=int, default=300)
    args = parser.parse_args()
    lake = lake_for(args.schools)
    folder = CACHE / f"ks4-{args.schools}"
    if args.mode == "publish":
        timed("national.work_out", lambda: national.work_out(lake, YEAR, published=WHEN))
    elif args.mode in ("rollbook", "pandas"):
        figures = timed(
            args.mode, lambda: (rollbook_figures if args.mode == "rollbook" else pandas_figures)(lake)
        )
        (folder / f"{args.mode}.json").write_text(json.dumps(figures, indent=1))
    elif args.mode == "check":
        check(*(json.loads((folder / f"{mode}.json").read_text()) for mode in ("rollbook", "pandas")))
    else:
        page(lake, folder)


def timed(what: str, run):
    started = time.perf_counter()
    found = run()
    print(f"{what}: {time.perf_counter() - started:.2f} s")
    return found


# Rollbook


def rollbook_figures(lake: Lake) -> dict:
    from rollbook.analytics.results.cohort import schools_with_results
    from rollbook.analytics.results.figures import measures
    from rollbook.analytics.results.pupil_measures import measured_pupils
    from rollbook.rules.results.headline import headline
    from rollbook.rules.results.pupil_groups import measures_of
    from rollbook.rules.results.pupil_measures import with_progress8

    found = timed("  national figures", lambda: national.work_out(lake, YEAR, published=WHEN))
    started = time.perf_counter()
    schools = {
        urn: measures(headline([with_progress8(p, found.estimates) for p in measures_of(pupils)], YEAR,
                               found.sigma))
        for urn, pupils in measured_pupils(lake, schools_with_results(lake, YEAR), YEAR).items()
    }  # fmt: skip
    print(f"  every school's headline: {time.perf_counter() - started:.2f} s")
    return {
        "national": found.measures,
        "groups": found.groups,
        "sigma": found.sigma,
        "estimates": {str(row.group): [row.attainment8, row.minimum] for row in found.estimates.rows},
        "schools": {str(urn): figures for urn, figures in schools.items()},
    }


# pandas

ENGLISH = ["English language", "English literature"]
EBACC_PILLARS = ["science", "humanities", "languages"]
SEX = {"F": "Girls", "M": "Boys"}
SEN = {"K": "SEN support", "E": "EHC plan", "N": "No SEN"}
BANDS = {"low": "Low prior attainment", "middle": "Middle prior attainment", "high": "High prior attainment"}


def frame(lake: Lake, table: str) -> pd.DataFrame:
    files = [str(path) for path in lake.files(table, [YEAR])]
    found = ds.dataset(
        files, format="parquet", partitioning="hive", partition_base_dir=str(lake.root / table)
    )
    return found.to_table().to_pandas()


def pandas_figures(lake: Lake) -> dict:
    from rollbook.analytics.results.pupil_measures import grade_points, subject_places

    pupils = frame(lake, "pupils")
    pupils = pupils[pupils.nc_year == 11][["school", "upn", "sex", "fsm6", "sen", "eal"]]
    results = frame(lake, "results").merge(pupils[["school", "upn"]], on=["school", "upn"])
    held = set(results.school)
    pupils = pupils[pupils.school.isin(held)]
    results = results.merge(grade_points(YEAR).to_pyarrow().to_pandas(), on=["qualification", "grade"])
    results = results.merge(subject_places().to_pyarrow().to_pandas(), on="subject")
    counted = discount(results[results.attempted])
    found = pupils.merge(attainment8(counted), on=["school", "upn"], how="left")
    found = found.merge(ebacc_and_basics(counted), on=["school", "upn"], how="left")
    found = found.merge(prior_groups(frame(lake, "prior_attainment")), on=["school", "upn"], how="left")
    for column in found.columns[6:]:
        if column not in ("group", "band"):
            found[column] = found[column].fillna(False if found[column].dtype == object else 0.0)
    for column in ("ebacc_entered", "ebacc_4", "ebacc_5", "basics_4", "basics_5"):
        found[column] = found[column].astype(bool)
    estimates, sigma = progress8(found)
    labels = {
        "sex": found.sex.map(SEX).fillna("Sex not recorded"),
        "disadvantaged": found.fsm6.map({True: "Disadvantaged", False: "Not disadvantaged"}),
        "sen": found.sen.map(SEN).fillna("SEN not recorded"),
        "eal": found.eal.map({True: "EAL", False: "Not EAL"}),
        "prior_attainment": found.band.map(BANDS).fillna("No KS2 prior attainment"),
        "persistent_absence": pd.Series("No attendance held", index=found.index),  # no registers held
    }
    return {
        "national": headline(found, sigma),
        "groups": {
            grouping: {group: headline(members, sigma) for group, members in found.groupby(label)}
            for grouping, label in labels.items()
        },
        "sigma": sigma,
        "estimates": estimates,
        "schools": {str(urn): headline(members, sigma) for urn, members in found.groupby("school")},
    }


def discount(results: pd.DataFrame) -> pd.DataFrame:
    """First entry in an EBacc subject when every series is known, a reformed GCSE before the rest, then
    the most points (the first in the lake's order among equals)."""
    keys = ["school", "upn", "discount_group"]
    grouped = results.groupby(keys, sort=False)
    dated = grouped.exam_series.transform("count") == grouped.upn.transform("size")
    ebacc_subject = (results.pillar != "none").groupby([results[k] for k in keys]).transform("any")
    results = results[
        ~(ebacc_subject & dated) | (results.exam_series == grouped.exam_series.transform("min"))
    ]
    reformed = results.groupby(keys, sort=False).reformed.transform("any")
    results = results[~reformed | results.reformed].assign(value=lambda t: t.points * t.slots)
    order = [*keys, "value", "subject", "qualification", "exam_series", "grade"]
    results = results.sort_values(order, ascending=[True] * 3 + [False] + [True] * 4, na_position="last")
    return results.drop_duplicates(keys)


def ranked(frame: pd.DataFrame, by: str) -> pd.Series:
    ordered = frame.sort_values(["school", "upn", by, "points"], ascending=[True, True, True, False])
    return ordered.groupby(["school", "upn", by], sort=False).cumcount().reindex(frame.index)


def attainment8(counted: pd.DataFrame) -> pd.DataFrame:
    pillar, ebacc = counted.pillar, counted.ebacc
    kind = np.select(
        [(pillar == "maths") & ebacc, pillar.isin(ENGLISH) & ebacc, pillar.isin(EBACC_PILLARS) & ebacc,
         pillar != "maths"],
        ["maths", "english", "ebacc", "open"], default="",
    )  # fmt: skip
    units = counted.assign(kind=kind)[kind != ""]
    units = pd.concat(
        [units, units[(units.slots > 1) & units.kind.isin(["ebacc", "open"])]], ignore_index=True
    )
    rank = ranked(units, "kind")
    basket = np.select(
        [(units.kind == "maths") & (rank == 0), (units.kind == "english") & (rank == 0),
         (units.kind == "ebacc") & (rank < 3), units.kind != "maths"],
        ["maths", "english", "ebacc", "open"], default="",
    )  # fmt: skip
    units = units.assign(basket=basket)[basket != ""]
    units = units[(units.basket != "open") | (ranked(units, "basket") < 3)]
    sums = units.pivot_table(index=["school", "upn"], columns="basket", values="points", aggfunc="sum")
    sums = sums.reindex(columns=["maths", "english", "ebacc", "open"]).fillna(0.0)
    both = counted[ebacc & pillar.isin(ENGLISH)].groupby(["school", "upn"]).pillar.nunique() == 2
    sums["maths"] *= 2
    sums["english"] *= np.where(both.reindex(sums.index, fill_value=False), 2, 1)
    return sums.add_prefix("a8_").reset_index()


def ebacc_and_basics(counted: pd.DataFrame) -> pd.DataFrame:
    sat = counted[counted.ebacc].copy()
    sat["rank"] = ranked(sat.assign(route=sat.science.fillna("")), "route")
    reach4, reach5 = sat.threshold.fillna(-1) >= 4, sat.threshold.fillna(-1) >= 5
    areas = {
        "lang": sat.pillar == ENGLISH[0], "lit": sat.pillar == ENGLISH[1], "eng": sat.pillar.isin(ENGLISH),
        "maths": sat.pillar == "maths", "hum": sat.pillar == "humanities", "mfl": sat.pillar == "languages",
        "combined": sat.science == "combined", "single": sat.science == "single",
        "core": sat.science == "core", "additional": sat.science == "additional",
    }  # fmt: skip
    columns = {}
    for name, where in areas.items():
        columns[f"{name}_sat"] = where
        columns[f"{name}_best"] = sat.points.where(where)
        columns[f"{name}_4"] = where & reach4
        columns[f"{name}_5"] = where & reach5
    columns["single_first"] = sat.points.where(areas["single"] & (sat["rank"] == 0))
    columns["single_second"] = sat.points.where(areas["single"] & (sat["rank"] == 1))
    flags = pd.DataFrame(columns).assign(school=sat.school, upn=sat.upn)
    per = flags.groupby(["school", "upn"]).agg(
        **{c: (c, "max") for c in columns if c.endswith(("_best", "_first", "_second"))},
        **{c: (c, "any") for c in columns if c.endswith(("_sat", "_4", "_5"))},
        singles=("single_sat", "sum"), singles_4=("single_4", "sum"),
    )  # fmt: skip
    first = np.full(len(per), np.nan)
    second = np.full(len(per), np.nan)
    entered = np.zeros(len(per), bool)
    achieved = np.zeros(len(per), bool)
    core, additional = per.core_best.to_numpy(), per.additional_best.to_numpy()
    routes = [
        (per.combined_sat, per.combined_best, per.combined_best, per.combined_4),
        (per.singles >= 3, per.single_first, per.single_second, per.singles_4 >= 2),
        (per.core_sat & per.additional_sat, np.fmax(core, additional), np.fmin(core, additional),
         per.core_4 & per.additional_4),
    ]  # fmt: skip
    for valid, route_first, route_second, reached in routes:
        valid, route_first, route_second = valid.to_numpy(), np.asarray(route_first), np.asarray(route_second)
        better = valid & (
            np.isnan(first) | (route_first > first) | ((route_first == first) & (route_second > second))
        )
        first, second = np.where(better, route_first, first), np.where(better, route_second, second)
        entered |= valid
        achieved |= valid & np.asarray(reached)
    both = (per.lang_sat & per.lit_sat).to_numpy()
    pillars = [np.where(both, per.eng_best.fillna(0), 0), per.maths_best.fillna(0), np.nan_to_num(first),
               np.nan_to_num(second), per.hum_best.fillna(0), per.mfl_best.fillna(0)]  # fmt: skip
    total = pillars[0]
    for points in pillars[1:]:
        total = total + np.asarray(points)
    return pd.DataFrame(
        {
            "ebacc_entered": both & per.maths_sat & entered & per.hum_sat & per.mfl_sat,
            **{
                f"ebacc_{g}": both & per[f"eng_{g}"] & per[f"maths_{g}"] & achieved & per.hum_4 & per.mfl_4
                for g in (4, 5)
            },
            "ebacc_aps": total / 6,
            **{f"basics_{g}": per[f"eng_{g}"] & per[f"maths_{g}"] for g in (4, 5)},
        },  # fmt: skip
        index=per.index,
    ).reset_index()


def prior_groups(prior: pd.DataFrame) -> pd.DataFrame:
    """Fine levels: the mean of reading and maths rounded half up to 1 dp, in tenths."""
    hundredths = (prior.ks2_reading.astype(float) * 100).round() + (
        prior.ks2_maths.astype(float) * 100
    ).round()
    tenths = ((hundredths + 10) // 20).astype(int)
    band = np.select([tenths < 40, tenths < 50], ["low", "middle"], "high")
    return pd.DataFrame({"school": prior.school, "upn": prior.upn, "group": tenths, "band": band})


def progress8(found: pd.DataFrame) -> tuple[dict, float]:
    """Estimates from the cohort's pupils with KS2 (each group's means and cap), each pupil's P8 and
    elements, and sigma; adds the pupil columns `p8`, `p8_counted` and the element scores."""
    found["a8"] = found[["a8_maths", "a8_english", "a8_ebacc", "a8_open"]].sum(axis=1)
    measured = found[found.group.notna()]
    groups = measured.groupby("group")
    means = groups[["a8", "a8_english", "a8_maths", "a8_ebacc", "a8_open"]].mean()
    spread = groups.a8.std(ddof=0).where(groups.a8.size() > 1) / 10
    own = measured.group.map(means.a8)
    own_spread = measured.group.map(spread)
    standardised = np.sort(((measured.a8 - own) / 10 / own_spread)[own_spread > 0].to_numpy())
    k = -standardised[int(0.01 * len(standardised))]
    minimum = (-k * spread).where(spread > 0)
    estimate = found.group.map(means.a8)
    found["p8"] = (found.a8 - estimate) / 10
    floor = found.group.map(minimum)
    found["p8_counted"] = np.where(found.p8 < floor, floor, found.p8)
    for element, slots in (("english", 2), ("maths", 2), ("ebacc", 3), ("open", 3)):
        found[f"p8_{element}"] = (found[f"a8_{element}"] - found.group.map(means[f"a8_{element}"])) / slots
    sigma = float(found.p8.dropna().std(ddof=0))
    estimates = {
        f"{int(group) // 10}.{int(group) % 10}": [means.a8[group], None if math.isnan(low) else low]
        for group, low in minimum.items()
    }
    return estimates, sigma


def headline(pupils: pd.DataFrame, sigma: float) -> dict:
    measured = pupils.p8_counted.dropna()
    score = float(measured.mean()) if len(measured) else None
    half = 1.96 * sigma / math.sqrt(len(measured)) if len(measured) else None
    return {
        "pupils": len(pupils),
        "attainment8": pupils.a8.mean(),
        "progress8": score,
        "progress8_ci_low": score - half if score is not None else None,
        "progress8_ci_high": score + half if score is not None else None,
        "ebacc_entry_rate": 100 * pupils.ebacc_entered.mean(),
        "ebacc_aps": pupils.ebacc_aps.mean(),
        "ebacc_4_rate": 100 * pupils.ebacc_4.mean(),
        "ebacc_5_rate": 100 * pupils.ebacc_5.mean(),
        "basics_4_rate": 100 * pupils.basics_4.mean(),
        "basics_5_rate": 100 * pupils.basics_5.mean(),
        "attainment8_english": pupils.a8_english.mean(),
        "attainment8_maths": pupils.a8_maths.mean(),
        "attainment8_ebacc": pupils.a8_ebacc.mean(),
        "attainment8_open": pupils.a8_open.mean(),
    }


# Agreement


def check(ours: dict, theirs: dict) -> None:
    """Every figure of the two runs agrees to TOLERANCE (relative), and they hold the same keys."""
    differences = list(_differences(ours, theirs, "figures"))
    for where in differences[:20]:
        print("differs:", where)
    figures = sum(1 for _ in _leaves(ours))
    print(f"{figures:,} figures compared, {len(differences)} differ")
    sys.exit(1 if differences else 0)


def _differences(ours, theirs, where: str):
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if set(ours) != set(theirs):
            yield f"{where}: keys {sorted(set(ours) ^ set(theirs))}"
        for key in set(ours) & set(theirs):
            yield from _differences(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(ours, list) and isinstance(theirs, list):
        for n, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            yield from _differences(a, b, f"{where}[{n}]")
    elif (ours is None) != (theirs is None) or (
        ours is not None and not math.isclose(ours, theirs, rel_tol=TOLERANCE, abs_tol=TOLERANCE)
    ):
        yield f"{where}: {ours} vs {theirs}"


def _leaves(found):
    values = found.values() if isinstance(found, dict) else found if isinstance(found, list) else [found]
    for value in values:
        if isinstance(value, dict | list):
            yield from _leaves(value)
        else:
            yield value


# The page


def page(lake: Lake, folder: Path) -> None:
    """The KS4 headline for the 300-pupil school, national figures published beside it first."""
    os.environ["ROLLBOOK_DATA_DIR"] = str(folder / "data")
    from rollbook import config
    from rollbook.analytics.reports.base import ReportContext
    from rollbook.analytics.reports.ks4.headline import REPORT
    from rollbook.analytics.results.school import forget_measured

    root = config.ks4_national_root()
    if national.latest(root, YEAR) is None:
        timed("published the national figures", lambda: national.publish(lake, root, [YEAR]))
    context = ReportContext(school=PAGE_SCHOOL, lake=lake)

    def once() -> float:
        started = time.perf_counter()
        report = REPORT.run(REPORT.ask({}, context))
        assert report.data["measures"]["pupils"] == 300
        return 1000 * (time.perf_counter() - started)

    print(f"cold (first in the process): {once():.0f} ms")
    forgotten, remembered = [], []
    for _ in range(PAGE_RUNS):
        engine.forget_results()
        forget_measured()
        forgotten.append(once())
    for _ in range(PAGE_RUNS):
        forget_measured()
        remembered.append(once())
    kept = [once() for _ in range(PAGE_RUNS)]
    for words, times in (("queries run afresh", forgotten), ("query results remembered", remembered),
                         ("measured cohorts kept", kept)):  # fmt: skip
        print(f"{words}: median {statistics.median(times):.1f} ms, "
              f"95th percentile {np.percentile(times, 95):.1f} ms over {PAGE_RUNS}")  # fmt: skip


if __name__ == "__main__":
    main()
