"""The welcome page: username and access code, then a password; the code is spent, the user is active and
signed in, and can open their school's attendance."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User

from rollbook.web.accounts.models import Invitation
from tests.support.welcome_steps import PASSWORD, give_code


def test_a_new_user_sets_a_password_with_their_code_and_is_signed_in(client, world, invited):
    response = give_code(client, " CJones@Alder.sch.uk ", invited.shown_code.lower())
    assert response.status_code == 302
    assert response["Location"] == "/welcome/password/"
    assert "Claire" in client.get("/welcome/password/").content.decode()

    response = client.post("/welcome/password/", {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302

    claire = User.objects.get(username="cjones@alder.sch.uk")
    assert claire.is_active and claire.check_password(PASSWORD)
    assert Invitation.objects.get(user=claire).accepted is not None
    assert client.session[SESSION_KEY] == str(claire.pk)
    summary = client.get("/schools/100001/attendance/")
    assert summary.status_code == 200
    assert b"Alder School" in summary.content


def test_the_password_page_needs_a_code_first(client, invited):
    assert client.get("/welcome/password/")["Location"] == "/welcome/"
