"""FFT Education Datalab's Schools Like Yours data set for secondary schools: its fields under its own names.

The tool names fields by the years they describe ("KS4 pupils, 2019", "Progress 8, 2018"), so the list is
written for any results year: `{y}` is the year itself, `{y1}` and `{y2}` the two before. Some of its
percentages are held as fractions (Basics 0.59 for 59%); those are read as percentages, 0 to 100, like every
other rate in Rollbook. Its "Distance" field is each school's Ordnance Survey grid reference (easting and
northing in metres), from which distances between schools are worked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from rollbook.rules.public.fields import NUMERIC, Kind

#: The field holding a school's grid reference; filtering on it means "within so many km".
DISTANCE = "Distance"
EASTING, NORTHING = "Easting", "Northing"
#: The similarity measure's own column, worked out for a family, never read from the file.
DIFFERENCE = "Difference"


@dataclass(frozen=True)
class SlyField:
    name: str
    kind: Kind
    #: Held in the file as a fraction of 1 (read times 100).
    fraction: bool = False
    #: A similarity criterion unless the user chooses others (as the tool's own defaults).
    default_criterion: bool = False
    #: Shown in a family's table unless the user chooses other fields.
    default_shown: bool = False


_ID, _NAME, _CAT, _RATE, _SCORE, _COUNT = (
    Kind.IDENTIFIER, Kind.NAME, Kind.CATEGORY, Kind.RATE, Kind.SCORE, Kind.COUNT,
)  # fmt: skip

_TEMPLATES = (
    SlyField("inResults", _CAT),
    SlyField("DfE number", _ID, default_shown=True),
    SlyField("URN", _ID),
    SlyField("School name", _NAME, default_shown=True),
    SlyField("Local authority", _CAT, default_shown=True),
    SlyField("Region", _CAT),
    SlyField("Open date", _CAT),
    SlyField("Gender", _CAT),
    SlyField("School type", _CAT, default_shown=True),
    SlyField("Selective", _CAT),
    SlyField("Religious character", _CAT),
    SlyField("Sixth form", _CAT),
    SlyField("Area type", _CAT),
    SlyField("Coastal", _CAT),
    SlyField(DISTANCE, _SCORE),
    SlyField("Capacity, %", _RATE, fraction=True),
    SlyField("Ofsted rating", _CAT),
    SlyField("Total pupils", _COUNT),
    SlyField("Compulsory school age pupils", _COUNT),
    SlyField("FSM, %", _RATE),
    SlyField("FSM6, %", _RATE, default_criterion=True),
    SlyField("EAL, %", _RATE, default_criterion=True),
    SlyField("White, %", _RATE),
    SlyField("Black, %", _RATE),
    SlyField("Asian, %", _RATE),
    SlyField("Chinese, %", _RATE),
    SlyField("Mixed ethnicity, %", _RATE),
    SlyField("Other/unknown ethnicity, %", _RATE),
    SlyField("KS4 pupils, {y}", _COUNT, default_criterion=True, default_shown=True),
    SlyField("P8 pupils, {y}", _COUNT),
    SlyField("P8 PP pupils, {y}", _COUNT),
    SlyField("KS4 male pupils, {y}, %", _RATE, fraction=True),
    SlyField("KS4 PP pupils, {y}", _COUNT),
    SlyField("KS4 PP pupils, {y}, %", _RATE, fraction=True),
    SlyField("KS4 EAL pupils, {y}, %", _RATE, fraction=True),
    SlyField("KS4 non-mobile pupils, {y}, %", _RATE, fraction=True),
    SlyField("Prior (KS2) attainment, {y}", _SCORE, default_criterion=True, default_shown=True),
    SlyField("EBacc entry rate, {y}", _RATE, fraction=True),
    SlyField("EBacc APS, {y}", _SCORE),
    SlyField("Attainment 8, {y}", _SCORE, default_shown=True),
    SlyField("Progress 8, {y}", _SCORE, default_shown=True),
    SlyField("Progress 8, English slot, {y}", _SCORE),
    SlyField("Progress 8, maths slot, {y}", _SCORE),
    SlyField("Progress 8, EBacc slots, {y}", _SCORE),
    SlyField("Progress 8, open slots, {y}", _SCORE),
    SlyField("Basics, {y}", _RATE, fraction=True, default_shown=True),
    SlyField("PP EBacc entry rate, {y}", _RATE, fraction=True),
    SlyField("PP EBacc APS, {y}", _SCORE),
    SlyField("PP Attainment 8, {y}", _SCORE),
    SlyField("PP Progress 8, {y}", _SCORE),
    SlyField("PP Basics, {y}", _RATE, fraction=True),
    SlyField("Average entries, GCSEs, {y}", _SCORE),
    SlyField("Average entries, GCSEs and equivalents, {y}", _SCORE),
    SlyField("KS4 pupils, {y1}", _COUNT),
    SlyField("P8 pupils, {y1}", _COUNT),
    SlyField("Attainment 8, {y1}", _SCORE),
    SlyField("Progress 8, {y1}", _SCORE),
    SlyField("Basics, {y1}", _RATE, fraction=True),
    SlyField("KS4 pupils, {y2}", _COUNT),
    SlyField("P8 pupils, {y2}", _COUNT),
    SlyField("Attainment 8, {y2}", _SCORE),
    SlyField("Progress 8, {y2}", _SCORE),
    SlyField("Basics, {y2}", _RATE, fraction=True),
    SlyField("Absence rate", _RATE, fraction=True),
    SlyField("Persistent absentee rate", _RATE, fraction=True),
    SlyField("Teachers", _COUNT),
    SlyField("Teachers, FTE", _SCORE),
    SlyField("Pupil:qualified teacher ratio", _SCORE),
    SlyField("Assistant:teacher ratio", _SCORE),
    SlyField("Qualified teacher status, %", _RATE, fraction=True),
    SlyField("Age 50+, %", _RATE, fraction=True),
    SlyField("Temporary staff, %", _RATE, fraction=True),
    SlyField("Leadership pay scale, %", _RATE, fraction=True),
    SlyField("Mean salary", _SCORE),
    SlyField("Mean staff sick days", _SCORE),
    SlyField("Income, {y}", _SCORE, default_criterion=True),
    SlyField("Income, {y1}", _SCORE),
    SlyField("Income, {y2}", _SCORE),
    SlyField("Fixed period exclusion rate, {y}", _SCORE),
    SlyField("Permanent exclusion rate, {y}", _SCORE),
)


@cache
def sly_fields(year: int) -> tuple[SlyField, ...]:
    """Every field of the data set for results year `year`, in the tool's order."""
    return tuple(
        replace(each, name=each.name.format(y=year, y1=year - 1, y2=year - 2)) for each in _TEMPLATES
    )


