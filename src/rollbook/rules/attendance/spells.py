"""Spells of absence: runs of absent sessions, so that many short absences read differently from one long
illness of the same length.

A spell is a run of sessions marked absent (authorised or unauthorised) in register order. A session the
pupil attended, or attended an approved activity, ends it; sessions that are not possible (closures, X, Y,
D and the like) neither end nor extend it, since the pupil could not have been marked present then.
"""

from __future__ import annotations

from collections.abc import Iterable

from rollbook.rules.attendance.codes import ABSENT, ATTENDING, Category


def spells(categories: Iterable[Category]) -> list[int]:
    """The length, in sessions, of each spell of absence in a pupil's register, in order."""
    lengths: list[int] = []
    current = 0
    for category in categories:
        if category in ABSENT:
            current += 1
        elif category in ATTENDING and current:
            lengths.append(current)
            current = 0
    if current:
        lengths.append(current)
    return lengths
