"""Whatever a connector sends, the sync never fails with an error and never lands in part: a refused
payload leaves the lake exactly as it was, and a landed one leaves exactly its marks in its range for the
pupils it sends, and everything else as it was."""

import tempfile
from dataclasses import asdict

import pytest
from hypothesis import event, given, settings

from rollbook.ingest.exchange import push
from rollbook.lake import Lake
from tests.support.sync_fuzz import HELD, PAYLOADS, assert_landed_exactly
from tests.support.syncs import FRIDAY, MONDAY, TODAY, URN, assert_unchanged, held, marks_held, payload


@pytest.mark.slow  # hypothesis sends fifty generated syncs
@settings(max_examples=50, deadline=None)
@given(PAYLOADS)
def test_a_sync_lands_whole_or_not_at_all(data):
    with tempfile.TemporaryDirectory() as root:
        lake = Lake(root)
        assert push(payload(MONDAY, FRIDAY, dict.fromkeys(HELD, "/\\" * 5)), lake, URN, today=TODAY)[0].landed
        before, before_marks = held(lake), marks_held(lake)

        outcome, _ = push(data, lake, URN, today=TODAY)

        event("landed" if outcome.landed else "refused")
        if outcome.landed:
            assert_landed_exactly(before_marks, marks_held(lake), data, asdict(outcome.counts))
        else:
            assert outcome.report.refusals.listed
            assert_unchanged(before, held(lake))
