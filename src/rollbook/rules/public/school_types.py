"""The performance tables' school types and record types, and which schools count as state-funded
mainstream: the schools the explore pages, the Ofsted table and the trends are about."""

from __future__ import annotations

#: RECTYPE: 1 a mainstream school, 2 a special school (3 to 7 are area totals, which have no URN).
MAINSTREAM, SPECIAL = "1", "2"

#: NFTYPE codes and their names.
SCHOOL_TYPES = {
    "AC": "Sponsored academy",
    "ACC": "Converter academy",
    "ACS": "Sponsored special academy",
    "ACCS": "Converter special academy",
    "CTC": "City technology college",
    "CY": "Community school",
    "CYS": "Community special school",
    "F": "Free school",
    "FS": "Special free school",
    "FD": "Foundation school",
    "FDS": "Foundation special school",
    "FESI": "Further education college with 14 to 16 year olds",
    "IND": "Independent school",
    "INDSPEC": "Independent special school",
    "NMSS": "Non-maintained special school",
    "SS": "Studio school",
    "UTC": "University technical college",
    "VA": "Voluntary aided school",
    "VC": "Voluntary controlled school",
}
#: Not state-funded, or not a school: left out of state-funded mainstream selections.
NOT_STATE_FUNDED_SCHOOLS = frozenset({"IND", "INDSPEC", "NMSS", "FESI"})


def school_type_name(code: str | None) -> str | None:
    """The name of an NFTYPE code; a code not listed is shown as written."""
    return None if code is None else SCHOOL_TYPES.get(code.upper(), code)
