"""National Curriculum year groups as schools name them (Reception, Year 7), stored as small integers."""

from __future__ import annotations

NURSERY_1, NURSERY_2, RECEPTION = -2, -1, 0
_NAMED = {"N1": NURSERY_1, "N2": NURSERY_2, "R": RECEPTION}

#: Year groups whose sessions count in attendance measures. Years 12 and 13 are left out: sixth-formers are
#: not required to attend every session, so their marks would not mean the same (design page, "Years").
#: DfE census statistics also leave out Reception; a school's own tool shows it, as DfE's "Monitor your
#: school attendance" does.
SESSION_MEASURE_YEARS = tuple(range(RECEPTION, 12))
#: The year group whose results are a school's KS4 (GCSE) results: its KS4 cohort.
KS4_YEAR = 11


def parse_nc_year(text: str) -> int | None:
    """Read a CTF `NCyearActual` or a CSV year ("R", "7", "Year 7", "Y7"); None for "X" (not following NC)."""
    value = text.strip().upper().removeprefix("YEAR").removeprefix("Y").strip()
    if value == "X":
        return None
    if value in _NAMED:
        return _NAMED[value]
    number = int(value)
    if not 1 <= number <= 14:
        raise ValueError(f"{text!r} is not a National Curriculum year")
    return number


def label(nc_year: int | None) -> str:
    if nc_year is None:
        return "Not following the National Curriculum"
    if nc_year == RECEPTION:
        return "Reception"
    if nc_year < RECEPTION:
        return f"Nursery {nc_year - NURSERY_1 + 1}"
    return f"Year {nc_year}"
