"""The welcome page's steps, for the invitation tests."""

from __future__ import annotations

PASSWORD = "a walnut ferry in April"


def give_code(client, username: str, code: str):
    return client.post("/welcome/", {"username": username, "code": code})


def welcome(client, username: str, code: str, password: str = PASSWORD):
    """Give the code, then choose the password: the last response."""
    give_code(client, username, code)
    return client.post("/welcome/password/", {"new_password1": password, "new_password2": password})
