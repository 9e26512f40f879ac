"""Time the analytics queries on a lake of synthetic schools, beside pandas doing the same sums.

Builds a lake of the largest N schools asked for (`rollbook.synth.write_schools`, then `import_paths`, so
the lake is what a real import gives), then for each N times:

- a school's year-to-date `summary` (the report page): cold (nothing registered or remembered), re-run
  (files registered, result not remembered) and warm (result remembered);
- `measures` across the first N schools grouped by school (the national comparison);

each beside pandas reading the same Parquet files and summing the same tallies (checked to agree), and
optionally (`--spark`) the same two queries on local Spark.

Run with `uv run --all-extras python bench/summary_bench.py [N ...] [--spark]` (default N: 20 100). A
script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

from rollbook.analytics import engine
from rollbook.analytics.attendance import measures, sessions, summary
from rollbook.analytics.attendance.sessions import ENROLMENT, TALLIED, academic_years_in
from rollbook.ingest import import_paths
from rollbook.lake import Lake
from rollbook.rules.attendance.codes import CATEGORY_OF
from rollbook.rules.attendance.measures import Tally, summarise
from rollbook.rules.periods import Period, year_to_date
from rollbook.rules.years import SESSION_MEASURE_YEARS
from rollbook.synth import write_schools

YEAR = 2024
AS_OF = dt.date(2025, 3, 28)  # the end of spring term: most of a year of marks
SEED = 2024
REPEATS = 3


def build_lake(folder: Path, schools: int) -> Lake:
    """A lake of `schools` synthetic schools, imported from the files a school's MIS would export."""
    exported = folder / "exported"
    started = time.perf_counter()
    write_schools(exported, schools, SEED, YEAR, AS_OF)
    lake = Lake(folder / "lake")
    import_paths([exported], lake, today=AS_OF)
    marks = sum(
        fragment.count_rows() for fragment in _dataset(lake, "marks", lake.schools(), [YEAR]).get_fragments()
    )
    print(f"lake: {schools} schools, {marks:,} marks, built in {time.perf_counter() - started:.1f} s")
    return lake


def seconds(run: Callable[[], object], before: Callable[[], None] = lambda: None) -> float:
    """The best of `REPEATS` timed runs of `run`, each after an untimed `before`."""
    best = float("inf")
    for _ in range(REPEATS):
        before()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def forget_everything() -> None:
    engine._registered.cache_clear()
    sessions._sessions_remembered.cache_clear()
    engine.forget_results()


# The same computation in pandas: read, keep on-roll marks of counted year groups, tally per enrolment,
# then the rules' own `summarise` per group.


def _dataset(lake: Lake, table: str, schools: Sequence[int], years: Sequence[int]) -> ds.Dataset:
    files = [str(path) for path in lake.files(table, list(years), list(schools))]
    return ds.dataset(files, format="parquet", partitioning="hive", partition_base_dir=str(lake.root / table))


def _frame(lake: Lake, table: str, schools: Sequence[int], years: Sequence[int]) -> pd.DataFrame:
    return _dataset(lake, table, schools, years).to_table().to_pandas(date_as_object=False)


def pandas_measures(lake: Lake, schools: Sequence[int], period: Period, by: Sequence[str] = ()) -> list[dict]:
    years = academic_years_in(period)
    pupils = _frame(lake, "pupils", schools, years)
    pupils = pupils[pupils.nc_year.isin(SESSION_MEASURE_YEARS)]
    marks = _frame(lake, "marks", schools, years)
    marks = marks[marks.date.between(pd.Timestamp(period.start), pd.Timestamp(period.end))]
    joined = marks.merge(pupils, on=list(ENROLMENT))
    on_roll = (joined.admission_date.isna() | (joined.admission_date <= joined.date)) & (
        joined.leaving_date.isna() | (joined.date <= joined.leaving_date)
    )
    joined = joined[on_roll]
    joined["week_commencing"] = joined.date - pd.to_timedelta(joined.date.dt.day_of_week, unit="D")
    categories = joined.code.map({code: str(category) for code, category in CATEGORY_OF.items()})
    tallied = [str(category) for category in TALLIED]
    counts = pd.get_dummies(categories).reindex(columns=tallied, fill_value=0).astype(int)
    keys = [*ENROLMENT, *(column for column in by if column not in ENROLMENT)]
    per_enrolment = pd.concat([joined[keys], counts], axis=1).groupby(keys, dropna=False).sum().reset_index()
    if not by:
        return [summarise(_tallies(per_enrolment, tallied))]
    return [
        {**dict(zip(by, group, strict=True)), **summarise(_tallies(rows, tallied))}
        for group, rows in per_enrolment.groupby(list(by), dropna=False)
    ]