def sly_field(year: int, name: str) -> SlyField:
    """A field by its name as the tool writes it; KeyError saying what can be chosen when there is none."""
    wanted = clean_name(name).casefold()
    for each in sly_fields(year):
        if each.name.casefold() == wanted:
            return each
    raise KeyError(f"Schools Like Yours {year} has no field {name!r}")


def criteria_fields(year: int) -> tuple[SlyField, ...]:
    """The fields a family can be chosen by: every figure, and distance is a filter, not a criterion."""
    return tuple(each for each in sly_fields(year) if each.kind in NUMERIC and each.name != DISTANCE)


def default_criteria(year: int) -> tuple[str, ...]:
    return tuple(each.name for each in sly_fields(year) if each.default_criterion)


def default_shown(year: int) -> tuple[str, ...]:
    return tuple(each.name for each in sly_fields(year) if each.default_shown)


_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


def clean_name(name: str) -> str:
    """A field name without the invisible break characters the tool puts in long names."""
    return " ".join(_INVISIBLE.sub("", name).split())


def results_year(names: list[str]) -> int | None:
    """The results year of a file of the data set: the latest year its KS4 pupils fields name."""
    years = [int(found.group(1)) for name in names if (found := _KS4_YEAR.fullmatch(clean_name(name)))]
    return max(years, default=None)


_KS4_YEAR = re.compile(r"KS4 pupils, (\d{4})")
