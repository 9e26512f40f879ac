"""Reading FFT Education Datalab's Schools Like Yours data file (`ks4_sly.json`, as the tool loads it).

The file describes its own columns (`meta`: each field's name, and the codes of coded fields such as region
or Ofsted rating), then holds one array per school (`data`) in that order. Fields are found by name, so a
file whose columns come in another order reads the same; coded values are stored as the words they stand
for; fractions are stored as percentages (`rules.public.schools_like_yours`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rollbook.ingest.problems import Kind as Problem
from rollbook.ingest.problems import ValidationReport
from rollbook.ingest.public.tables import ReadFile, arrow_table
from rollbook.rules.public.fields import DataSet, Kind
from rollbook.rules.public.schools_like_yours import (
    DIFFERENCE,
    DISTANCE,
    EASTING,
    NORTHING,
    SlyField,
    clean_name,
    results_year,
    sly_fields,
)


def is_schools_like_yours(document: object) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("meta"), list)
        and isinstance(document.get("data"), list)
    )


def read_sly(path: Path, document: dict, year: int | None, report: ValidationReport) -> ReadFile | None:
    """The file's schools, or None when it is refused (the reasons are in `report`)."""
    meta = [each for each in document["meta"] if isinstance(each, dict) and "name" in each]
    names = [clean_name(str(each["name"])) for each in meta]
    own_year = results_year(names)
    year = own_year or year
    if year is None:
        report.refuse(
            Problem.UNREADABLE,
            "no field names its results year (KS4 pupils, YYYY); give --year",
            file=path.name,
        )
        return None
    known = {each.name: each for each in sly_fields(year)}
    at = {name: index for index, name in enumerate(names) if name in known}
    lookups = {clean_name(str(each["name"])): _lookup(each) for each in meta if "lookup" in each}
    unknown = [name for name in names if name not in known and name != DIFFERENCE]
    kinds = columns(year)
    read: dict[str, list[object]] = {column: [] for column in kinds}
    first: dict[int, int] = {}
    refusals = len(report.refusals)
    width = max(at.values(), default=-1) + 1
    for index, row in enumerate(document["data"]):
        where = f"data[{index}]"
        if not isinstance(row, list) or len(row) < width:
            report.refuse(
                Problem.BAD_VALUE,
                f"a school's values should be a list of at least {width}",
                file=path.name,
                element=where,
            )
            continue
        cells: dict[str, object] = dict.fromkeys(kinds)
        for name, position in at.items():
            try:
                cells.update(_value(known[name], row[position], lookups.get(name)))
            except ValueError as problem:
                report.refuse(Problem.BAD_VALUE, f"{name}: {problem}", file=path.name, element=where)
        urn = cells["URN"]
        if urn is None:
            report.refuse(Problem.BAD_VALUE, "URN is missing", file=path.name, element=where)
        elif urn in first:
            report.refuse(
                Problem.BAD_VALUE, f"URN {urn} is also at data[{first[urn]}]", file=path.name, element=where
            )  # type: ignore[index]
        else:
            first[int(urn)] = index  # type: ignore[call-overload]
        for column, value in cells.items():
            read[column].append(value)
    if len(report.refusals) > refusals:
        return None
    missing = [name for name in known if name not in at]
    warnings = [f"{path.name}: fields not in the file, left blank: {', '.join(missing)}"] if missing else []
    if unknown:
        warnings.append(f"{path.name}: fields Rollbook does not know, not read: {', '.join(unknown)}")
    years = {own_year} if own_year else set()
    return ReadFile(path.name, DataSet.SCHOOLS_LIKE_YOURS, arrow_table(read, kinds), 0, years, warnings)


def columns(year: int) -> dict[str, Kind]:
    """The stored columns and their kinds: every field under its own name, the grid reference as two."""
    found: dict[str, Kind] = {}
    for each in sly_fields(year):
        found |= (
            {EASTING: Kind.SCORE, NORTHING: Kind.SCORE} if each.name == DISTANCE else {each.name: each.kind}
        )
    return found


def _lookup(meta: dict) -> dict[object, str]:
    return {code: str(word) for code, word in meta["lookup"]}


def _value(field: SlyField, raw: object, lookup: dict[object, str] | None) -> dict[str, object]:
    """One field's value(s) by the column it is stored in; ValueError when it is not what the field holds."""
    if field.name == DISTANCE:
        if raw in ("", None):
            return {EASTING: None, NORTHING: None}
        if not (isinstance(raw, list) and len(raw) == 2 and all(_is_number(each) for each in raw)):
            raise ValueError(f"{raw!r} is not a grid reference [easting, northing]")
        return {EASTING: float(raw[0]), NORTHING: float(raw[1])}
    if raw in ("", None):
        return {field.name: None}
    return {field.name: _READERS[field.kind](field, raw, lookup)}


def _is_number(raw: object) -> bool:
    return isinstance(raw, int | float) and not isinstance(raw, bool)


def _number(field: SlyField, raw: object, lookup: dict[object, str] | None) -> float:
    if not _is_number(raw):
        raise ValueError(f"{raw!r} is not a number")
    # Rounded so that a fraction such as 0.56 is held as 56.0, not 56.00000000000001.
    return round(float(raw) * 100, 9) if field.fraction else float(raw)  # type: ignore[arg-type]


def _count(field: SlyField, raw: object, lookup: dict[object, str] | None) -> int:
    if not _is_number(raw) or raw != int(raw) or raw < 0:  # type: ignore[arg-type, operator]
        raise ValueError(f"{raw!r} is not a whole number")
    return int(raw)  # type: ignore[arg-type]


def _identifier(field: SlyField, raw: object, lookup: dict[object, str] | None) -> int:
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw)
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
        raise ValueError(f"{raw!r} is not a number")
    return raw


def _category(field: SlyField, raw: object, lookup: dict[object, str] | None) -> str:
    if lookup is None:
        return str(raw)
    if raw not in lookup:
        raise ValueError(f"{raw!r} is not one of the codes the file's meta lists for it")
    return lookup[raw]


def _name(field: SlyField, raw: object, lookup: dict[object, str] | None) -> str:
    return " ".join(str(raw).split())


_READERS: dict[Kind, Callable[[SlyField, object, dict[object, str] | None], object]] = {
    Kind.IDENTIFIER: _identifier,
    Kind.NAME: _name,
    Kind.CATEGORY: _category,
    Kind.RATE: _number,
    Kind.SCORE: _number,
    Kind.COUNT: _count,
}


def load_json(path: Path) -> object:
    """The file's JSON; ValueError saying where it stops being JSON."""
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise ValueError(f"not valid JSON: {problem}") from None
