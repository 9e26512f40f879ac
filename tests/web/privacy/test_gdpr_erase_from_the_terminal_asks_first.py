"""`rollbook gdpr erase-pupil` and `erase-school` show what would go and ask first, unless given --yes."""

from __future__ import annotations

from typer.testing import CliRunner

from rollbook.cli import app
from rollbook.web.privacy.models import ErasureRecord
from rollbook.web.privacy.pseudonym import upn_hash
from tests.support.pupil_at_two_schools import PUPIL, contents, without


def erase(*args: str, answer: str | None = None):
    return CliRunner().invoke(app, ["gdpr", *args, "--reason", "Request ref 9"], input=answer)


def test_answering_no_erases_nothing(pupil_world):
    before = contents(pupil_world.lake)
    result = erase("erase-pupil", "--upn", PUPIL, answer="n\n")
    assert result.exit_code == 1
    assert "2 pupils rows, 12 marks rows; 2 import reports, 1 access-log entries" in result.stderr
    assert "Aborted" in result.output
    assert contents(pupil_world.lake) == before
    assert not ErasureRecord.objects.exists()


def test_answering_yes_erases_the_pupil_and_records_it(pupil_world):
    before = contents(pupil_world.lake)
    result = erase("erase-pupil", "--upn", PUPIL, answer="y\n")
    assert result.exit_code == 0, result.output
    assert contents(pupil_world.lake) == without(before, PUPIL)
    record = ErasureRecord.objects.get()
    assert (record.actor.startswith("cli:"), record.upn_hash, record.reason) == (
        True,
        upn_hash(PUPIL),
        "Request ref 9",
    )
    assert f"Erased pupil {upn_hash(PUPIL)[:12]} (erasure record {record.pk})" in result.stderr


def test_yes_on_the_command_line_erases_a_school_without_asking(pupil_world):
    before = contents(pupil_world.lake)
    result = erase("erase-school", "--urn", "100002", "--yes")
    assert result.exit_code == 0, result.output
    assert "Erase school" not in result.output
    assert contents(pupil_world.lake) == {key: rows for key, rows in before.items() if key.school != 100002}
    assert ErasureRecord.objects.get().urn == 100002
