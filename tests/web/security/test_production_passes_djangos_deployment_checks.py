"""Configured for production, Rollbook passes `manage check --deploy` without a single warning: secure
cookies, HTTPS redirect, HSTS and the rest."""

from __future__ import annotations

import secrets

import pytest

from tests.support.settings_probe import rollbook, settings_under

#: Slow: each case reads the settings in a fresh process.
pytestmark = pytest.mark.slow

PRODUCTION = {
    "ROLLBOOK_PRODUCTION": "1",
    "SECRET_KEY": secrets.token_urlsafe(48)[:50],
    "ALLOWED_HOSTS": "rollbook.example",
}


def test_the_deploy_check_finds_nothing_to_warn_about(tmp_path):
    result = rollbook(tmp_path, "manage", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_cookies_and_headers_are_set_for_https_only(tmp_path):
    found = settings_under(
        tmp_path,
        [
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SECURE_CONTENT_TYPE_NOSNIFF",
            "SECURE_REFERRER_POLICY",
            "X_FRAME_OPTIONS",
            "DEBUG",
        ],
        **PRODUCTION,
    )
    assert found == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "DEBUG": False,
    }


def test_behind_a_proxy_that_terminates_tls_the_redirect_can_be_left_to_it(tmp_path):
    found = settings_under(
        tmp_path,
        ["SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER"],
        ROLLBOOK_SSL_REDIRECT="0",
        ROLLBOOK_BEHIND_PROXY="1",
        **PRODUCTION,
    )
    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_a_session_lasts_a_school_day_unless_set_otherwise(tmp_path):
    assert settings_under(tmp_path, ["SESSION_COOKIE_AGE"]) == {"SESSION_COOKIE_AGE": 10 * 60 * 60}
    assert settings_under(tmp_path, ["SESSION_COOKIE_AGE"], ROLLBOOK_SESSION_HOURS="2") == {
        "SESSION_COOKIE_AGE": 2 * 60 * 60
    }
