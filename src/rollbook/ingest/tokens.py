"""Reading CTF `AttendanceMarks` strings as session tokens (docs/import-formats.md, "two-character codes").

A token is one character, except that a letter followed by a digit is one two-character token (`C1`, `Y3`).
No register code is a digit, so a digit anywhere else cannot be read. All strings are read at once: their
bytes are joined into one numpy array and split into tokens with vector operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_CASE_GAP = ord("a") - ord("A")
_BYTE_VALUES = 256


@dataclass(frozen=True)
class Tokens:
    string: np.ndarray  # int32: which input string each token came from
    index: np.ndarray  # int32: the token's place in its string, from 0 (so the session is index // 2 days on)
    code: np.ndarray  # int32 index into codes
    codes: list[str]


@dataclass(frozen=True)
class Unreadable:
    string: int
    character: int  # from 1
    text: str  # the characters around it


def tokenise(strings: Sequence[str], listed: int) -> tuple[Tokens, list[Unreadable], int]:
    """Split every string into tokens, upper-casing letters. Also returns the first `listed` digits that
    follow no letter, and how many there are."""
    lengths = np.array([len(text) for text in strings], np.int64)
    # latin-1 keeps one byte per character, so positions stay those of the text; anything else becomes "?"
    joined = "".join(strings).encode("latin-1", errors="replace")
    chars = np.frombuffer(joined, np.uint8).astype(np.int32)
    lower = (chars >= ord("a")) & (chars <= ord("z"))
    chars = np.where(lower, chars - _CASE_GAP, chars)
    string = np.repeat(np.arange(len(strings), dtype=np.int32), lengths)

    digit = (chars >= ord("0")) & (chars <= ord("9"))
    letter = (chars >= ord("A")) & (chars <= ord("Z"))
    follows_letter = np.zeros(len(chars), bool)
    follows_letter[1:] = letter[:-1] & (string[1:] == string[:-1])
    second = digit & follows_letter
    unreadable = np.flatnonzero(digit & ~follows_letter)

    starts = np.flatnonzero(~second)
    has_second = np.zeros(len(starts), bool)
    inside = starts + 1 < len(chars)
    has_second[inside] = second[starts[inside] + 1]
    packed = chars[starts] * _BYTE_VALUES
    packed[has_second] += chars[starts[has_second] + 1]

    token_string = string[starts]
    first_token = np.concatenate([[0], np.cumsum(np.bincount(token_string, minlength=len(strings)))[:-1]])
    index = (np.arange(len(starts)) - first_token[token_string]).astype(np.int32)
    seen = np.zeros(_BYTE_VALUES * _BYTE_VALUES, bool)
    seen[packed] = True
    values = np.flatnonzero(seen)
    numbering = np.zeros(len(seen), np.int32)
    numbering[values] = np.arange(len(values), dtype=np.int32)
    code = numbering[packed]
    codes = [
        chr(value // _BYTE_VALUES) + (chr(value % _BYTE_VALUES) if value % _BYTE_VALUES else "")
        for value in values
    ]
    tokens = Tokens(token_string, index, code, codes)
    string_starts = np.cumsum(lengths) - lengths
    described = [_unreadable(strings, string_starts, int(string[at]), int(at)) for at in unreadable[:listed]]
    return tokens, described, len(unreadable)


def _unreadable(strings: Sequence[str], string_starts: np.ndarray, which: int, position: int) -> Unreadable:
    offset = position - int(string_starts[which])
    return Unreadable(which, offset + 1, strings[which][max(0, offset - 2) : offset + 3])
