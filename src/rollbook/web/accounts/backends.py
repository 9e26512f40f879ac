"""Signing in with a username typed in any capitals. Staff usernames are their emails, which Rollbook keeps
in lower case and people type as they write them (CJones@Alder.sch.uk); a password that is right for the
one account those letters name opens it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def account_named(username: str):
    """The one account whose username is these letters in any capitals; None for none, or for two that
    differ only in capitals (made in the admin), which are then told apart as typed."""
    accounts = list(get_user_model()._default_manager.filter(username__iexact=username.strip())[:2])
    return accounts[0] if len(accounts) == 1 else None


class AnyCaseUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        account = account_named(username) if username is not None else None
        if account is not None:
            username = account.get_username()
        return super().authenticate(request, username=username, password=password, **kwargs)
