"""Reading single values the way both the CTF and the CSV templates write them.

Each reader raises ValueError with a message fit for a school's report; the caller knows where the value
came from and files the problem.
"""

from __future__ import annotations

SEXES = frozenset({"M", "F"})
SEN_PROVISIONS = frozenset({"N", "K", "E"})
#: Provisions from earlier code sets: a statement became an EHC plan; School Action and School Action Plus
#: became SEN support.
LEGACY_SEN_PROVISIONS = {"S": "E", "A": "K", "P": "K"}
TRUE_WORDS = frozenset({"Y", "YES", "TRUE", "1"})
FALSE_WORDS = frozenset({"N", "NO", "FALSE", "0"})


def parse_bool(text: str) -> bool:
    word = text.strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{text!r} is not yes or no (write Y/N, Yes/No, true/false or 1/0)")


def parse_sex(text: str) -> str:
    sex = text.strip().upper()
    if sex not in SEXES:
        raise ValueError(f"sex {text!r} is not M or F")
    return sex


def parse_sen(text: str) -> str:
    """An SEN provision as N, K or E, reading the legacy codes S, A and P as their successors."""
    provision = text.strip().upper()
    provision = LEGACY_SEN_PROVISIONS.get(provision, provision)
    if provision not in SEN_PROVISIONS:
        raise ValueError(f"SEN provision {text!r} is not N, K or E")
    return provision
