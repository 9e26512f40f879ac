"""Pupil characteristics as the DfE codes them: sex (the CTF's Gender) and SEN provision.

One definition for the importers, the sync payload's schema, the filters and the report headings
(rules/groups.py names each for a page).
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class SenProvision(StrEnum):
    NONE = "N"
    SEN_SUPPORT = "K"
    EHC_PLAN = "E"


#: Provisions from earlier code sets: a statement became an EHC plan; School Action and School Action Plus
#: became SEN support.
LEGACY_SEN_PROVISIONS = {
    "S": SenProvision.EHC_PLAN,
    "A": SenProvision.SEN_SUPPORT,
    "P": SenProvision.SEN_SUPPORT,
}
#: The provisions of pupils counted as having SEN.
WITH_SEN = (SenProvision.SEN_SUPPORT, SenProvision.EHC_PLAN)


def _codes(kind: type[StrEnum]) -> str:
    return " or ".join(", ".join(kind).rsplit(", ", 1))


def parse_sex(text: str) -> str:
    """A sex as its code (M or F), in any capitals; ValueError otherwise."""
    try:
        return Sex(text.strip().upper()).value
    except ValueError:
        raise ValueError(f"sex {text!r} is not {_codes(Sex)}") from None


def parse_sen(text: str) -> str:
    """An SEN provision as its code (N, K or E), reading the legacy codes S, A and P as their successors."""
    code = text.strip().upper()
    try:
        return (LEGACY_SEN_PROVISIONS.get(code) or SenProvision(code)).value
    except ValueError:
        raise ValueError(f"SEN provision {text!r} is not {_codes(SenProvision)}") from None
