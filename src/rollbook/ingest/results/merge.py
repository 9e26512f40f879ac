"""How results, prior attainment and baselines change a school's year (docs/import-formats.md, "How an
import changes the lake"): a pupil in results.csv has exactly the results it gives them, a pupil in
prior.csv the prior attainment it gives them, and a pupil in a baseline.csv that baseline's score; every
other pupil's (and every other baseline) are kept. Like ingest/merge.py, planning writes nothing
and plans only partitions whose content changes."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from rollbook.ingest.merge import Changes, Partitions
from rollbook.ingest.results import KS4Files
from rollbook.lake import BASELINES, PRIOR_ATTAINMENT, RESULTS, PartitionKey

#: What makes a result one: the pupil, the subject, the qualification and the series.
RESULT_KEY = ("upn", "subject", "qualification", "exam_series")
SCHEMAS = {"prior_attainment": PRIOR_ATTAINMENT, "baselines": BASELINES}


def plan_results(changes: Changes, current: Partitions, ks4: KS4Files) -> None:
    """Add to `changes` the year's results, prior attainment and baselines partitions and counts, for the
    kinds of file the import has."""
    if ks4.results is not None:
        _plan_results(changes, current, ks4.academic_year, [line.row() for line in ks4.results])
    if ks4.prior is not None:
        _plan_replaced(changes, current, ks4.academic_year, ks4.prior, "prior_attainment", ("upn",), "prior")
    if ks4.baselines is not None:
        key = ("upn", "baseline")
        _plan_replaced(changes, current, ks4.academic_year, ks4.baselines, "baselines", key, "baseline")


def _plan_results(changes: Changes, current: Partitions, year: int, new: list[dict[str, object]]) -> None:
    existing = current.get("results", year)
    old = existing.to_pylist() if existing is not None else []
    sent = {row["upn"] for row in new}
    before = {_key(row): row for row in old if row["upn"] in sent}
    after = {_key(row): row for row in new}
    counts = changes.counts
    counts.results_added += len(after.keys() - before.keys())
    counts.results_removed += len(before.keys() - after.keys())
    counts.results_changed += sum(before[key] != after[key] for key in before.keys() & after.keys())
    if after != before:
        kept = [row for row in old if row["upn"] not in sent]
        changes.partitions[PartitionKey("results", year, current.school)] = pa.Table.from_pylist(
            kept + new, schema=RESULTS
        )


def _plan_replaced(
    changes: Changes,
    current: Partitions,
    year: int,
    new: Sequence[dict[str, object]],
    table: str,
    key: tuple[str, ...],
    counted: str,
) -> None:
    """Each row of `new` in place of the held row with its `key`, counted as `counted`_added, _updated or
    _unchanged; the partition is planned only when one is added or updated."""
    existing = current.get(table, year)
    rows = {_key(row, key): row for row in existing.to_pylist()} if existing is not None else {}
    added = updated = unchanged = 0
    for row in new:
        old = rows.get(_key(row, key))
        added += old is None
        updated += old is not None and old != row
        unchanged += old == row
        rows[_key(row, key)] = row
    counts = changes.counts
    for kind, number in (("added", added), ("updated", updated), ("unchanged", unchanged)):
        setattr(counts, f"{counted}_{kind}", getattr(counts, f"{counted}_{kind}") + number)
    if added or updated:
        changes.partitions[PartitionKey(table, year, current.school)] = pa.Table.from_pylist(
            list(rows.values()), schema=SCHEMAS[table]
        )


def _key(row: dict[str, object], names: Sequence[str] = RESULT_KEY) -> tuple:
    return tuple(row[name] for name in names)
