"""Qualification types as exports write them ("GCSE", "GCSE (9-1) double award", "BTEC Tech Award"), each
with its grade scale, the Attainment 8 slots it can fill and whether it can count in the EBacc
(docs/ks4-measures.md, "Qualifications")."""

from __future__ import annotations

from dataclasses import dataclass

from rollbook.rules.results import names
from rollbook.rules.results.grades import Scale


@dataclass(frozen=True)
class Qualification:
    key: str
    name: str
    scale: Scale
    #: Attainment 8 slots it can fill: two for a double award.
    slots: int = 1
    gcse: bool = True
    #: Counts in the EBacc measures and in the English, maths and EBacc slots when its subject does.
    ebacc: bool = True
    #: A reformed (9 to 1) GCSE: once one is awarded in a subject, no other qualification in it counts.
    reformed: bool = True
    aliases: tuple[str, ...] = ()


GCSE = Qualification(
    "gcse", "GCSE (9-1)", Scale.NINE_TO_ONE,
    aliases=("GCSE", "GCSE 9-1", "GCSE (9-1) Full Course", "GCSE Full Course", "Full Course GCSE", "GCSE FC",
             "GCSE Reformed"),
)  # fmt: skip
DOUBLE_AWARD = Qualification(
    "gcse_double_award", "GCSE (9-1) double award", Scale.DOUBLE_AWARD, slots=2,
    aliases=("GCSE double award", "GCSE Double", "Double Award GCSE", "GCSE (9-1) Double",
             "GCSE Combined Science", "GCSE DA"),
)  # fmt: skip
LEGACY_GCSE = Qualification(
    "gcse_legacy", "GCSE (A*-G)", Scale.LETTERS, reformed=False,
    aliases=("GCSE A*-G", "Legacy GCSE", "GCSE (legacy)", "Unreformed GCSE", "GCSE (A*-G) Full Course"),
)  # fmt: skip
BTEC_TECH_AWARD = Qualification(
    "btec_tech_award", "BTEC Tech Award", Scale.TECHNICAL_AWARD, gcse=False, ebacc=False, reformed=False,
    aliases=("BTEC", "Pearson BTEC Tech Award", "BTEC Level 1/Level 2 Tech Award", "BTEC L1/L2 Tech Award",
             "BTEC Tech"),
)  # fmt: skip
CAMBRIDGE_NATIONAL = Qualification(
    "cambridge_national", "Cambridge National Certificate", Scale.TECHNICAL_AWARD, gcse=False, ebacc=False,
    reformed=False,
    aliases=("Cambridge National", "Cambridge Nationals", "OCR Cambridge National",
             "Cambridge National L1/L2",
             "Cambridge National Certificate (L1/L2)"),
)  # fmt: skip
TECHNICAL_AWARD = Qualification(
    "technical_award", "Level 1/Level 2 Technical Award", Scale.TECHNICAL_AWARD, gcse=False, ebacc=False,
    reformed=False,
    aliases=("Technical Award", "L1/L2 Technical Award", "Level 1/2 Technical Award", "Vocational Award",
             "Level 1/Level 2 Vocational Award"),
)  # fmt: skip

QUALIFICATIONS = (GCSE, DOUBLE_AWARD, LEGACY_GCSE, BTEC_TECH_AWARD, CAMBRIDGE_NATIONAL, TECHNICAL_AWARD)
BY_KEY = {qualification.key: qualification for qualification in QUALIFICATIONS}
_KNOWN = names.index((q.key, (q.key, q.name, *q.aliases)) for q in QUALIFICATIONS)
_SHOWN = {q.key: q.name for q in QUALIFICATIONS}


class UnknownQualification(LookupError):
    pass


def qualification(name: str) -> Qualification:
    """The qualification type an export's name means; UnknownQualification names the nearest ones."""
    if (normal := names.normalise(name)) in _KNOWN:
        return BY_KEY[_KNOWN[normal]]
    raise UnknownQualification(
        names.unknown_message("qualification", name, names.nearest(name, _KNOWN, _SHOWN))
    )
