"""Reading single values the way both the CTF and the CSV templates write them, and how long any may be.

A reader raises ValueError with a message fit for a school's report; the caller knows where the value
came from and files the problem. Sex and SEN provision are read by rules/characteristics.py.
"""

from __future__ import annotations

#: The most characters any one field of an import may hold (a name, a code, a date): far more than any real
#: value, and few enough that no report, page or lake row grows with whatever a file holds.
MAX_FIELD_LENGTH = 200

TRUE_WORDS = frozenset({"Y", "YES", "TRUE", "1"})
FALSE_WORDS = frozenset({"N", "NO", "FALSE", "0"})


def too_long(text: str, limit: int = MAX_FIELD_LENGTH) -> str | None:
    """Why `text` is refused for its length ("is 1,048,576 characters long, ..."), or None."""
    if len(text) <= limit:
        return None
    return f"is {len(text):,} characters long, more than the {limit:,} a field may hold"


def parse_bool(text: str) -> bool:
    word = text.strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{text!r} is not yes or no (write Y/N, Yes/No, true/false or 1/0)")
