"""Unique Pupil Numbers: 13 characters, a check letter then twelve characters (DfE UPN guidance).

The shape, the normal form and the check are defined here once, for the importers, the sync payload's
schema, the pages that take a UPN, and the code that finds UPNs in logs and records to blank them.
"""

from __future__ import annotations

import re

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
#: A UPN's shape as held: a capital letter, eleven digits, then a digit or capital letter.
SHAPE = r"[A-Z][0-9]{11}[0-9A-Z]"
_WHOLE = re.compile(SHAPE)
#: A UPN standing alone in text, in any capitals (as logs and typed text carry them).
IN_TEXT = re.compile(rf"(?<![0-9A-Za-z]){SHAPE}(?![0-9A-Za-z])", re.IGNORECASE)


def normalise(text: str) -> str:
    """A UPN as Rollbook holds it: capitals, no surrounding spaces (exports and people write either)."""
    return text.strip().upper()


def check_letter(body: str) -> str:
    """The check letter for the twelve characters after it.

    A temporary UPN ends in a letter; that letter counts by its position in CHECK_LETTERS.
    """
    total = 0
    for weight, char in enumerate(body, start=2):
        total += weight * (int(char) if char.isdigit() else CHECK_LETTERS.index(char))
    return CHECK_LETTERS[total % 23]


def problem_with(upn: str) -> str | None:
    """Why `upn` (already normalised) is not a valid UPN, or None when it is."""
    if len(upn) != 13:
        return f"UPN {upn!r} has {len(upn)} characters, not 13"
    if not _WHOLE.fullmatch(upn) or (not upn[-1].isdigit() and upn[-1] not in CHECK_LETTERS):
        return f"UPN {upn!r} is not a letter, eleven digits and a digit or letter"
    expected = check_letter(upn[1:])
    if upn[0] != expected:
        return f"UPN {upn!r} has check letter {upn[0]}, expected {expected}"
    return None


def is_valid(upn: str) -> bool:
    return problem_with(upn) is None


def make(la: int, estab: int, year: int, serial: int) -> str:
    """A permanent UPN for a pupil allocated by school `la`/`estab` in `year` (two digits)."""
    body = f"{la:03d}{estab:04d}{year % 100:02d}{serial:03d}"
    return check_letter(body) + body
