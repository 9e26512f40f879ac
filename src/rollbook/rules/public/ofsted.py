"""Ofsted's overall-effectiveness grades, by number and by name, as the public files write them."""

from __future__ import annotations

#: The four grades, best first; the number is Ofsted's own.
RATINGS = {1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate"}
#: "Satisfactory" was grade 3's name until September 2012, when it became "Requires improvement".
_NAMES = {name.casefold(): grade for grade, name in RATINGS.items()} | {"satisfactory": 3}
#: Words the files use for a school with no grade to show.
_NONE = frozenset({"", "unknown", "null", "not judged", "no judgement", "not yet inspected", "9", "0"})


def read_rating(text: str) -> int | None:
    """A grade from 1 to 4, read from its number or its name; None where the file says there is none."""
    cleaned = " ".join(text.split()).casefold()
    if cleaned in _NONE:
        return None
    if cleaned in _NAMES:
        return _NAMES[cleaned]
    if cleaned.isdigit() and int(cleaned) in RATINGS:
        return int(cleaned)
    raise ValueError(
        f"{text!r} is not an Ofsted grade (1 to 4, or Outstanding, Good, Requires improvement, Inadequate)"
    )
