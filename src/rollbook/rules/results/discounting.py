"""Which of a pupil's results count: absent results never do, and results in the same subject count once
(docs/ks4-measures.md, "Discounting").

Within a discount group the rules are applied in this order, each narrowing the results left:
1. first entry: in an EBacc subject, when the series are known, only the earliest series counts;
2. a reformed GCSE shuts out every other qualification in its subject;
3. the result worth the most points (points per slot times slots) counts; a tie goes to the first given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rollbook.rules.results.exam_result import ExamResult
from rollbook.rules.results.subjects import Pillar


@dataclass(frozen=True)
class Discounted:
    result: ExamResult
    reason: str


@dataclass(frozen=True)
class Counting:
    counted: tuple[ExamResult, ...]
    discounted: tuple[Discounted, ...]


def discount(results: Iterable[ExamResult]) -> Counting:
    """The results that count, in the order given, and those that do not, each with the reason."""
    given = list(results)
    dropped: dict[int, str] = {i: "absent (X): not sat" for i, r in enumerate(given) if not r.attempted}
    groups: dict[str, list[int]] = {}
    for i, result in enumerate(given):
        if i not in dropped:
            groups.setdefault(result.subject.group, []).append(i)
    for members in groups.values():
        dropped.update(_within_group(given, members))
    return Counting(
        tuple(r for i, r in enumerate(given) if i not in dropped),
        tuple(Discounted(given[i], reason) for i, reason in sorted(dropped.items())),
    )


def _within_group(given: Sequence[ExamResult], members: list[int]) -> dict[int, str]:
    dropped: dict[int, str] = {}
    if len(members) < 2:
        return dropped
    series = [given[i].series for i in members]
    if any(given[i].subject.pillar is not Pillar.NONE for i in members) and None not in series:
        first = min(s for s in series if s is not None)
        for i in members:
            if given[i].series != first:
                dropped[i] = f"first entry: an earlier entry in {given[i].subject.name} counts"
    left = [i for i in members if i not in dropped]
    if any(given[i].qualification.reformed for i in left):
        for i in left:
            if not given[i].qualification.reformed:
                dropped[i] = f"a reformed GCSE in {given[i].subject.name} counts instead"
    left = [i for i in left if i not in dropped]
    best = max(left, key=lambda i: (given[i].slot_points * given[i].qualification.slots, -i))
    for i in left:
        if i != best:
            dropped[i] = f"the same subject as {given[best].describe()}, which is worth more or came first"
    return dropped
