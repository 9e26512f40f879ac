"""Synthetic pupils for one school: who is on roll, in which year and registration group, with what needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from rollbook.rules import upn
from rollbook.rules.calendar import FRIDAY, SchoolCalendar
from rollbook.rules.characteristics import SenProvision, Sex
from rollbook.synth.names import pupil_names
from rollbook.synth.schools import SchoolInfo

MAIN_SCHOOL_YEARS = (7, 8, 9, 10, 11)
SIXTH_FORM_YEARS = (12, 13)
#: A sixth-form year group is this share of a main-school year group.
SIXTH_FORM_SIZE = 0.55
#: Year groups vary around the school's size by up to this many pupils either way.
YEAR_GROUP_JITTER = 10
REGISTRATION_GROUP_SIZE = 29
REGISTRATION_LETTERS = "ABCDEFGHJKLMNPRS"
#: Shares of pupils who join or leave during the year.
JOINER_SHARE, LEAVER_SHARE = 0.03, 0.03
#: Joiners arrive, and leavers go, at least this many school days inside the year.
SETTLING_DAYS = 10
#: FSM6 pupils are this much more likely than others to have special educational needs.
SEN_FSM_RATIO = 1.6
#: Compulsory schooling starts in the academic year a child turns five: Year N's pupils were born in the
#: academic year starting 1 September, N + 5 years before the current one.
AGE_OFFSET = 5

#: Ethnicity (DfE codes) of pupils with English as an additional language, and of other pupils who are not
#: White British, with relative weights; and the name pool and first languages that go with each.
EAL_ETHNICITIES = {
    "WOTH": 24, "APKN": 16, "ABAN": 10, "AIND": 9, "BAFR": 12, "AOTH": 8, "CHNE": 3, "WROM": 2,
    "MOTH": 4, "OOTH": 7, "REFU": 2, "WIRT": 1, "BOTH": 2,
}  # fmt: skip
OTHER_ETHNICITIES = {
    "WOTH": 14, "WIRI": 4, "MWBC": 12, "MWBA": 5, "MWAS": 7, "MOTH": 10, "BCRB": 9, "BAFR": 10, "AIND": 8,
    "APKN": 7, "ABAN": 2, "CHNE": 2, "AOTH": 3, "REFU": 5, "OOTH": 2,
}  # fmt: skip
NAME_POOL = {
    "APKN": "south_asian", "ABAN": "south_asian", "AIND": "south_asian", "AOTH": "south_asian",
    "BAFR": "african", "BOTH": "african", "WOTH": "east_european", "WROM": "east_european",
    "CHNE": "east_asian",
}  # fmt: skip
LANGUAGES = {
    "WOTH": ("POL", "RUM", "LIT", "POR"), "WROM": ("RMY", "RUM"), "APKN": ("URD", "PNJ"),
    "ABAN": ("BNG", "SYL"),
    "AIND": ("GUJ", "PNJ", "TAM"), "AOTH": ("ARA", "TAM", "PAS"), "BAFR": ("SOM", "YOR", "TWI", "FRN"),
    "BOTH": ("FRN", "POR"), "CHNE": ("CHI", "CAN"), "MOTH": ("ARA", "SPA"), "OOTH": ("ARA", "KUR", "FAR"),
    "REFU": ("ARA", "FRN"), "WIRT": ("SHL",),
}  # fmt: skip
ENGLISH = "ENG"
#: White British is the ethnicity of most pupils without EAL, falling as the school's EAL share rises.
WHITE_BRITISH_MOST, WHITE_BRITISH_LEAST = 0.92, 0.2


@dataclass(frozen=True)
class Pupils:
    """A school's pupils as parallel arrays (one element a pupil), ready for vectorised marks."""

    upn: np.ndarray
    forename: np.ndarray
    surname: np.ndarray
    dob: np.ndarray  # datetime64[D]
    sex: np.ndarray  # "M" / "F"
    nc_year: np.ndarray
    reg_group: np.ndarray
    fsm6: np.ndarray
    sen: np.ndarray  # "N", "K" (SEN support) or "E" (EHC plan)
    eal: np.ndarray
    language: np.ndarray
    ethnicity: np.ndarray
    admission: np.ndarray  # datetime64[D]
    leaving: np.ndarray  # datetime64[D], NaT when still on roll

    def __len__(self) -> int:
        return len(self.upn)


def year_11_leaving_date(academic_year: int) -> dt.date:
    """Year 11 stay on roll until the last Friday in June (attendance.md §3.4)."""
    day = dt.date(academic_year + 1, 6, 30)
    return day - dt.timedelta(days=(day.weekday() - FRIDAY) % 7)