def _tallies(per_enrolment: pd.DataFrame, tallied: list[str]) -> list[Tally]:
    return [Tally(*map(int, row)) for row in per_enrolment[tallied].itertuples(index=False)]


def pandas_summary(lake: Lake, school: int) -> dict[str, object]:
    """The year-to-date figures `summary` gives without a period, overall and week by week."""
    latest = _frame(lake, "marks", [school], [YEAR]).date.max().date()
    period = year_to_date(YEAR, latest)
    return {
        "measures": pandas_measures(lake, [school], period)[0],
        "weeks": pandas_measures(lake, [school], period, ["week_commencing"]),
    }


def figures(rows: list[dict]) -> list[dict]:
    """Rows without their group labels, which the two computations type differently."""
    return [
        {key: value for key, value in row.items() if key not in ("school", "week_commencing")} for row in rows
    ]


def report(label: str, ours: float, pandas: float) -> None:
    ratio = pandas / ours
    print(f"  {label:<40} {ours * 1000:8.1f} ms   pandas {pandas * 1000:8.1f} ms   pandas/ours {ratio:5.1f}x")


def bench(lake: Lake, schools: list[int], spark: bool) -> None:
    school, period = schools[0], summary(lake, schools[0])["period"]
    ytd = year_to_date(YEAR, dt.date.fromisoformat(period["to"]))
    check_agreement(lake, schools, ytd)
    print(f"\n{len(schools)} schools (year to date, {period['label']}), best of {REPEATS}:")
    pandas_one = seconds(lambda: pandas_summary(lake, school))
    report("summary, one school, cold", seconds(lambda: summary(lake, school), forget_everything), pandas_one)
    rerun = seconds(lambda: summary(lake, school), engine.forget_results)
    report("summary, one school, re-run", rerun, pandas_one)
    report("summary, one school, warm (remembered)", seconds(lambda: summary(lake, school)), pandas_one)
    pandas_all = seconds(lambda: pandas_measures(lake, schools, ytd, ["school"]))
    report(
        "measures by school, cold",
        seconds(lambda: measures(lake, schools, ytd, by=["school"]), forget_everything),
        pandas_all,
    )
    report(
        "measures by school, re-run",
        seconds(lambda: measures(lake, schools, ytd, by=["school"]), engine.forget_results),
        pandas_all,
    )
    if spark:
        bench_spark(lake, schools, ytd)


def check_agreement(lake: Lake, schools: list[int], period: Period) -> None:
    """Time nothing that gives different figures."""
    ours = summary(lake, schools[0])
    theirs = pandas_summary(lake, schools[0])
    assert [ours["measures"]] == [theirs["measures"]] and figures(ours["weeks"]) == figures(theirs["weeks"])
    assert figures(measures(lake, schools, period, by=["school"])) == figures(
        pandas_measures(lake, schools, period, ["school"])
    )


def bench_spark(lake: Lake, schools: list[int], period: Period) -> None:
    started = time.perf_counter()
    engine.backend("spark")
    print(f"  Spark (local[2]) started in {time.perf_counter() - started:.1f} s")
    for label, run in [
        ("summary, one school", lambda: summary(lake, schools[0], engine="spark")),
        ("measures by school", lambda: measures(lake, schools, period, by=["school"], engine="spark")),
    ]:
        cold = seconds(run, forget_everything)
        again = seconds(run, engine.forget_results)
        print(f"  Spark {label:<38} cold {cold * 1000:9.1f} ms   re-run {again * 1000:9.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schools", nargs="*", type=int, default=[20, 100], help="lake sizes to time")
    parser.add_argument("--spark", action="store_true", help="also time the Spark engine")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lake = build_lake(Path(folder), max(arguments.schools))
        every_school = lake.schools()
        for count in sorted(arguments.schools):
            bench(lake, every_school[:count], arguments.spark)


if __name__ == "__main__":
    main()
