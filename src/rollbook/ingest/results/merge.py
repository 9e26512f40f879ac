"""How results and prior attainment change a school's year (docs/import-formats.md, "How an import changes
the lake"): a pupil in results.csv has exactly the results it gives them, and a pupil in prior.csv the
prior attainment it gives them; every other pupil's are kept. Like ingest/merge.py, planning writes nothing
and plans only partitions whose content changes."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from rollbook.ingest.merge import Changes, Partitions
from rollbook.ingest.results import KS4Files
from rollbook.lake import PRIOR_ATTAINMENT, RESULTS, PartitionKey

#: What makes a result one: the pupil, the subject, the qualification and the series.
RESULT_KEY = ("upn", "subject", "qualification", "exam_series")


def plan_results(changes: Changes, current: Partitions, ks4: KS4Files) -> None:
    """Add to `changes` the year's results and prior attainment partitions and counts, for the kinds of file
    the import has."""
    if ks4.results is not None:
        _plan_results(changes, current, ks4.academic_year, [line.row() for line in ks4.results])
    if ks4.prior is not None:
        _plan_prior(changes, current, ks4.academic_year, ks4.prior)


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


def _plan_prior(changes: Changes, current: Partitions, year: int, new: Sequence[dict[str, object]]) -> None:
    existing = current.get("prior_attainment", year)
    rows = {row["upn"]: row for row in existing.to_pylist()} if existing is not None else {}
    counts = changes.counts
    for row in new:
        old = rows.get(row["upn"])
        counts.prior_added += old is None
        counts.prior_updated += old is not None and old != row
        counts.prior_unchanged += old == row
        rows[row["upn"]] = row
    if counts.prior_added or counts.prior_updated:
        changes.partitions[PartitionKey("prior_attainment", year, current.school)] = pa.Table.from_pylist(
            list(rows.values()), schema=PRIOR_ATTAINMENT
        )


def _key(row: dict[str, object]) -> tuple:
    return tuple(row[name] for name in RESULT_KEY)