def draw_pupils(
    rng: np.random.Generator, school: SchoolInfo, calendar: SchoolCalendar, as_of: dt.date
) -> Pupils:
    """The school's roll for the year: everyone on roll on some school day up to `as_of`."""
    year = calendar.academic_year
    years = MAIN_SCHOOL_YEARS + (SIXTH_FORM_YEARS if school.sixth_form else ())
    sizes = [
        round(school.year_group_size * (SIXTH_FORM_SIZE if nc in SIXTH_FORM_YEARS else 1))
        + int(rng.integers(-YEAR_GROUP_JITTER, YEAR_GROUP_JITTER + 1))
        for nc in years
    ]
    nc_year = np.repeat(years, sizes)
    count = len(nc_year)
    serial = np.concatenate([np.arange(1, size + 1) for size in sizes])
    upns = np.array(
        [upn.make(school.la, school.estab, year - nc, s) for nc, s in zip(nc_year, serial, strict=True)]
    )

    born_from = np.array([np.datetime64(f"{year - nc - AGE_OFFSET}-09-01") for nc in nc_year])
    dob = born_from + rng.integers(0, 365, size=count).astype("timedelta64[D]")
    sex = np.where(rng.random(count) < 0.5, Sex.FEMALE.value, Sex.MALE.value)

    fsm6 = rng.random(count) < school.fsm6_pct / 100
    sen = _draw_sen(rng, school, fsm6)
    eal = rng.random(count) < school.eal_pct / 100
    ethnicity = _draw_ethnicity(rng, school, eal)
    language = _draw_language(rng, ethnicity, eal)
    pools = np.array([NAME_POOL.get(code, "english") for code in ethnicity])
    forename, surname = pupil_names(rng, pools, sex)

    admission, leaving = _draw_roll_dates(rng, calendar, nc_year)
    reg_group = _registration_groups(rng, nc_year)
    on_roll = admission <= np.datetime64(as_of)
    leaving = np.where(leaving <= np.datetime64(as_of), leaving, np.datetime64("NaT"))
    return Pupils(
        upn=upns[on_roll], forename=forename[on_roll], surname=surname[on_roll], dob=dob[on_roll],
        sex=sex[on_roll], nc_year=nc_year[on_roll], reg_group=reg_group[on_roll], fsm6=fsm6[on_roll],
        sen=sen[on_roll], eal=eal[on_roll], language=language[on_roll], ethnicity=ethnicity[on_roll],
        admission=admission[on_roll], leaving=leaving[on_roll],
    )  # fmt: skip


def _draw_sen(rng: np.random.Generator, school: SchoolInfo, fsm6: np.ndarray) -> np.ndarray:
    """SEN support and EHC plans at the school's rates, more often among FSM6 pupils."""
    tilt = np.where(fsm6, SEN_FSM_RATIO, 1.0) / (1 + (SEN_FSM_RATIO - 1) * school.fsm6_pct / 100)
    draw = rng.random(len(fsm6))
    ehc = draw < school.ehc_plan_pct / 100 * tilt
    support = ~ehc & (draw < (school.ehc_plan_pct + school.sen_support_pct) / 100 * tilt)
    sen = np.where(support, SenProvision.SEN_SUPPORT.value, SenProvision.NONE.value)
    return np.where(ehc, SenProvision.EHC_PLAN.value, sen)


def _draw_ethnicity(rng: np.random.Generator, school: SchoolInfo, eal: np.ndarray) -> np.ndarray:
    white_british = np.clip(
        WHITE_BRITISH_MOST - school.eal_pct / 100, WHITE_BRITISH_LEAST, WHITE_BRITISH_MOST
    )
    ethnicity = np.where(
        rng.random(len(eal)) < white_british, "WBRI", _pick(rng, OTHER_ETHNICITIES, len(eal))
    )
    return np.where(eal, _pick(rng, EAL_ETHNICITIES, len(eal)), ethnicity).astype(object)


def _draw_language(rng: np.random.Generator, ethnicity: np.ndarray, eal: np.ndarray) -> np.ndarray:
    """English for pupils without EAL; otherwise one of the languages that go with their ethnicity."""
    picks = rng.random(len(ethnicity))
    languages = [LANGUAGES.get(code, (ENGLISH,)) for code in ethnicity]
    chosen = [options[int(pick * len(options))] for options, pick in zip(languages, picks, strict=True)]
    return np.where(eal, np.array(chosen, dtype=object), ENGLISH)


def _pick(rng: np.random.Generator, weights: dict[str, int], count: int) -> np.ndarray:
    shares = np.array(list(weights.values()), dtype=float)
    return np.array(list(weights))[rng.choice(len(weights), size=count, p=shares / shares.sum())]


def _draw_roll_dates(
    rng: np.random.Generator, calendar: SchoolCalendar, nc_year: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Admission on 1 September of the year the pupil started here; a few join or leave during the year.

    Year 11 leave on the last Friday in June. Sixth-formers started in Year 12.
    """
    year = calendar.academic_year
    count = len(nc_year)
    first_year = np.where(nc_year >= SIXTH_FORM_YEARS[0], SIXTH_FORM_YEARS[0], MAIN_SCHOOL_YEARS[0])
    admission = np.array([np.datetime64(f"{year - years_here}-09-01") for years_here in nc_year - first_year])
    days = np.array(calendar.school_days(), dtype="datetime64[D]")
    inside = days[SETTLING_DAYS:-SETTLING_DAYS]
    movement = rng.random(count)
    joiners = movement < JOINER_SHARE
    leavers = ~joiners & (movement < JOINER_SHARE + LEAVER_SHARE)
    admission[joiners] = rng.choice(inside, size=joiners.sum())
    leaving = np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
    leaving[nc_year == MAIN_SCHOOL_YEARS[-1]] = np.datetime64(year_11_leaving_date(year))
    leaving[leavers] = np.fmin(leaving[leavers], rng.choice(inside, size=leavers.sum()))
    admission = admission.astype("datetime64[D]")
    too_late = admission > leaving
    admission[too_late] = leaving[too_late] - np.timedelta64(7 * SETTLING_DAYS // 5, "D")
    return admission, leaving


def _registration_groups(rng: np.random.Generator, nc_year: np.ndarray) -> np.ndarray:
    """Registration groups such as 7A and 10C, about REGISTRATION_GROUP_SIZE pupils each."""
    groups = np.empty(len(nc_year), dtype=object)
    for nc in np.unique(nc_year):
        members = np.flatnonzero(nc_year == nc)
        count = max(1, round(len(members) / REGISTRATION_GROUP_SIZE))
        letters = np.array([f"{nc}{letter}" for letter in REGISTRATION_LETTERS[:count]])
        groups[members] = letters[rng.permutation(len(members)) % count]
    return groups
