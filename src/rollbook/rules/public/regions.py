"""England's nine regions, and the DfE's sub-regions that fold into them.

The performance tables' LA and region list splits some regions ("London Central", "North East A",
"South and West Yorkshire"); pages and filters use the nine regions.
"""

from __future__ import annotations

import re

from rollbook.rules.local_authorities import REGIONS

_YORKSHIRE = "Yorkshire and the Humber"
#: Sub-region names that do not start with their region's name.
_SUB_REGIONS = {"north yorkshire and the humber": _YORKSHIRE, "south and west yorkshire": _YORKSHIRE}
_LETTER = re.compile(r"\s+[A-D]$")
_LONDON = re.compile(r"^London\s+(Central|East|North|South|West)$", re.IGNORECASE)


def region_of(name: str) -> str:
    """The region a region or sub-region name belongs to ("North West B" -> "North West"); ValueError for
    a name that is neither."""
    cleaned = " ".join(name.split())
    if cleaned.casefold() in _SUB_REGIONS:
        return _SUB_REGIONS[cleaned.casefold()]
    folded = "London" if _LONDON.match(cleaned) else _LETTER.sub("", cleaned)
    for region in REGIONS:
        if region.casefold() == folded.casefold():
            return region
    raise ValueError(f"{name!r} is not one of England's regions")
