"""Small, hand-checked worlds of public data, written straight into a public store."""

from __future__ import annotations

from pathlib import Path

from rollbook.ingest.public.sly_json import columns
from rollbook.ingest.public.tables import arrow_table
from rollbook.lake.public import PublicStore
from rollbook.rules.public.fields import DataSet, fields

YEAR = 2019
#: What a KS4 row is unless a test says otherwise: a state-funded mainstream school in Camden.
KS4_DEFAULTS = {"record_type": "1", "school_type": "ACC", "la_code": 202}


def table(kinds: dict, rows: list[dict]):
    unknown = {key for row in rows for key in row} - set(kinds)
    assert not unknown, f"no such columns: {unknown}"
    return arrow_table({key: [row.get(key) for row in rows] for key in kinds}, kinds)


def kinds_of(dataset: DataSet) -> dict:
    return {each.key: each.kind for each in fields(dataset)}


def world(
    data_dir: Path,
    ks4: list[dict] | None = None,
    *,
    ofsted: dict[int, int | None] | None = None,
    sly: list[dict] | None = None,
    year: int = YEAR,
    **others: list[dict],
) -> PublicStore:
    """A store holding `year`'s data sets: KS4 rows (with `KS4_DEFAULTS`), Ofsted grades by URN, Schools
    Like Yours rows by its field names, and any other data set by name (census=[…], areas=[…])."""
    tables = {}
    if ks4 is not None:
        tables["ks4"] = table(kinds_of(DataSet.KS4), [{**KS4_DEFAULTS, **row} for row in ks4])
    if ofsted is not None:
        rows = [{"urn": urn, "ofsted_rating": grade} for urn, grade in ofsted.items()]
        tables["ofsted"] = table(kinds_of(DataSet.OFSTED), rows)
    if sly is not None:
        tables["schools_like_yours"] = table(columns(year), sly)
    for name, rows in others.items():
        tables[name] = table(kinds_of(DataSet(name)), rows)
    store = PublicStore(data_dir / "public")
    store.replace(year, tables, {})
    return store


def sly_school(urn: int, fsm6: float | None, pupils: int | None) -> dict:
    """A Schools Like Yours row holding the tool's default criteria, alike but for FSM6 % (so a family is
    ordered by it), with its pupils of compulsory school age."""
    return {"URN": urn, "School name": f"School {urn}", "FSM6, %": fsm6, "EAL, %": 10.0,
            "KS4 pupils, 2019": 150, "Prior (KS2) attainment, 2019": 105.0, "Income, 2019": 6000.0,
            "Compulsory school age pupils": pupils}  # fmt: skip
