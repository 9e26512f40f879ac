"""Matching the names MIS exports write for subjects and qualifications, whatever their case and
punctuation."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

_NOT_WORD = re.compile(r"[^a-z0-9*]+")
#: How many close names an unknown-name error suggests.
SUGGESTIONS = 3


def normalise(name: str) -> str:
    """Lower case, "&" and "+" read as "and", punctuation and runs of spaces made one space."""
    text = name.lower().replace("&", " and ").replace("+", " and ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def index(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """{normalised name or alias: key}, refusing an alias that two entries share."""
    found: dict[str, str] = {}
    for key, names in entries:
        for name in names:
            normal = normalise(name)
            if found.setdefault(normal, key) != key:
                raise ValueError(f"{name!r} names both {found[normal]} and {key}")
    return found


def nearest(name: str, known: Mapping[str, str], shown: Mapping[str, str]) -> list[str]:
    """The everyday names (`shown`, by key) of the known names closest to `name`, best first, no repeats."""
    keys = [known[match] for match in difflib.get_close_matches(normalise(name), known, n=10, cutoff=0.5)]
    return list(dict.fromkeys(shown[key] for key in keys))[:SUGGESTIONS]


def unknown_message(kind: str, name: str, suggestions: list[str]) -> str:
    if suggestions:
        return f"unknown {kind} {name!r}; did you mean {', '.join(suggestions)}?"
    return f"unknown {kind} {name!r}"
