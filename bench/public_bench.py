"""Time public-data imports and queries on England's real 2019 data, beside pandas doing the same.

Imports the shared 2019 performance tables and Schools Like Yours (`shared/data`, or the folder named by
`ROLLBOOK_SHARED_DATA`) into a fresh store, then times, for every state-funded secondary school in England:

- the explore table (`schools_in_area`, England: 3,355 schools with every measure);
- the Ofsted table (`ofsted_table`, England);
- a Schools Like Yours family (`family`: the tool's default criteria, and again within 30 km);
- the trends (`trends`: England and the nine regions);

each cold (nothing registered or remembered: a new process's first request), re-run (the files registered,
the result not remembered) and warm (remembered), beside pandas reading the same Parquet files and doing
the same joins and sums (checked to agree). Times are the best of `REPEATS` runs.

Run with `uv run python bench/public_bench.py [--school URN]`. A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from rollbook.analytics import engine
from rollbook.analytics.public import sources
from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.explore import schools_in_area
from rollbook.analytics.public.ofsted import ofsted_table
from rollbook.analytics.public.similar import family
from rollbook.analytics.public.trends import trends
from rollbook.ingest.public import import_public
from rollbook.lake.public import PublicStore
from rollbook.rules.public.family import FamilySettings
from rollbook.rules.public.ofsted import RATINGS
from rollbook.rules.public.school_types import NOT_STATE_FUNDED_SCHOOLS

YEAR = 2019
REPEATS = 5
MICHAELA = 140862


def shared_data() -> Path:
    if named := os.environ.get("ROLLBOOK_SHARED_DATA"):
        return Path(named)
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    raise SystemExit("no shared/data folder found: set ROLLBOOK_SHARED_DATA")


def best(run: Callable[[], object], before: Callable[[], None] = lambda: None) -> float:
    fastest = math.inf
    for _ in range(REPEATS):
        before()
        started = time.perf_counter()
        run()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest


def forget_everything() -> None:
    engine._registered_file.cache_clear()
    sources._explore.cache_clear()
    engine.forget_results()


# The same queries in pandas, over the same files.


def frames(store: PublicStore) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(store.path(YEAR, name)) for name in store.held(YEAR)}


def pandas_explore(store: PublicStore, special: bool = False) -> pd.DataFrame:
    data = frames(store)
    table = data["ks4"]
    for name in ("census", "absence"):
        table = table.merge(data[name], on="urn", how="left")
    ratings = data["ofsted"].rename(columns={"ofsted_rating": "file_grade"})
    sly = data["schools_like_yours"][["URN", "Ofsted rating", "Easting", "Northing"]].rename(
        columns={"URN": "urn"}
    )
    sly["sly_grade"] = sly["Ofsted rating"].map({name: grade for grade, name in RATINGS.items()})
    table = table.merge(ratings, on="urn", how="left").merge(
        sly.drop(columns="Ofsted rating"), on="urn", how="left"
    )
    table["ofsted_grade"] = table["file_grade"].fillna(table["sly_grade"])
    areas = data["areas"].rename(columns={"la_name": "local_authority", "region_name": "region"})
    table = table.merge(areas[["la_code", "local_authority", "region"]], on="la_code", how="left")
    records = ["1", "2"] if special else ["1"]
    state_funded = table.record_type.fillna("1").isin(records) & ~table.school_type.fillna(
        ""
    ).str.upper().isin(NOT_STATE_FUNDED_SCHOOLS)
    return table[state_funded].sort_values(["name", "urn"])


def pandas_ofsted(store: PublicStore) -> pd.DataFrame:
    table = pandas_explore(store)
    chosen = table[table.progress8.notna() & table.ofsted_grade.notna()]
    figures = ["basics_4_rate", "ebacc_entry_rate", "ebacc_4_rate", "attainment8", "progress8"]
    return chosen.groupby("ofsted_grade").agg(
        schools=("urn", "size"), **{name: (name, "mean") for name in figures}
    )


def pandas_trends(store: PublicStore) -> pd.DataFrame:
    """Attainment 8 and rates weighted by KS4 pupils, Progress 8 by its pupils, for England and regions."""
    table = pandas_explore(store, special=True)
    england = table.assign(region="England")
    both = pd.concat([england, table[table.region.notna()]])
    rows = []
    for area, schools in both.groupby("region"):
        row = {"area": area, "schools": len(schools), "pupils": schools.ks4_pupils.sum()}
        for name, weight in [("attainment8", "ks4_pupils"), ("basics_4_rate", "ks4_pupils"),
                             ("ebacc_entry_rate", "ks4_pupils"), ("ebacc_4_rate", "ks4_pupils"),
                             ("ebacc_aps", "ks4_pupils"), ("progress8", "p8_pupils")]:  # fmt: skip
            held = schools[schools[name].notna() & schools[weight].notna()]
            row[name] = (held[name] * held[weight]).sum() / held[weight].sum()
        rows.append(row)
    return pd.DataFrame(rows)


def pandas_family(store: PublicStore, settings: FamilySettings, radius_km: float | None) -> list[int]:
    sly = pd.read_parquet(store.path(YEAR, "schools_like_yours"))
    school = sly[settings.school == sly.URN].iloc[0]
    criteria = list(settings.criteria)
    others = sly[settings.school != sly.URN]
    if radius_km is not None:
        km = ((others.Easting - school.Easting) ** 2 + (others.Northing - school.Northing) ** 2) ** 0.5 / 1000
        others = others[km <= radius_km]
    pool = pd.concat([sly[settings.school == sly.URN], others[others[criteria].notna().all(axis=1)]])
    spread = pool[criteria].std(ddof=0)
    difference = (((pool[criteria] - school[criteria]) / spread) ** 2).sum(axis=1) ** 0.5
    ranked = pool.assign(difference=difference.round(9), chosen=settings.school != pool.URN)
    return ranked.sort_values(["chosen", "difference", "URN"]).URN.head(settings.top + 1).tolist()


def rounded(figures: dict[str, float]) -> dict[str, float]:
    return {area: round(value, 9) for area, value in figures.items()}


def compare(label: str, ours: Callable[[], object], theirs: Callable[[], object]) -> None:
    cold = best(ours, forget_everything)
    rerun = best(ours, engine.forget_results)
    ours()
    warm = best(ours)
    pandas = best(theirs)
    print(
        f"| {label} | {cold * 1000:,.0f} ms | {rerun * 1000:,.0f} ms | {warm * 1000:,.1f} ms | "
        f"{pandas * 1000:,.0f} ms | {pandas / rerun:.1f}× | {pandas / warm:,.0f}× |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--school", type=int, default=MICHAELA, help="URN whose family is timed")
    options = parser.parse_args()
    data = shared_data()
    with tempfile.TemporaryDirectory() as folder:
        store = PublicStore(folder)
        files = [data / "performance-tables-2019", data / "schools-like-yours-ks4-2019"]
        started = time.perf_counter()
        outcome = import_public(files, store, YEAR)
        rows = sum(each.rows for each in outcome.files)
        print(f"import: {rows:,} rows in {time.perf_counter() - started:.2f} s")
        assert outcome.landed, outcome.report.text()

        england = Area.england()
        found = schools_in_area(YEAR, england, store)
        assert len(found.schools) == len(pandas_explore(store)), "the explore tables differ"
        assert [row.schools for row in ofsted_table(YEAR, england, store)] == pandas_ofsted(
            store
        ).schools.tolist()
        usual = FamilySettings.choose(options.school, YEAR)
        near = FamilySettings.choose(options.school, YEAR, filters=["Distance=30"])
        ours_trends = {row.area: row.attainment8 for row in trends(store)}
        theirs_trends = dict(zip(*pandas_trends(store)[["area", "attainment8"]].T.values, strict=True))
        assert rounded(ours_trends) == rounded(theirs_trends), "the trends differ"
        for settings, radius in ((usual, None), (near, 30.0)):
            ours = [member.urn for member in family(settings, store).members]
            assert ours == pandas_family(store, settings, radius), "the families differ"

        print(f"\n{len(found.schools):,} state-funded mainstream schools, {YEAR}; best of {REPEATS}\n")
        print("| Query | Cold | Re-run | Warm | pandas | pandas / re-run | pandas / warm |")
        print("|---|---|---|---|---|---|---|")
        compare(
            "Explore table, England",
            lambda: schools_in_area(YEAR, england, store),
            lambda: pandas_explore(store),
        )
        compare(
            "Ofsted table, England", lambda: ofsted_table(YEAR, england, store), lambda: pandas_ofsted(store)
        )
        compare(
            "Family, default criteria",
            lambda: family(usual, store),
            lambda: pandas_family(store, usual, None),
        )
        compare("Family within 30 km", lambda: family(near, store), lambda: pandas_family(store, near, 30.0))
        compare("Trends, England and regions", lambda: trends(store), lambda: pandas_trends(store))


if __name__ == "__main__":
    main()
