"""Signing in with a username typed in any capitals. Staff usernames are their emails, which Rollbook keeps
in lower case and people type as they write them (CJones@Alder.sch.uk); a password that is right for the
one account those letters name opens it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AnyCaseUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None:
            same_letters = get_user_model()._default_manager.filter(username__iexact=username.strip())
            names = list(same_letters.values_list("username", flat=True)[:2])
            # Two accounts differing only in capitals (made in the admin) are told apart as typed.
            if len(names) == 1:
                username = names[0]
        return super().authenticate(request, username=username, password=password, **kwargs)
