"""Payloads for fuzzing the sync, and what a landed one must leave: good syncs of parts of a week, a good
week with random damage done to it, and any JSON at all (tests/support/syncs.py has the week)."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import strategies as st

from tests.support.syncs import ANN, BEN, CAL, FRIDAY, MONDAY, payload, upn

#: The pupils the lake holds a week for before each sync: two that no sync sends, one that some do.
HELD = (ANN, CAL, upn(4))
GOOD_WEEK = payload(MONDAY, FRIDAY, {ANN: "/\\" * 5, BEN: "/\\IIN/\\LU"})
#: Values a connector might plausibly get wrong, beside any JSON at all.
NEAR_MISSES = st.sampled_from(
    [
        ANN,
        CAL,
        "",
        "AM",
        "PM",
        "am",
        "/",
        "I",
        "C1",
        "9",
        "2025-01-07",
        "2025-01-11",
        "31/01/2025",
        "2030-01-01",
        2024,
    ]
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | NEAR_MISSES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=6) | NEAR_MISSES.map(str), inner, max_size=3)
    ),
    max_leaves=6,
)


def places(value, found=None):
    """Every (container, key) in a JSON value, where a key can be replaced or removed."""
    found = [] if found is None else found
    keys = range(len(value)) if isinstance(value, list) else value.keys() if isinstance(value, dict) else []
    for key in keys:
        found.append((value, key))
        places(value[key], found)
    return found


@st.composite
def damaged(draw):
    data = copy.deepcopy(GOOD_WEEK)
    for _ in range(draw(st.integers(0, 3))):
        spots = places(data)
        if not spots:
            break
        container, key = draw(st.sampled_from(spots))
        damage = draw(st.sampled_from(["near miss", "any JSON", "remove"]))
        if damage == "remove":
            del container[key]
        else:
            container[key] = draw(NEAR_MISSES if damage == "near miss" else JSON)
    return data


@st.composite
def edited(draw):
    """A good sync of any part of the week: some of its marks, with other codes, for a range within it."""
    data = copy.deepcopy(GOOD_WEEK)
    first, last = sorted(draw(st.lists(st.integers(0, 4), min_size=2, max_size=2)))
    data["from"], data["to"] = ((MONDAY + dt.timedelta(days=n)).isoformat() for n in (first, last))
    data["marks"] = [
        {**mark, "code": draw(st.sampled_from(["/", "\\", "L", "I", "M", "O", "C1"]))}
        for mark in data["marks"]
        if data["from"] <= mark["date"] <= data["to"] and draw(st.booleans())
    ]
    data["pupils"] = draw(st.sampled_from([data["pupils"], data["pupils"][:1], []]))
    if draw(st.booleans()):  # a re-extract of the whole year, which this is as far as the lake holds
        del data["from"], data["to"]
        data.update(scope="year", academic_year=2024)
    return data


def expected_after(before: set, data: dict) -> set:
    """The marks a landed sync must leave: its pupils' marks in its range are the payload's (every
    pupil's, for a whole year)."""
    sent = {pupil["upn"].strip().upper() for pupil in data.get("pupils", [])}
    new = {
        (
            mark["upn"].strip().upper(),
            dt.date.fromisoformat(mark["date"]),
            mark["session"].strip().upper(),
            mark["code"].strip().upper(),
        )
        for mark in data.get("marks", [])
    }
    if data.get("scope") == "year":
        return new
    start, end = (dt.date.fromisoformat(data[name]) for name in ("from", "to"))
    sent |= {mark[0] for mark in new}
    return {mark for mark in before if not (mark[0] in sent and start <= mark[1] <= end)} | new


#: What the sync is sent: a good sync, a damaged one, or any JSON.
PAYLOADS = st.one_of(edited(), damaged(), JSON)


def assert_landed_exactly(before: set, after: set, data: dict, counts: dict[str, int]) -> None:
    """The marks are what the payload says, and the counts say how they changed."""
    assert after == expected_after(before, data)
    old, new = ({mark[:3]: mark[3] for mark in marks} for marks in (before, after))
    assert counts["marks_added"] == len(new.keys() - old.keys())
    assert counts["marks_removed"] == len(old.keys() - new.keys())
    assert counts["marks_changed"] == sum(old[key] != new[key] for key in old.keys() & new.keys())
