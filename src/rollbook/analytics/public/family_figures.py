"""A school's Schools Like Yours family as a comparator for its own results: the family found by the same
method as the family page (the tool's default criteria, the latest year loaded), and its members' published
KS4 figures, each school weighted by its KS4 pupils (Progress 8 by its Progress 8 pupils), as England's and
the regions' are in `trends`."""

from __future__ import annotations

from dataclasses import dataclass

from rollbook.analytics import engine as engines
from rollbook.analytics.public.similar import family
from rollbook.analytics.public.sources import explore_table, latest_year, public_store
from rollbook.analytics.public.trends import weighted
from rollbook.lake.public import PublicStore
from rollbook.rules.public.family import FamilySettings
from rollbook.rules.public.fields import DataSet

#: The published figures a family is compared on, by the KS4 headline's keys.
BY_PUPILS = ("attainment8", "basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_4_rate",
             "ebacc_5_rate", "ebacc_aps")  # fmt: skip


@dataclass(frozen=True)
class FamilyFigures:
    #: The results year of the public data (2019 is 2018/19).
    year: int
    schools: int
    pupils: int | None
    measures: dict[str, float | None]


def family_figures(urn: int, store: PublicStore | None = None, engine: str | None = None) -> FamilyFigures:
    """The family's figures; LookupError when no Schools Like Yours data is loaded or the school is not in
    it, ValueError when the school lacks one of the default criteria."""
    store = store or public_store()
    year = latest_year(store, DataSet.SCHOOLS_LIKE_YOURS)
    found = family(FamilySettings.choose(urn, year), store, engine)
    members = [member.urn for member in found.members if member.urn != urn]
    table = explore_table(store, year, engine)
    table = table.filter(table.urn.isin(members))
    (row,) = engines.run(
        table.aggregate(
            pupils=table.ks4_pupils.sum(),
            progress8=weighted(table.progress8, table.p8_pupils),
            **{name: weighted(table[name], table.ks4_pupils) for name in BY_PUPILS},
        ),
        engine,
    )
    pupils = row.pop("pupils")
    return FamilyFigures(year, len(members), int(pupils) if pupils is not None else None, row)
