"""Schools Like Yours: the family of schools most like a chosen one, by criteria the user picks.

Difference (a standardised distance in the spirit of FFT Education Datalab's tool, not its exact formula,
which is not published):

1. The eligible schools are those that pass every filter and hold a value for every criterion; the chosen
   school is always among them. A school lacking any criterion is left out (and counted), since it cannot
   be placed; the chosen school lacking one is refused, naming it.
2. Each criterion is standardised over the eligible schools: divided by its standard deviation across them
   (the population's, dividing by their number). A criterion on which they all agree counts for nothing.
3. A school's Difference is the straight-line (Euclidean) distance from the chosen school over the chosen
   criteria in those units: the square root of the sum of ((its value - the chosen school's) / SD)².
   Subtracting each criterion's mean, as z-scores do, changes no distance, so it is not done.
4. The family is the chosen school (Difference 0) and then the `top` eligible schools with the smallest
   Difference, ties (equal to nine decimal places) in URN order.

Distance filters use the schools' grid references: straight-line km between eastings and northings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from rollbook.analytics import engine as engines
from rollbook.analytics.public.sources import dataset, public_store
from rollbook.lake.public import PublicStore
from rollbook.rules.public.family import FamilySettings, Filter
from rollbook.rules.public.fields import DataSet
from rollbook.rules.public.schools_like_yours import DIFFERENCE, DISTANCE, EASTING, NORTHING

NAME, URN = "School name", "URN"
#: Differences equal to this many decimal places are ties, put in URN order (so that rounding in the last
#: binary digit does not decide between two schools equally far away).
TIE_PLACES = 9


@dataclass(frozen=True)
class FamilyMember:
    urn: int
    name: str | None
    difference: float
    #: Kilometres from the chosen school, where both have grid references.
    distance_km: float | None
    #: The displayed fields, by the tool's names.
    values: Mapping[str, object]

    def as_dict(self) -> dict[str, object]:
        return {"urn": self.urn, "name": self.name, "difference": self.difference, **self.values}


@dataclass(frozen=True)
class Family:
    settings: FamilySettings
    #: The chosen school first, then the family nearest first.
    members: tuple[FamilyMember, ...]
    #: Schools that passed the filters and held every criterion, besides the chosen one.
    eligible: int
    #: Schools that passed the filters but lacked a value for a criterion, so were left out.
    lacking: int
    #: Each criterion's standard deviation over the eligible schools: its unit of Difference.
    spread: Mapping[str, float | None]


def family(settings: FamilySettings, store: PublicStore | None = None, engine: str | None = None) -> Family:
    """The family for `settings` (see the module's docstring). LookupError when the data set is not loaded
    or does not have the school; ValueError when the school lacks a criterion or a distance filter's grid
    reference."""
    year = settings.year
    table = dataset(store or public_store(), year, DataSet.SCHOOLS_LIKE_YOURS, engine)
    if table is None:
        raise LookupError(f"no Schools Like Yours data is loaded for {year}")
    wanted = [URN, NAME, EASTING, NORTHING, *settings.criteria, *(each.field for each in settings.filters)]
    table = table.select(*dict.fromkeys(name for name in [*wanted, *settings.displayed] if name != DISTANCE))
    found = engines.run(table.filter(table[URN] == settings.school), engine)
    if not found:
        raise LookupError(f"URN {settings.school} is not in Schools Like Yours {year}")
    school = found[0]
    lacking = [name for name in settings.criteria if school[name] is None]
    if lacking:
        raise ValueError(f"{school[NAME]} has no {', '.join(lacking)}, so cannot be compared on it")
    table = table.mutate(**{DISTANCE: _distance_km(table, school)})
    chosen, others = table[URN] == settings.school, table[URN] != settings.school
    passing = ibis.and_(others, *(_keeps(table, each, school) for each in settings.filters))
    holds = ibis.and_(*(table[name].notnull() for name in settings.criteria))
    in_pool = chosen | (passing & holds)
    counts = table.aggregate(
        eligible=(passing & holds).sum(),
        lacking=(passing & ~holds).sum(),
        **{_sd(name): table[name].std(how="pop", where=in_pool) for name in settings.criteria},
    )
    (sums,) = engines.run(counts, engine)
    spread = {name: sums[_sd(name)] for name in settings.criteria}
    columns = list(dict.fromkeys([URN, NAME, DISTANCE, *settings.criteria, *settings.displayed]))
    pool = table.filter(in_pool).select(*columns)
    ranked = pool.mutate(**{DIFFERENCE: _difference(pool, school, spread)})
    ranked = ranked.order_by(ranked[URN] != settings.school, ranked[DIFFERENCE].round(TIE_PLACES), URN)
    rows = engines.run(ranked.limit(settings.top + 1), engine)
    members = tuple(_member(row, settings) for row in rows)
    return Family(settings, members, int(sums["eligible"] or 0), int(sums["lacking"] or 0), spread)


def _sd(name: str) -> str:
    return f"sd {name}"


def _distance_km(table: ir.Table, school: dict) -> ir.FloatingValue:
    if school[EASTING] is None or school[NORTHING] is None:
        return ibis.null("float64")
    east, north = table[EASTING] - _number(school[EASTING]), table[NORTHING] - _number(school[NORTHING])
    return (east * east + north * north).sqrt() / 1000


def _keeps(table: ir.Table, chosen: Filter, school: dict) -> ir.BooleanValue:
    if chosen.field == DISTANCE and school[EASTING] is None:
        raise ValueError(f"{school[NAME]} has no grid reference, so distances from it are not known")
    value = table[chosen.field]
    if chosen.values:
        return value.cast("string").lower().isin([each.casefold() for each in chosen.values])
    keeps = value.notnull()
    if chosen.low is not None:
        keeps &= value >= _number(chosen.low)
    if chosen.high is not None:
        keeps &= value <= _number(chosen.high)
    return keeps


def _difference(table: ir.Table, school: dict, spread: Mapping[str, float | None]) -> ir.FloatingValue:
    terms = [
        ((table[name].cast("float64") - _number(school[name])) / _number(sd)) ** 2
        for name, sd in spread.items()
        if sd  # no spread (or one school): every eligible school is the same on it
    ]
    return sum(terms[1:], terms[0]).sqrt() if terms else ibis.literal(0.0)


def _number(value: float) -> ir.FloatingScalar:
    """A figure as a double on every engine (Spark reads a bare decimal literal as a DECIMAL, to 6 places)."""
    return ibis.literal(float(value), type="float64")


def _member(row: dict, settings: FamilySettings) -> FamilyMember:
    return FamilyMember(
        urn=row[URN],
        name=row[NAME],
        difference=0.0 if row[URN] == settings.school else row[DIFFERENCE],
        distance_km=row[DISTANCE],
        values={name: row[name] for name in settings.displayed},
    )
