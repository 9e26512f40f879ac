"""With ROLLBOOK_PRODUCTION=1, Rollbook will not start on the public development key or with no host names,
and says what to set."""

from __future__ import annotations

import secrets

import pytest

from tests.support.settings_probe import rollbook

#: Slow: each case starts Rollbook in a fresh process.
pytestmark = pytest.mark.slow

SECRET = secrets.token_urlsafe(48)
HOSTS = "rollbook.example"


def test_without_a_secret_key_it_refuses_and_says_so(tmp_path):
    result = rollbook(tmp_path, "manage", "check", ROLLBOOK_PRODUCTION="1", ALLOWED_HOSTS=HOSTS)
    assert result.returncode != 0
    assert "Rollbook refuses to start with ROLLBOOK_PRODUCTION=1" in result.stderr
    assert "SECRET_KEY is not set" in " ".join(result.stderr.split())


def test_with_the_development_key_it_refuses(tmp_path):
    result = rollbook(
        tmp_path,
        "manage",
        "check",
        ROLLBOOK_PRODUCTION="1",
        ALLOWED_HOSTS=HOSTS,
        SECRET_KEY="rollbook-development-key-not-for-production",
    )
    assert result.returncode != 0
    assert "SECRET_KEY is the development key" in " ".join(result.stderr.split())


def test_without_host_names_it_refuses(tmp_path):
    result = rollbook(tmp_path, "manage", "check", ROLLBOOK_PRODUCTION="1", SECRET_KEY=SECRET)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in " ".join(result.stderr.split())


def test_with_both_it_starts(tmp_path):
    result = rollbook(
        tmp_path, "manage", "check", ROLLBOOK_PRODUCTION="1", SECRET_KEY=SECRET, ALLOWED_HOSTS=HOSTS
    )
    assert result.returncode == 0, result.stderr
