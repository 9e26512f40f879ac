"""Outcomes by latest Ofsted rating: how many schools have each grade and the mean of their figures.

Each figure is the mean of the schools' published figures, each school counting once (not weighted by its
pupils), over the state-funded mainstream schools of the area with a published Progress 8 and a rating; a
school without one figure (EBacc entry suppressed, say) is left out of that figure's mean only. Which
rating a school has is explained in `sources`.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis.expr.types as ir

from rollbook.analytics import engine as engines
from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.sources import explore_table, public_store, state_funded
from rollbook.lake.public import PublicStore
from rollbook.rules.public.fields import explore_field
from rollbook.rules.public.ofsted import RATINGS

#: The table's figures, in its order.
FIGURES = ("basics_4_rate", "ebacc_entry_rate", "ebacc_4_rate", "attainment8", "progress8")
SPREAD_POINTS = {"lowest": 0.0, "lower_quartile": 0.25, "median": 0.5, "upper_quartile": 0.75, "highest": 1.0}


@dataclass(frozen=True)
class OfstedRow:
    rating: str
    schools: int
    basics_4_rate: float | None
    ebacc_entry_rate: float | None
    ebacc_4_rate: float | None
    attainment8: float | None
    progress8: float | None


@dataclass(frozen=True)
class RatingSpread:
    """How one figure varies between the schools of one rating, for the chart beside the table."""

    rating: str
    schools: int
    lowest: float | None
    lower_quartile: float | None
    median: float | None
    upper_quartile: float | None
    highest: float | None


def ofsted_table(
    year: int, area: Area, store: PublicStore | None = None, engine: str | None = None
) -> tuple[OfstedRow, ...]:
    """One row per rating, Outstanding first; a rating no school has shows 0 schools and no figures."""
    chosen = _chosen(year, area, store, engine)
    means = chosen.group_by("ofsted_grade").aggregate(
        schools=chosen.urn.count(), **{name: chosen[name].mean() for name in FIGURES}
    )
    return _by_rating(means, OfstedRow, FIGURES, engine)


def rating_spread(
    year: int,
    area: Area,
    measure: str = "progress8",
    store: PublicStore | None = None,
    engine: str | None = None,
) -> tuple[RatingSpread, ...]:
    """The spread of one figure within each rating, over the same schools as the table."""
    explore_field(measure)
    chosen = _chosen(year, area, store, engine)
    value = chosen[measure]
    spread = (
        chosen.filter(value.notnull())
        .group_by("ofsted_grade")
        .aggregate(
            schools=chosen.urn.count(),
            **{name: value.quantile(point) for name, point in SPREAD_POINTS.items()},
        )
    )
    return _by_rating(spread, RatingSpread, tuple(SPREAD_POINTS), engine)


def _by_rating(query: ir.Table, row: type, figures: tuple[str, ...], engine: str | None) -> tuple:
    """One `row` per rating, best first, from a query grouped by grade; a grade no school has shows 0
    schools and no figures."""
    found = {each["ofsted_grade"]: each for each in engines.run(query, engine)}
    return tuple(
        row(
            rating=name,
            schools=found.get(grade, {}).get("schools", 0),
            **{f: found.get(grade, {}).get(f) for f in figures},
        )
        for grade, name in RATINGS.items()
    )


def _chosen(year: int, area: Area, store: PublicStore | None, engine: str | None) -> ir.Table:
    table = explore_table(store or public_store(), year, engine)
    return table.filter(
        state_funded(table),
        area.keeps(table),
        table.progress8.notnull(),
        table.ofsted_grade.notnull(),
    )
