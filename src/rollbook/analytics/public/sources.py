"""The public store's data sets as tables on the engine, and the explore table built from them.

The explore table has one row per school in a year's KS4 results file, with the school's census, absence,
Ofsted rating, local authority, region and grid reference beside its results; a data set not loaded for the
year leaves its columns blank rather than removing them, so every page sees the same columns.

Ofsted rating: the Ofsted ratings file's grade for the URN; where that file has none ("Unknown", typically a
school that became an academy under a new URN and was not yet inspected as one) and the year's Schools Like
Yours data set is loaded, its grade ("Ofsted rating at the end of 2019/20") for the same URN.
`rating_source` says which. Grid references come from Schools Like Yours, the only loaded file that has them.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import ibis
import ibis.expr.types as ir

from rollbook import config
from rollbook.analytics import engine as engines
from rollbook.lake.public import ARROW_TYPES, PublicStore
from rollbook.rules import local_authorities
from rollbook.rules.public.fields import DataSet, fields
from rollbook.rules.public.ofsted import RATINGS
from rollbook.rules.public.school_types import MAINSTREAM, NOT_STATE_FUNDED_SCHOOLS, SPECIAL
from rollbook.rules.public.schools_like_yours import EASTING, NORTHING

RATINGS_FILE = "Ofsted ratings file"
SCHOOLS_LIKE_YOURS = "Schools Like Yours"


def public_store() -> PublicStore:
    return PublicStore(config.public_root())


def dataset(store: PublicStore, year: int, name: DataSet, engine: str | None = None) -> ir.Table | None:
    """A year's data set as a table, or None when the year does not hold it."""
    path = store.path(year, str(name))
    return None if path is None else engines.parquet_files([path], engine=engine)


def latest_year(store: PublicStore, name: DataSet = DataSet.KS4) -> int:
    """The latest year holding a data set; LookupError when none does."""
    held = [year for year in store.years() if store.path(year, str(name)) is not None]
    if not held:
        raise LookupError(f"no {name.label} data is loaded: import it with `rollbook public-data import`")
    return held[-1]


def explore_table(store: PublicStore, year: int, engine: str | None = None) -> ir.Table:
    """Every school of the year's KS4 results with every field held (see the module's docstring), built
    once per version of the year's files and held by the engine."""
    paths = tuple(store.path(year, str(name)) for name in _EXPLORED)
    if paths[0] is None:
        raise LookupError(f"no {DataSet.KS4.label} are loaded for {year}")
    return _explore(engine or config.engine(), tuple(None if path is None else str(path) for path in paths))


#: The data sets the explore table is made from, KS4 first.
_EXPLORED = (
    DataSet.KS4,
    DataSet.CENSUS,
    DataSet.ABSENCE,
    DataSet.OFSTED,
    DataSet.SCHOOLS_LIKE_YOURS,
    DataSet.AREAS,
)


@functools.lru_cache(maxsize=16)
def _explore(engine: str, paths: tuple[str | None, ...]) -> ir.Table:
    ks4, census, absence, ofsted, sly, areas = (
        None if path is None else engines.parquet_files([Path(path)], engine=engine) for path in paths
    )
    table = _beside(_beside(ks4, census, DataSet.CENSUS), absence, DataSet.ABSENCE)
    table = _with_area_names(_with_grid_reference(_with_rating(table, ofsted, sly), sly), areas)
    name = f"explore_{hashlib.sha1(repr(paths).encode()).hexdigest()[:16]}"
    return engines.held_in_memory(table, name, engine)


def state_funded(table: ir.Table, special: bool = False) -> ir.BooleanValue:
    """State-funded mainstream schools, and with `special` state-funded special schools too (a file
    without record or school types counts every row)."""
    records = [MAINSTREAM, SPECIAL] if special else [MAINSTREAM]
    school_type = table.school_type.fill_null("").upper()
    return table.record_type.fill_null(MAINSTREAM).isin(records) & ~school_type.isin(
        sorted(NOT_STATE_FUNDED_SCHOOLS)
    )


def _blank(name: DataSet, keys: list[str]) -> dict[str, ir.Value]:
    kinds = {each.key: each.kind for each in fields(name)}
    return {key: ibis.null(ARROW_TYPES[kinds[key]]) for key in keys}


def _beside(table: ir.Table, other: ir.Table | None, name: DataSet) -> ir.Table:
    keys = [each.key for each in fields(name) if each.key != "urn"]
    if other is None:
        return table.mutate(**_blank(name, keys))
    other = other.select("urn", *keys).rename(other_urn="urn")
    return table.left_join(other, table.urn == other.other_urn).drop("other_urn")


def _with_rating(table: ir.Table, ofsted: ir.Table | None, sly: ir.Table | None) -> ir.Table:
    if ofsted is not None:
        ratings = ofsted.select(rating_urn=ofsted.urn, file_grade=ofsted.ofsted_rating.cast("int8"))
        table = table.left_join(ratings, table.urn == ratings.rating_urn).drop("rating_urn")
    else:
        table = table.mutate(file_grade=ibis.null("int8"))
    if sly is not None:
        grades = sly.select(
            sly_urn=sly.URN,
            sly_grade=sly["Ofsted rating"].cases(*((name, grade) for grade, name in RATINGS.items())),
        )
        table = table.left_join(grades, table.urn == grades.sly_urn).drop("sly_urn")
    else:
        table = table.mutate(sly_grade=ibis.null("int8"))
    grade = table.file_grade.cast("int8").coalesce(table.sly_grade.cast("int8"))
    rating = grade.cases(*RATINGS.items())
    source = ibis.cases(
        (table.file_grade.notnull(), RATINGS_FILE),
        (table.sly_grade.notnull(), SCHOOLS_LIKE_YOURS),
        else_=ibis.null("string"),
    )
    return table.mutate(ofsted_grade=grade, ofsted_rating=rating, rating_source=source).drop(
        "file_grade", "sly_grade"
    )


def _with_grid_reference(table: ir.Table, sly: ir.Table | None) -> ir.Table:
    if sly is None:
        return table.mutate(easting=ibis.null("float64"), northing=ibis.null("float64"))
    grid = sly.select(grid_urn=sly.URN, easting=sly[EASTING], northing=sly[NORTHING])
    return table.left_join(grid, table.urn == grid.grid_urn).drop("grid_urn")


def _with_area_names(table: ir.Table, areas: ir.Table | None) -> ir.Table:
    """LA names and regions from the year's LA and region file, else from the DfE's list Rollbook ships."""
    if areas is None:
        shipped = local_authorities.every()
        areas = ibis.memtable(
            {
                "la_code": [each.code for each in shipped],
                "la_name": [each.name for each in shipped],
                "region_name": [each.region for each in shipped],
            },
            schema={"la_code": "int64", "la_name": "string", "region_name": "string"},
        )
    names = areas.select(area_code=areas.la_code, local_authority=areas.la_name, region=areas.region_name)
    return table.left_join(names, table.la_code == names.area_code).drop("area_code")
