"""Small hand-checked schools for the analytics tests.

Registers are written session by session from a Monday (Monday AM, Monday PM, Tuesday AM, ...), weekdays
only, so a list of 20 codes is two school weeks. Every world's expected figures are worked out by hand in
the test that uses it.
"""

from __future__ import annotations

import datetime as dt

from rollbook.lake import Lake
from rollbook.rules.attendance.codes import CATEGORY_OF
from rollbook.rules.attendance.measures import Tally
from rollbook.rules.periods import custom
from tests.support import pupils
from tests.support.registers import MONDAY, URN, YEAR, register, write

OTHER_URN = 100002
WEEK_1 = MONDAY
WEEK_2 = dt.date(2024, 9, 16)
SESSIONS_A_WEEK = 10
#: The two weeks from WEEK_1 to Friday 20 September 2024.
TWO_WEEKS = custom(WEEK_1, dt.date(2024, 9, 20))


def present(sessions: int) -> list[str]:
    """`sessions` present marks, "/" in the morning and "\\" in the afternoon."""
    return [("/", "\\")[index % 2] for index in range(sessions)]


def pupil(upn: str, **attributes: object) -> dict[str, object]:
    """A Year 8 pupil on roll all year, named by UPN ("A Test"), unless `attributes` say otherwise."""
    named = {"forename": upn, "surname": "Test", "dob": dt.date(2012, 1, 1)}
    return pupils.pupil(upn, **(named | {"admission_date": dt.date(2020, 9, 1)} | attributes))


def tally(codes: list[str]) -> Tally:
    """The rules' own tally of some marks."""
    return Tally.of(CATEGORY_OF[code] for code in codes)


# The two-week school: seven enrolments over 9-20 September 2024 (20 sessions each). Unless said otherwise
# a pupil has no SEN (N), does not have English as an additional language (EAL) and is White British (WBRI).
#
#   A  Year 8 (8A), girl, FSM6, SEN support (K). Week 1: 8 present (2 of them L, late before the register
#      closed) and 2 I (illness). Week 2: 8 present and 2 U (arrived after the register closed).
#   B  Year 8 (8A), boy, EAL, Pakistani (APKN). Each week 9 present and one AEA session: V (visit) in
#      week 1, K (LA provision) in week 2.
#   C  Year 9 (9B), girl, EHC plan (E). Week 1: 10 O (unauthorised). Week 2: 10 present.
#   D  Year 9 (9B), boy, FSM6, SEN support (K), EAL, Pakistani (APKN). Week 1: D, X, Y1, Z, # and "-"
#      only, none a possible session. Week 2: 2 "-", 7 present and 1 M (medical appointment).
#   E  Year 12 (12A), girl, SEN support (K), EAL. 20 I; sixth-formers are left out of session measures.
#   F  Year 10 (10A), boy, Black African (BAFR), admitted Monday 16 September. Week 1: 10 G, before
#      admission so not counted. Week 2: 9 present and 1 N (no reason yet).
#   G  Year 7 (7A), girl, left on Wednesday 11 September. Monday to Wednesday: /, \, I, I, /, \. Then O
#      for the rest of both weeks, after leaving so not counted.
NOT_POSSIBLE_WEEK = ["D", "D", "X", "X", "Y1", "Y1", "Z", "Z", "#", "#"]
TWO_WEEK_SCHOOL = {
    "A": (
        pupil("A", nc_year=8, sex="F", fsm6=True, sen="K"),
        ["/", "\\", "L", "\\", "/", "\\", "L", "\\", "I", "I"] + present(8) + ["U", "U"],
    ),
    "B": (
        pupil("B", nc_year=8, sex="M", eal=True, ethnicity="APKN"),
        present(9) + ["V"] + present(9) + ["K"],
    ),
    "C": (pupil("C", nc_year=9, sex="F", reg_group="9B", sen="E"), ["O"] * 10 + present(10)),
    "D": (
        pupil("D", nc_year=9, sex="M", fsm6=True, reg_group="9B", sen="K", eal=True, ethnicity="APKN"),
        NOT_POSSIBLE_WEEK + ["-", "-"] + present(7) + ["M"],
    ),
    "E": (pupil("E", nc_year=12, sex="F", reg_group="12A", sen="K", eal=True), ["I"] * 20),
    "F": (
        pupil("F", nc_year=10, sex="M", reg_group="10A", ethnicity="BAFR", admission_date=WEEK_2),
        ["G"] * 10 + present(9) + ["N"],
    ),
    "G": (
        pupil("G", nc_year=7, sex="F", reg_group="7A", leaving_date=dt.date(2024, 9, 11)),
        ["/", "\\", "I", "I", "/", "\\"] + ["O"] * 14,
    ),
}


def write_two_week_school(lake: Lake, school: int = URN) -> None:
    write(
        lake,
        [attributes for attributes, _ in TWO_WEEK_SCHOOL.values()],
        [mark for upn, (_, codes) in TWO_WEEK_SCHOOL.items() for mark in register(upn, codes)],
        school,
    )


# Three schools for comparators, one week (09/09/2024) each; the tests that use them work out the figures.
#   School 1 (London):     A, Year 8 girl, present 10.   B, Year 8 boy, ill (I) 4, present 6.
#   School 2 (London):     C, Year 8 girl, unauthorised (O) 10.
#   School 3 (North East): D, Year 9 girl, present 10.
THREE_SCHOOL_REGIONS = {1: "London", 2: "London", 3: "North East"}


def write_three_schools(lake: Lake) -> list:
    """Write the three schools; their SchoolFacts for publishing (LA codes 201-203)."""
    from rollbook.analytics.comparators.publish import SchoolFacts
    from rollbook.rules.calendar import england_default

    marks = register("A", present(10)) + register("B", ["I"] * 4 + present(6))
    write(lake, [pupil("A"), pupil("B", sex="M")], marks, school=1)
    write(lake, [pupil("C")], register("C", ["O"] * 10), school=2)
    write(lake, [pupil("D", nc_year=9)], register("D", present(10)), school=3)
    return [
        SchoolFacts(urn, 200 + urn, f"LA {urn}", region, england_default(YEAR))
        for urn, region in THREE_SCHOOL_REGIONS.items()
    ]
