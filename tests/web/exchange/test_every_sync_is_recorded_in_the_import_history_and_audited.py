"""Every sync that is checked, landed, unchanged or refused, is an import like any other: it has a record
in the school's import history (source "api", by the token that sent it, with what it changed and a lake
version to undo it by) and a line in the school's audit log."""

from __future__ import annotations

from rollbook.web.audit.models import AccessRecord, Kind
from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.imports.models import ImportRecord
from tests.support.sync_client import send
from tests.support.syncs import ANN, FRIDAY, MONDAY, payload

WEEK = payload(MONDAY, FRIDAY, {ANN: "/\\" * 5})


def test_landed_unchanged_and_refused_syncs_are_recorded(world, alder_token):
    prefix = ExchangeToken.objects.get().prefix

    assert send(world.alder.urn, WEEK, alder_token).status_code == 200
    assert send(world.alder.urn, WEEK, alder_token).status_code == 200
    assert send(world.alder.urn, {**WEEK, "to": "31/02/2025"}, alder_token).status_code == 400

    landed, unchanged, refused = ImportRecord.objects.order_by("started")
    assert {record.source for record in (landed, unchanged, refused)} == {"api"}
    assert {record.school for record in (landed, unchanged, refused)} == {world.alder}
    assert landed.actor == f"API token {prefix}… (Alder's connector)" and landed.user is None
    assert landed.file_names == ["API sync of 6 January 2025 to 10 January 2025"]  # as the history shows it
    assert (landed.outcome, unchanged.outcome, refused.outcome) == ("landed", "landed", "refused")
    assert landed.changes["counts"]["marks_added"] == 10 and landed.changes["counts"]["pupils_added"] == 1
    assert landed.version and not unchanged.version  # only a sync that wrote has something to undo
    assert "no change" in unchanged.summary
    assert [
        (problem["element"], problem["message"]) for problem in refused.problems["refusals"]["listed"]
    ] == [("to", "'31/02/2025' is not a date (write YYYY-MM-DD or DD/MM/YYYY)")]
    audited = AccessRecord.objects.filter(school=world.alder, kind=Kind.IMPORT).order_by("at")
    assert [record.what for record in audited] == [
        "API sync of 6 January 2025 to 10 January 2025: landed: marks 10 added, 0 changed, 0 removed",
        "API sync of 6 January 2025 to 10 January 2025: no change",
        "API sync of an unreadable range: refused with 1 problem(s)",
    ]
    assert {record.actor for record in audited} == {landed.actor}
