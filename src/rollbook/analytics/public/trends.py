"""National and regional KS4 figures for each year loaded, and the disadvantaged and sex gaps, for the trend
charts.

An area's figure is its state-funded schools' figures (mainstream and special, as the DfE's "state-funded
schools" are) weighted by their pupils: KS4 pupils for attainment and rates, Progress 8 pupils for Progress
8. The DfE's own national figure also counts pupils of alternative provision and hospital schools, which
the school-level file has no rows for, so it is a little lower (docs/public-data.md).

The disadvantaged gap is other pupils' Attainment 8 minus disadvantaged pupils', each weighted by those
pupils: from the KS4 file where it has the split (the full
performance-tables file), otherwise from Schools Like Yours (its disadvantaged Attainment 8 and pupils; the
others' worked out from the whole school's). The sex gap is girls' minus boys', only from a KS4 file that
has them.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from rollbook.analytics import engine as engines
from rollbook.analytics.public.sources import dataset, explore_table, public_store, state_funded
from rollbook.lake.public import PublicStore
from rollbook.rules.public.fields import DataSet

ENGLAND = "England"
KS4_FILE = "KS4 results file"
SCHOOLS_LIKE_YOURS = "Schools Like Yours"
#: Figures weighted by KS4 pupils.
BY_PUPILS = ("attainment8", "basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_4_rate", "ebacc_aps")


@dataclass(frozen=True)
class AreaFigures:
    year: int
    area: str
    schools: int
    pupils: int | None
    attainment8: float | None
    progress8: float | None
    basics_4_rate: float | None
    basics_5_rate: float | None
    ebacc_entry_rate: float | None
    ebacc_4_rate: float | None
    ebacc_aps: float | None
    disadvantaged_attainment8: float | None
    other_attainment8: float | None
    disadvantaged_gap: float | None
    gap_source: str | None
    boys_attainment8: float | None
    girls_attainment8: float | None
    sex_gap: float | None


def trends(store: PublicStore | None = None, engine: str | None = None) -> tuple[AreaFigures, ...]:
    """England and each region, for every year with KS4 results loaded, earliest first."""
    store = store or public_store()
    found = []
    for year in store.years():
        if store.path(year, str(DataSet.KS4)) is None:
            continue
        table = explore_table(store, year, engine)
        table = table.filter(state_funded(table, special=True)).mutate(area=table.region.fill_null(""))
        rows = _figures(table, engine)
        gaps = _sly_gaps(store, year, engine)
        found += [_area_figures(year, row, gaps.get(row["area"])) for row in rows if row["area"]]
    return tuple(found)


def weighted(value: ir.NumericValue, weight: ir.NumericValue) -> ir.FloatingScalar:
    """The mean of `value` weighted by `weight`, over the rows having both."""
    both = value.notnull() & weight.notnull()
    return (value * weight).sum(where=both) / weight.sum(where=both).nullif(0)


def _figures(table: ir.Table, engine: str | None) -> list[dict]:
    disadvantaged = table.disadvantaged_pupils.cast("float64").coalesce(
        table.ks4_pupils * table.disadvantaged_rate / 100
    )
    others = table.ks4_pupils - disadvantaged
    measures = {
        "schools": table.urn.count(),
        "pupils": table.ks4_pupils.sum(),
        "progress8": weighted(table.progress8, table.p8_pupils),
        "disadvantaged_attainment8": weighted(table.disadvantaged_attainment8, disadvantaged),
        "other_attainment8": weighted(table.other_attainment8, others),
        "boys_attainment8": weighted(table.boys_attainment8, table.boys_ks4_pupils),
        "girls_attainment8": weighted(table.girls_attainment8, table.girls_ks4_pupils),
        **{name: weighted(table[name], table.ks4_pupils) for name in BY_PUPILS},
    }
    england = table.aggregate(**measures).mutate(area=ibis.literal(ENGLAND))
    regions = table.group_by("area").aggregate(**measures)
    return engines.run(england.union(regions.select(*england.columns)), engine)


def _sly_gaps(
    store: PublicStore, year: int, engine: str | None
) -> dict[str, tuple[float | None, float | None]]:
    """Disadvantaged and other pupils' Attainment 8 by area from Schools Like Yours, when it is loaded."""
    sly = dataset(store, year, DataSet.SCHOOLS_LIKE_YOURS, engine)
    if sly is None:
        return {}
    pupils, poorer = sly[f"KS4 pupils, {year}"], sly[f"KS4 PP pupils, {year}"]
    a8, poorer_a8 = sly[f"Attainment 8, {year}"], sly[f"PP Attainment 8, {year}"]
    complete = sly.filter(pupils.notnull(), poorer.notnull(), a8.notnull(), poorer_a8.notnull())
    pupils, poorer = complete[f"KS4 pupils, {year}"], complete[f"KS4 PP pupils, {year}"]
    a8, poorer_a8 = complete[f"Attainment 8, {year}"], complete[f"PP Attainment 8, {year}"]
    sums = {
        "poorer_points": (poorer_a8 * poorer).sum(),
        "poorer": poorer.sum(),
        "points": (a8 * pupils).sum(),
        "pupils": pupils.sum(),
    }
    england = complete.aggregate(**sums).mutate(area=ibis.literal(ENGLAND))
    regions = complete.group_by(area=complete.Region).aggregate(**sums)
    gaps = {}
    for row in engines.run(england.union(regions.select(*england.columns)), engine):
        others = row["pupils"] - row["poorer"]
        gaps[row["area"]] = (
            row["poorer_points"] / row["poorer"] if row["poorer"] else None,
            (row["points"] - row["poorer_points"]) / others if others else None,
        )
    return gaps


def _area_figures(year: int, row: dict, sly_gap: tuple[float | None, float | None] | None) -> AreaFigures:
    disadvantaged, others, source = row["disadvantaged_attainment8"], row["other_attainment8"], KS4_FILE
    if disadvantaged is None or others is None:
        disadvantaged, others = sly_gap or (None, None)
        source = SCHOOLS_LIKE_YOURS
    boys, girls = row["boys_attainment8"], row["girls_attainment8"]
    gap = None if disadvantaged is None or others is None else others - disadvantaged
    return AreaFigures(
        year=year,
        area=row["area"],
        schools=row["schools"],
        pupils=row["pupils"],
        progress8=row["progress8"],
        **{name: row[name] for name in BY_PUPILS},
        disadvantaged_attainment8=disadvantaged,
        other_attainment8=others,
        disadvantaged_gap=gap,
        gap_source=source if gap is not None else None,
        boys_attainment8=boys,
        girls_attainment8=girls,
        sex_gap=None if boys is None or girls is None else girls - boys,
    )
