"""Reading a synthetic school's CTF back: each pupil's entry, leaving and dated marks, for the synth tests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

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
