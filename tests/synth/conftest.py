"""Shared synthetic runs and a small CTF reader, so each test file checks one behaviour."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from rollbook.synth import generate_schools, write_schools

#: A CTF mark token: a letter and a digit (the 2024 two-character codes) or any one character.
TOKEN = re.compile(r"[A-Z][0-9]|.", re.DOTALL)


@dataclass(frozen=True)
class CtfPupil:
    upn: str
    entry: dt.date
    leaving: dt.date | None
    marks: dict[tuple[dt.date, int], str]  # (date, 0 AM / 1 PM) -> code, sessions other than "#"


def read_ctf(path: Path) -> tuple[etree._Element, list[CtfPupil]]:
    """The parsed document and each pupil's dated marks, walking AttendanceMarks from its start date."""
    root = etree.parse(str(path)).getroot()
    pupils = []
    for pupil in root.iter("Pupil"):
        start = dt.date.fromisoformat(pupil.findtext(".//AttendanceStartDate"))
        tokens = TOKEN.findall(pupil.findtext(".//AttendanceMarks"))
        marks = {
            (start + dt.timedelta(days=i // 2), i % 2): token
            for i, token in enumerate(tokens)
            if token != "#"
        }
        leaving = pupil.findtext(".//SchoolHistory/School/LeavingDate")
        pupils.append(
            CtfPupil(
                upn=pupil.findtext("UPN"),
                entry=dt.date.fromisoformat(pupil.findtext(".//SchoolHistory/School/EntryDate")),
                leaving=dt.date.fromisoformat(leaving) if leaving else None,
                marks=marks,
            )
        )
    return root, pupils


@pytest.fixture(scope="session")
def national_year():
    """A national-ish run: 150 schools' full 2023/24 year, in memory."""
    return generate_schools(150, seed=2023, academic_year=2023)


@pytest.fixture(scope="session")
def written_schools(tmp_path_factory) -> Path:
    """Three schools' files for 2024/25 up to mid-October, as `rollbook synth` writes them."""
    out = tmp_path_factory.mktemp("schools")
    write_schools(out, 3, seed=11, academic_year=2024, as_of=dt.date(2024, 10, 18), workers=1)
    return out


@pytest.fixture(scope="session")
def national_results():
    """250 schools' 2018/19, their results drawn and measured through the rules (about a minute)."""
    from rollbook.synth.national import seeds_for
    from rollbook.synth.results import draw_results
    from rollbook.synth.results_calibration import COHORT_YEAR, measure
    from rollbook.synth.school_year import generate_school
    from rollbook.synth.schools import draw_schools

    school_seed, seeds = seeds_for(2019, 250)
    infos = draw_schools(np.random.default_rng(school_seed), 250)
    years = [generate_school(seed, info, COHORT_YEAR) for seed, info in zip(seeds, infos, strict=True)]
    results = [draw_results(seed, year) for seed, year in zip(seeds, years, strict=True)]
    return years, measure(results)
