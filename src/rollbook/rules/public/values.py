"""Reading one value of a public data file, the way the DfE writes them.

The DfE marks a figure it does not publish with a short code instead of a number. Those codes mean the
figure is *missing*, not that the file is wrong; anything else that is not a number is refused. The codes
accepted, as the performance tables and explore-education-statistics files use them (docs/public-data.md):

- blank, `NA` (not applicable), `NE` (no entries), `NP` (not published), `SUPP` (suppressed: too few
  pupils), `LOW` and `LOWCOV` (too few pupils, or too few with prior attainment: low coverage), `NEW` (a
  new school, no figures yet), `DNS` (did not submit);
- explore-education-statistics' symbols: `x` (not available), `c` (confidential), `z` (not applicable),
  `u` (low reliability, withheld), `:` (not available), `~` (rounds to zero, too small to show), `low`.
"""

from __future__ import annotations

import math

#: Every way a DfE file writes "no figure here", compared without regard to case.
MISSING = frozenset(
    {"", "na", "ne", "np", "supp", "low", "lowcov", "new", "dns", "x", "c", "z", "u", ":", "~"}
)
#: What the census file writes for a URN on its rows of national totals.
NATIONAL_ROW = "nat"


def is_missing(text: str) -> bool:
    return text.strip().casefold() in MISSING


def read_number(text: str) -> float | None:
    """A figure such as `46.5`, `-0.03` or `65.9%`; None for a suppression code; ValueError otherwise."""
    cleaned = text.strip()
    if is_missing(cleaned):
        return None
    try:
        value = float(cleaned.removesuffix("%").replace(",", ""))
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a number")
    return value


def read_rate(text: str) -> float | None:
    """A percentage from 0 to 100 (with or without its % sign)."""
    value = read_number(text)
    if value is not None and not 0 <= value <= 100:
        raise ValueError(f"{text!r} is not a percentage from 0 to 100")
    return value


def read_count(text: str) -> int | None:
    """A whole number of pupils or schools, not negative."""
    value = read_number(text)
    if value is None:
        return None
    if value < 0 or value != int(value):
        raise ValueError(f"{text!r} is not a whole number")
    return int(value)


def read_identifier(text: str) -> int | None:
    """A URN, LA code or LAESTAB: digits only; None when blank or `NAT` (a row for an area, not a school)."""
    cleaned = text.strip()
    if not cleaned or cleaned.casefold() == NATIONAL_ROW:
        return None
    if not cleaned.isdigit():
        raise ValueError(f"{text!r} is not a number")
    return int(cleaned)


def read_text(text: str) -> str | None:
    cleaned = " ".join(text.split())
    return None if is_missing(cleaned) else cleaned
