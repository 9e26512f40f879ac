"""What a Schools Like Yours page offers to choose from: the values each coded field takes (for its filters)
and the schools whose name or URN matches what was typed (to choose the school)."""

from __future__ import annotations

from dataclasses import dataclass

import ibis

from rollbook.analytics import engine as engines
from rollbook.analytics.public.similar import NAME, URN
from rollbook.analytics.public.sources import dataset, public_store
from rollbook.lake.public import PublicStore
from rollbook.rules.public.fields import DataSet

LOCAL_AUTHORITY = "Local authority"


@dataclass(frozen=True)
class FoundSchool:
    urn: int
    name: str
    local_authority: str | None


def coded_values(
    year: int, fields: tuple[str, ...], store: PublicStore | None = None, engine: str | None = None
) -> dict[str, tuple[str, ...]]:
    """Each coded field's values in the year's data set, sorted; empty when the data set is not loaded."""
    table = dataset(store or public_store(), year, DataSet.SCHOOLS_LIKE_YOURS, engine)
    if table is None:
        return {name: () for name in fields}
    found: dict[str, tuple[str, ...]] = {}
    for name in fields:
        column = table[name].cast("string")
        rows = engines.run(table.select(value=column).filter(column.notnull()).distinct(), engine)
        found[name] = tuple(sorted(row["value"] for row in rows))
    return found


def find_schools(
    year: int, text: str, limit: int = 20, store: PublicStore | None = None, engine: str | None = None
) -> tuple[FoundSchool, ...]:
    """Schools whose URN is `text`, or whose name contains it (any case), by name; at most `limit`."""
    table = dataset(store or public_store(), year, DataSet.SCHOOLS_LIKE_YOURS, engine)
    wanted = " ".join(text.split())
    if table is None or not wanted:
        return ()
    matches = table[NAME].lower().contains(wanted.casefold())
    if wanted.isdigit():
        matches |= table[URN] == ibis.literal(int(wanted), type="int64")
    chosen = table.filter(matches).select(URN, NAME, LOCAL_AUTHORITY).order_by(NAME, URN).limit(limit)
    return tuple(
        FoundSchool(row[URN], row[NAME], row[LOCAL_AUTHORITY]) for row in engines.run(chosen, engine)
    )
