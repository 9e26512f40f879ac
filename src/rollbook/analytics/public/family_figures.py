"""A school's Schools Like Yours family as a comparator for its own results and attendance: the family found
by the same method as the family page (the tool's default criteria, the latest year loaded), and its
members' published figures, each school weighted by its pupils as England's and the regions' are in
`trends`: KS4 figures by its KS4 pupils (Progress 8 by its Progress 8 pupils); absence by its pupils of
compulsory school age (Schools Like Yours' count), the ages the DfE's absence figures count (5 to 15), where
the census's pupils on roll would also count sixth formers, whose absence is not in them."""

from __future__ import annotations

from dataclasses import dataclass

from rollbook.analytics import engine as engines
from rollbook.analytics.public.similar import URN, family
from rollbook.analytics.public.sources import dataset, explore_table, latest_year, public_store
from rollbook.analytics.public.trends import weighted
from rollbook.lake.public import PublicStore
from rollbook.rules.public.family import FamilySettings
from rollbook.rules.public.fields import DataSet

#: The published figures a family is compared on, by the KS4 headline's keys.
BY_PUPILS = ("attainment8", "basics_4_rate", "basics_5_rate", "ebacc_entry_rate", "ebacc_4_rate",
             "ebacc_5_rate", "ebacc_aps")  # fmt: skip
#: Schools Like Yours' count of a school's pupils of compulsory school age, which weights its absence.
COMPULSORY_AGE = "Compulsory school age pupils"


@dataclass(frozen=True)
class PublicFamily:
    #: The results year of the public data (2019 is 2018/19).
    year: int
    #: The family's schools, by URN, without the school itself.
    members: tuple[int, ...]


@dataclass(frozen=True)
class FamilyFigures:
    #: The results year of the public data (2019 is 2018/19).
    year: int
    schools: int
    pupils: int | None
    measures: dict[str, float | None]


def public_family(urn: int, store: PublicStore | None = None, engine: str | None = None) -> PublicFamily:
    """The school's family in the latest Schools Like Yours data loaded; LookupError when none is loaded or
    the school is not in it, ValueError when the school lacks one of the default criteria."""
    store = store or public_store()
    year = latest_year(store, DataSet.SCHOOLS_LIKE_YOURS)
    found = family(FamilySettings.choose(urn, year), store, engine)
    return PublicFamily(year, tuple(member.urn for member in found.members if member.urn != urn))


def family_source(store: PublicStore | None = None) -> str | None:
    """The file families come from, whose path names its year and version (None when none is loaded): what
    a family's figures, and whether one can be offered, depend on."""
    store = store or public_store()
    try:
        year = latest_year(store, DataSet.SCHOOLS_LIKE_YOURS)
    except LookupError:
        return None
    return str(store.path(year, DataSet.SCHOOLS_LIKE_YOURS))


def family_figures(urn: int, store: PublicStore | None = None, engine: str | None = None) -> FamilyFigures:
    """The family's KS4 figures; LookupError and ValueError as `public_family`."""
    store = store or public_store()
    found = public_family(urn, store, engine)
    table = explore_table(store, found.year, engine)
    table = table.filter(table.urn.isin(found.members))
    (row,) = engines.run(
        table.aggregate(
            pupils=table.ks4_pupils.sum(),
            progress8=weighted(table.progress8, table.p8_pupils),
            **{name: weighted(table[name], table.ks4_pupils) for name in BY_PUPILS},
        ),
        engine,
    )
    pupils = row.pop("pupils")
    return FamilyFigures(found.year, len(found.members), int(pupils) if pupils is not None else None, row)


def family_absence(urn: int, store: PublicStore | None = None, engine: str | None = None) -> FamilyFigures:
    """The family's published overall and persistent absence, over the members with an overall absence
    figure and a count of pupils (`schools` counts them, `pupils` is theirs); LookupError also when the year
    holds no school absence data."""
    store = store or public_store()
    found = public_family(urn, store, engine)
    absence = dataset(store, found.year, DataSet.ABSENCE, engine)
    if absence is None:
        raise LookupError(f"no {DataSet.ABSENCE.label} data is loaded for {found.year}")
    sly = dataset(store, found.year, DataSet.SCHOOLS_LIKE_YOURS, engine)
    assert sly is not None  # the family came from it
    weights = sly.select(weight_urn=sly[URN], pupils=sly[COMPULSORY_AGE])
    table = absence.filter(absence.urn.isin(found.members))
    table = table.join(weights, table.urn == weights.weight_urn)
    counted = table.overall_absence_rate.notnull() & table.pupils.notnull()
    (row,) = engines.run(
        table.aggregate(
            schools=counted.sum(),
            pupils=table.pupils.sum(where=counted),
            overall_absence_rate=weighted(table.overall_absence_rate, table.pupils),
            persistent_absence_rate=weighted(table.persistent_absence_rate, table.pupils),
        ),
        engine,
    )
    schools, pupils = int(row.pop("schools") or 0), row.pop("pupils")
    return FamilyFigures(found.year, schools, int(pupils) if pupils is not None else None, row)
