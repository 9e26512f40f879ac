"""Once a code has set a password it is spent: it cannot set another, in this browser or any other."""

from __future__ import annotations

from django.test import Client

from rollbook.web.accounts.welcome import NOT_RECOGNISED
from tests.support.welcome_steps import PASSWORD, give_code, welcome


def test_a_used_code_is_refused(client, invited):
    assert welcome(client, "cjones@alder.sch.uk", invited.code).status_code == 302
    response = give_code(Client(), "cjones@alder.sch.uk", invited.code)
    assert response.status_code == 400
    assert NOT_RECOGNISED in response.content.decode()


def test_two_browsers_holding_the_same_code_set_one_password(invited):
    first, second = Client(), Client()
    give_code(first, "cjones@alder.sch.uk", invited.code)
    give_code(second, "cjones@alder.sch.uk", invited.code)
    welcome_password = {"new_password1": PASSWORD, "new_password2": PASSWORD}
    assert first.post("/welcome/password/", welcome_password).status_code == 302
    other = "another walnut ferry in May"
    assert second.post("/welcome/password/", {"new_password1": other, "new_password2": other})[
        "Location"
    ] == ("/welcome/")
    invited.user.refresh_from_db()
    assert invited.user.check_password(PASSWORD)
