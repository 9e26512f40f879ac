"""The schools of an area with every measure held: the explore table, scatterplot and map read this."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import ibis.expr.operations as ops

from rollbook.analytics import engine as engines
from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.sources import explore_table, public_store, state_funded
from rollbook.lake.public import PublicStore
from rollbook.rules.public.fields import Field, measures
from rollbook.rules.public.school_types import school_type_name


@dataclass(frozen=True)
class SchoolRow:
    urn: int
    laestab: int | None
    name: str | None
    la_code: int | None
    local_authority: str | None
    region: str | None
    school_type: str | None
    ofsted_rating: str | None
    rating_source: str | None
    p8_banding: str | None
    #: Ordnance Survey grid reference in metres, for the map and distances.
    easting: float | None
    northing: float | None
    #: Every figure of `rules.public.fields.measures()`, by key (None where not published or not loaded).
    measures: Mapping[str, float | None]

    def as_dict(self) -> dict[str, object]:
        """One flat row, for CSV and Excel: the details, then every figure."""
        details = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "measures"}
        return {**details, **self.measures}


@dataclass(frozen=True)
class AreaSchools:
    year: int
    area: Area
    #: The figures at least one school of the area has, in the order pages list them.
    measures: tuple[Field, ...]
    schools: tuple[SchoolRow, ...]


def schools_in_area(
    year: int, area: Area, store: PublicStore | None = None, engine: str | None = None
) -> AreaSchools:
    """The state-funded mainstream schools of `area` in `year`'s KS4 results, by name, with every measure.

    Kept per version of the year's files (the explore table names it), since England's 3,355 rows take
    longer to make into rows than to query: pages ask for them on every request."""
    table = explore_table(store or public_store(), year, engine)
    return _area_schools(table.op(), year, area, engine)


@functools.lru_cache(maxsize=32)
def _area_schools(source: ops.Relation, year: int, area: Area, engine: str | None) -> AreaSchools:
    table = source.to_expr()
    chosen = table.filter(state_funded(table), area.keeps(table)).order_by("name", "urn")
    rows = engines.run(chosen, engine)
    keys = [each.key for each in measures()]
    schools = tuple(_school(row, keys) for row in rows)
    held = tuple(
        each for each in measures() if any(school.measures[each.key] is not None for school in schools)
    )
    return AreaSchools(year, area, held, schools)


#: The columns a row carries as they are.
_DETAILS = ("urn", "laestab", "name", "la_code", "local_authority", "region", "ofsted_rating",
            "rating_source", "p8_banding", "easting", "northing")  # fmt: skip


def _school(row: dict, keys: list[str]) -> SchoolRow:
    return SchoolRow(
        **{name: row[name] for name in _DETAILS},
        school_type=school_type_name(row["school_type"]),
        measures={key: row[key] for key in keys},
    )
