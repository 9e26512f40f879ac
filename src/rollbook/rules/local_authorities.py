"""England's local authorities: DfE three-digit LA code, name and region.

The table is DfE's LA and region code list (performance tables 2019), with its sub-regions ("London Central",
"North East A") folded into the nine English regions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

REGIONS = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)


@dataclass(frozen=True)
class LocalAuthority:
    code: int
    name: str
    region: str


@cache
def _table() -> dict[int, LocalAuthority]:
    text = files("rollbook.rules").joinpath("data", "local_authorities.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return {int(row["code"]): LocalAuthority(int(row["code"]), row["name"], row["region"]) for row in rows}


def by_code(code: int) -> LocalAuthority:
    """The local authority with DfE code `code`; KeyError when there is none."""
    try:
        return _table()[int(code)]
    except KeyError:
        raise KeyError(f"no local authority has code {code}") from None


def every() -> tuple[LocalAuthority, ...]:
    """Every local authority in the table, by code."""
    return tuple(_table()[code] for code in sorted(_table()))
