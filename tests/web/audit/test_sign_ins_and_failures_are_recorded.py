"""Every sign-in and failed sign-in is recorded with who and from where; a password never is."""

from __future__ import annotations

from django.test import Client

from rollbook.web.audit.models import AccessRecord, Kind
from tests.support.worlds import PASSWORD


def test_a_sign_in_is_recorded(world):
    Client(REMOTE_ADDR="192.0.2.7").post("/login/", {"username": "alice", "password": PASSWORD})
    (record,) = AccessRecord.objects.filter(kind=Kind.SIGN_IN)
    assert (record.user, record.actor, record.address, record.what) == (
        world.alice,
        "alice",
        "192.0.2.7",
        "signed in",
    )


def test_a_failed_sign_in_is_recorded_without_the_password(world):
    Client(REMOTE_ADDR="192.0.2.8").post("/login/", {"username": "Alice", "password": "guess-1234"})
    (record,) = AccessRecord.objects.filter(kind=Kind.SIGN_IN_FAILED)
    # The account the name opens (in any capitals, as sign-in reads it), so alice's school sees it.
    assert (record.user, record.actor, record.address) == (world.alice, "Alice", "192.0.2.8")
    assert record.what == "failed sign-in as 'Alice'"
    assert not AccessRecord.objects.filter(what__contains="guess-1234").exists()


def test_a_failed_sign_in_as_nobody_is_recorded_as_tried(world):
    Client(REMOTE_ADDR="192.0.2.9").post("/login/", {"username": "alise", "password": "guess-1234"})
    (record,) = AccessRecord.objects.filter(kind=Kind.SIGN_IN_FAILED)
    assert (record.user, record.actor, record.what) == (None, "alise", "failed sign-in as 'alise'")
