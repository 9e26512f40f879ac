"""A setting Rollbook cannot use stops a command with one line saying what to set, not a traceback that
buries it."""

from __future__ import annotations

import pytest

from tests.support.settings_probe import rollbook

#: Slow: each case runs a command in a fresh process.
pytestmark = pytest.mark.slow


def test_production_without_its_secrets_says_so_in_one_line(tmp_path):
    result = rollbook(tmp_path, "manage", "check", ROLLBOOK_PRODUCTION="1")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "rollbook: Rollbook refuses to start with ROLLBOOK_PRODUCTION=1: SECRET_KEY is not set: set it to a "
        "long random value kept secret; ALLOWED_HOSTS is not set: set the site's host names, comma-separated."
    ]


def test_a_number_that_is_not_one_says_so_in_one_line(tmp_path):
    result = rollbook(tmp_path, "manage", "check", ROLLBOOK_SESSION_HOURS="ten")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "rollbook: ROLLBOOK_SESSION_HOURS must be a whole number, not 'ten'"
    ]
