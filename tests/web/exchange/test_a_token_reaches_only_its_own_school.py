"""A token is its school's only: with Alder's token Birch is not found, for sending and for reading, and
the other way about; nothing of the other school is written or shown."""

from __future__ import annotations

from tests.support.sync_client import send, status
from tests.support.syncs import ANN, FRIDAY, MONDAY, assert_unchanged, held, payload

WEEK = payload(MONDAY, FRIDAY, {ANN: "/\\" * 5})


def test_alders_token_neither_writes_nor_reads_birch(world, alder_token):
    birch = held(world.lake, world.birch.urn)

    sent = send(world.birch.urn, WEEK, alder_token)
    read = status(world.birch.urn, alder_token)

    assert (sent.status_code, read.status_code) == (404, 404)
    assert "Birch" not in read.content.decode() + sent.content.decode()
    assert_unchanged(birch, held(world.lake, world.birch.urn))


def test_birchs_token_neither_writes_nor_reads_alder(world, birch_token):
    alder = held(world.lake, world.alder.urn)

    sent = send(world.alder.urn, WEEK, birch_token)
    read = status(world.alder.urn, birch_token)

    assert (sent.status_code, read.status_code) == (404, 404)
    assert "Alder" not in read.content.decode() + sent.content.decode()
    assert_unchanged(alder, held(world.lake, world.alder.urn))


def test_each_token_writes_and_reads_its_own_school(world, alder_token, birch_token):
    assert send(world.alder.urn, WEEK, alder_token).status_code == 200
    assert status(world.alder.urn, alder_token).json()["name"] == "Alder School"
    assert status(world.birch.urn, birch_token).json()["name"] == "Birch School"
