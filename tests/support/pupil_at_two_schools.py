"""PUPIL, on the roll of both of the web world's schools this year, and helpers to compare the lake."""

from __future__ import annotations

import pyarrow as pa

from rollbook.lake import Lake, PartitionKey
from rollbook.rules.upn import make
from tests.support.registers import YEAR

PUPIL = make(823, 4001, 23, 1)
#: Another pupil an import report warns about.
OTHER = "B0000000002"
#: PUPIL's register at each school: at Alder a week with a day off unauthorised, at Birch one day.
REGISTERS = {100001: "/\\" * 4 + "OO", 100002: "/\\"}


def warning(line: int, upn: str, name: str) -> dict[str, object]:
    """A kept warning about pupil `upn`, at a line of pupils.csv."""
    message = f"{name} is 'Sam' here but 'Sal' in alder.xml; kept the CTF's"
    return {"kind": "conflicting details", "file": "pupils.csv", "line": line, "upn": upn, "message": message}


def join(lake: Lake, urn: int, rows: dict[str, list[dict]]) -> None:
    """Add `rows` to school `urn`'s partitions of this year, one table after the other."""
    for table, new in rows.items():
        key = PartitionKey(table, YEAR, urn)
        held = lake.read(key)
        lake.replace({key: pa.concat_tables([held, pa.Table.from_pylist(new, schema=held.schema)])})


def contents(lake: Lake) -> dict[PartitionKey, list[dict]]:
    """Every partition's rows, to compare before and after."""
    return {
        key: lake.read(key).to_pylist() for table in ("pupils", "marks") for key in lake.partitions(table)
    }


def without(held: dict[PartitionKey, list[dict]], upn: str) -> dict[PartitionKey, list[dict]]:
    """`held` with pupil `upn`'s rows taken out (and partitions left empty gone)."""
    kept = {key: [row for row in rows if row["upn"] != upn] for key, rows in held.items()}
    return {key: rows for key, rows in kept.items() if rows}
