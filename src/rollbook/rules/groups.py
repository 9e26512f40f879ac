"""Pupil groups as schools name them: Girls, FSM6, SEN support, EAL, Year 7."""

from __future__ import annotations

from rollbook.rules import years
from rollbook.rules.characteristics import SenProvision, Sex

#: Each pupil attribute's name as a report heading.
GROUPING_NAMES = {"nc_year": "Year group", "sex": "Sex", "fsm6": "FSM6", "sen": "SEND", "eal": "EAL",
                  "ethnicity": "Ethnicity", "reg_group": "Registration group"}  # fmt: skip
SEN_LABELS = {
    SenProvision.NONE: "No SEN",
    SenProvision.SEN_SUPPORT: "SEN support",
    SenProvision.EHC_PLAN: "EHC plan",
}
SEX_LABELS = {Sex.FEMALE: "Girls", Sex.MALE: "Boys"}


def group_label(column: str, value: object) -> str:
    """The words for one value of a pupil attribute, as a report's row heading."""
    if column == "nc_year":
        return years.label(value)  # type: ignore[arg-type]
    if column == "sex":
        return SEX_LABELS.get(str(value), "Sex not recorded")
    if column == "fsm6":
        return "FSM6" if value else "Not FSM6"
    if column == "eal":
        return {True: "EAL", False: "Not EAL"}.get(value, "EAL not known")  # type: ignore[arg-type]
    if column == "sen":
        return SEN_LABELS.get(str(value), "SEN not recorded")
    if column == "ethnicity":
        return str(value) if value else "Ethnicity not recorded"
    if column == "reg_group":
        return str(value) if value else "No registration group"
    return str(value)
