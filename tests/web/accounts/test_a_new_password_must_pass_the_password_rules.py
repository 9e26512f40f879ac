"""The welcome page applies the site's password rules (AUTH_PASSWORD_VALIDATORS), and a refused password
spends nothing."""

from __future__ import annotations

import pytest

from tests.support.welcome_steps import welcome


@pytest.fixture(autouse=True)
def password_rules(settings):
    """Two of the site's rules, named here so this test does not depend on the rest of the settings."""
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
        {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    ]


def test_a_weak_password_is_refused_and_the_code_still_works(client, invited):
    response = welcome(client, "cjones@alder.sch.uk", invited.code, password="password")
    assert response.status_code == 400
    errors = response.context["form"].errors["new_password2"]
    assert "This password is too common." in errors
    invited.user.refresh_from_db()
    assert not invited.user.is_active
    assert invited.user.invitation.accepted is None
    assert welcome(client, "cjones@alder.sch.uk", invited.code).status_code == 302


def test_a_password_like_the_username_is_refused(client, invited):
    response = welcome(client, "cjones@alder.sch.uk", invited.code, password="cjones@alder.sch.uk")
    assert response.status_code == 400
    assert any("too similar" in error for error in response.context["form"].errors["new_password2"])
