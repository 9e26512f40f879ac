"""A realistic synthetic school for engine parity and benchmarks, from a seed.

Pupils in Years 7-13 (and a few not following the National Curriculum) with varied attributes, some
admitted or leaving during the year, and marks for every school session in a date range, including sessions
before admission and after leaving. Each pupil has an absence propensity drawn from a skewed distribution,
so the school has persistent and severe absentees, and marks use every kind of code: present, late, AEA,
authorised, unauthorised, not possible, and "-" (no mark). A few pupils have no ethnicity recorded.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa

from rollbook.lake import PartitionKey
from rollbook.rules.calendar import SESSIONS, england_default
from rollbook.rules.upn import make as make_upn

YEAR_GROUPS = (7, 8, 9, 10, 11, 12, 13)
ETHNICITIES = ("WBRI", "WOTH", "AIND", "APKN", "BAFR", "BCRB", "MWBC", "CHNE", "REFU")
ABSENCE_CODES = ("I", "I", "I", "M", "C", "C2", "J1", "R", "E", "G", "O", "O", "N", "U")
ATTENDING_ELSEWHERE_CODES = ("V", "K", "B", "P", "W")
NOT_POSSIBLE_CODES = ("D", "X", "Y1", "Y4", "Q", "Z", "#", "-")
LATE_SHARE, AEA_SHARE, NOT_POSSIBLE_SHARE = 0.03, 0.01, 0.01
MOVERS_SHARE = 0.06
#: Pupils whose ethnicity is not held, so groupings meet a null.
UNKNOWN_ETHNICITY_SHARE = 0.03


def school_partitions(
    urn: int, academic_year: int, pupils: int, start: dt.date, end: dt.date, seed: int
) -> dict[PartitionKey, pa.Table]:
    """`pupils` and `marks` partitions for one school and year, with marks for school days start-end."""
    rng = np.random.default_rng(seed)
    days = england_default(academic_year).school_days(start, end)
    first, last = days[0], days[-1]
    roll = _pupils(rng, urn, pupils, first, last)
    marks = _marks(rng, roll["upn"], days)
    return {
        PartitionKey("pupils", academic_year, urn): pa.table(roll),
        PartitionKey("marks", academic_year, urn): marks,
    }


def _pupils(rng: np.random.Generator, urn: int, count: int, first: dt.date, last: dt.date) -> dict[str, list]:
    span = (last - first).days
    nc_year = [int(year) for year in rng.choice(YEAR_GROUPS, count)]
    nc_year = [None if rng.random() < 0.01 else year for year in nc_year]
    admitted_late = rng.random(count) < MOVERS_SHARE
    leaves = rng.random(count) < MOVERS_SHARE
    admission = [
        first + dt.timedelta(days=int(rng.integers(1, span))) if late else dt.date(first.year - 3, 9, 1)
        for late in admitted_late
    ]
    leaving = [
        admitted + dt.timedelta(days=int(rng.integers(0, max(1, (last - admitted).days)))) if leaver else None
        for admitted, leaver in zip(admission, leaves, strict=True)
    ]
    return {
        "upn": [
            make_upn(800 + urn % 100, urn % 10_000, 10 + index // 1000, index % 1000)
            for index in range(count)
        ],
        "forename": [f"Pupil{index}" for index in range(count)],
        "surname": ["Synthetic"] * count,
        "dob": [dt.date(2010, 1, 1)] * count,
        "sex": list(rng.choice(["M", "F"], count)),
        "nc_year": nc_year,
        "reg_group": [
            f"{year}{letter}" for year, letter in zip(nc_year, rng.choice(list("ABCD"), count), strict=True)
        ],
        "fsm6": list(rng.random(count) < 0.25),
        "sen": list(rng.choice(["N", "K", "E"], count, p=[0.84, 0.13, 0.03])),
        "eal": list(rng.random(count) < 0.2),
        "ethnicity": [
            None if rng.random() < UNKNOWN_ETHNICITY_SHARE else str(code)
            for code in rng.choice(ETHNICITIES, count)
        ],
        "admission_date": admission,
        "leaving_date": leaving,
    }


def _marks(rng: np.random.Generator, upns: list[str], days: list[dt.date]) -> pa.Table:
    pupils, sessions = len(upns), 2 * len(days)
    propensity = rng.beta(0.8, 9.0, pupils)[:, None]  # mean about 8%, a long tail of severe absence
    draw = rng.random((pupils, sessions))
    present = np.tile(np.array(["/", "\\"]), len(days))
    codes = np.broadcast_to(present, (pupils, sessions)).astype(object)
    codes[draw < LATE_SHARE] = "L"
    aea = (draw >= LATE_SHARE) & (draw < LATE_SHARE + AEA_SHARE)
    codes[aea] = rng.choice(ATTENDING_ELSEWHERE_CODES, aea.sum())
    not_possible = rng.random((pupils, sessions)) < NOT_POSSIBLE_SHARE
    codes[not_possible] = rng.choice(NOT_POSSIBLE_CODES, not_possible.sum())
    absent = rng.random((pupils, sessions)) < propensity
    codes[absent] = rng.choice(ABSENCE_CODES, absent.sum())
    session_days = np.repeat(np.array(days, dtype="datetime64[D]"), len(SESSIONS))
    session_names = np.tile(np.array([str(session) for session in SESSIONS]), len(days))
    return pa.table(
        {
            "upn": np.repeat(np.array(upns), sessions),
            "date": np.tile(session_days, pupils),
            "session": np.tile(session_names, pupils),
            "code": codes.ravel().astype(str),
        }
    )
