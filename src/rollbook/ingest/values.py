"""Reading yes-or-no values the way both the CTF and the CSV templates write them.

The reader raises ValueError with a message fit for a school's report; the caller knows where the value
came from and files the problem. Sex and SEN provision are read by rules/characteristics.py.
"""

from __future__ import annotations

TRUE_WORDS = frozenset({"Y", "YES", "TRUE", "1"})
FALSE_WORDS = frozenset({"N", "NO", "FALSE", "0"})


def parse_bool(text: str) -> bool:
    word = text.strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{text!r} is not yes or no (write Y/N, Yes/No, true/false or 1/0)")
