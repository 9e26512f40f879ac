"""Landing a sync for an API token's school: the lake, the import history and the audit log.

Every sync that reaches the checks is recorded, landed or refused, like every other import."""

from __future__ import annotations

from django.utils import timezone

from rollbook.ingest import ImportOutcome
from rollbook.ingest.exchange import Sync, push_json
from rollbook.lake import Lake
from rollbook.web.audit.models import Kind, record
from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.imports import service
from rollbook.web.imports.models import ImportRecord


def run_sync(body: bytes, token: ExchangeToken, request) -> tuple[ImportOutcome, Sync]:
    """Check and land a sync's JSON `body` for the token's school, and record it."""
    started = timezone.now()
    school = token.school
    outcome, sync = push_json(body, Lake.configured(), school.urn, keep_version=True)
    outcome.name = school.name
    outcome.files = [f"API sync of {sync.describe()}"]  # what the history lists where files would be
    actor = f"API token {token.prefix}… ({token.name})"
    # Recorded as any import is, so it can be undone from the history.
    service.record_import(outcome, actor=actor, user=None, source=ImportRecord.Source.API, started=started)
    if outcome.no_change:
        result = "no change"
    elif outcome.landed:
        c = outcome.counts
        result = (
            f"landed: marks {c.marks_added:,} added, {c.marks_changed:,} changed, {c.marks_removed:,} removed"
        )
    else:
        result = f"refused with {len(outcome.report.refusals):,} problem(s)"
    record(
        Kind.IMPORT, f"API sync of {sync.describe()}: {result}", request=request, actor=actor, school=school
    )
    return outcome, sync
