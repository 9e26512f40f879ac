"""A confirm whose process dies (the web server killed while it runs in the request) does not leave its
upload "being imported" for ever: when the upload is next opened, the lake says whether its data landed. If
it did, the upload is finished as imported, recorded with what its preview counted; if not, it is ready to
confirm again, or to cancel. A death is played here by an exception no handler catches, at the step named:
like a killed process, it runs nothing more, and its lock goes with it."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake
from rollbook.web.imports import service
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import AMENDMENT, PAGE, lake_data, land_baseline, upload


class Killed(BaseException):
    """The process dying: nothing catches it, as nothing runs after a kill -9."""


def die(*args, **kwargs):
    raise Killed


@pytest.fixture
def previewed(world, tmp_path):
    """Alder's amendment uploaded and previewed by its data manager; (their client, the upload)."""
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    upload(dora, AMENDMENT)
    return dora, Upload.objects.get()


def confirm_dying(client, pending: Upload) -> None:
    with pytest.raises(Killed):
        client.post(f"{PAGE}uploads/{pending.pk}/confirm/")
    assert Upload.objects.get().status == Upload.LANDING  # left "being imported"


def test_dying_before_the_lake_is_written_leaves_it_ready_to_confirm_again(world, previewed, monkeypatch):
    dora, pending = previewed
    before = lake_data(world.lake)
    with monkeypatch.context() as patched:
        patched.setattr(Lake, "replace", die)
        confirm_dying(dora, pending)

    page = dora.get(f"{PAGE}uploads/{pending.pk}/").content.decode()

    assert Upload.objects.get().status == Upload.READY and "Confirm the import" in page
    assert lake_data(world.lake) == before and not ImportRecord.objects.filter(source="web").exists()
    dora.post(f"{PAGE}uploads/{pending.pk}/confirm/")
    assert ImportRecord.objects.get(source="web").outcome == ImportRecord.LANDED


def test_dying_before_it_is_recorded_finishes_it_as_imported(world, previewed, monkeypatch):
    dora, pending = previewed
    with monkeypatch.context() as patched:
        patched.setattr(service, "record_import", die)
        confirm_dying(dora, pending)
    landed = lake_data(world.lake)

    shown = dora.get(f"{PAGE}uploads/{pending.pk}/")

    record = ImportRecord.objects.get(source="web")
    assert shown["Location"] == f"{PAGE}{record.pk}/"
    assert (record.outcome, record.version, record.files) == ("landed", pending.id.hex, list(pending.files))
    assert record.changes["counts"] == pending.preview["counts"]
    assert {key["table"] for key in record.changes["partitions_written"]} == {"pupils", "marks"}
    assert Upload.objects.get().status == Upload.DONE and lake_data(world.lake) == landed


def test_dying_with_the_journal_committed_rolls_it_forward_and_finishes_it(world, previewed, monkeypatch):
    dora, pending = previewed
    before = lake_data(world.lake)
    real = Lake._roll_forward

    def die_once_committed(lake, school):
        if lake._journal(school).exists():
            raise Killed
        real(lake, school)

    with monkeypatch.context() as patched:
        patched.setattr(Lake, "_roll_forward", die_once_committed)
        confirm_dying(dora, pending)
    assert lake_data(world.lake) == before  # committed, not yet applied

    shown = dora.get(f"{PAGE}uploads/{pending.pk}/")

    record = ImportRecord.objects.get(source="web")
    assert shown["Location"] == f"{PAGE}{record.pk}/" and record.version == pending.id.hex
    assert lake_data(world.lake) != before


def test_a_confirm_still_running_is_left_alone(world, previewed):
    dora, pending = previewed
    assert service.start_landing(pending)
    with service.landing(pending) as ours:
        assert ours
        assert service.settle(Upload.objects.get()).status == Upload.LANDING
        assert dora.post(f"{PAGE}uploads/{pending.pk}/confirm/")["Location"] == f"{PAGE}uploads/{pending.pk}/"
