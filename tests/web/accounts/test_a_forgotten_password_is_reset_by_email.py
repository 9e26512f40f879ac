"""Forgotten password: the login page links to the reset page, which emails a one-use link to a new one."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.core import mail

NEW_PASSWORD = "a quieter walnut ferry"


def test_a_forgotten_password_is_reset_by_email(client, world):
    world.alice.email = "alice@alder.sch.uk"
    world.alice.save()
    assert b'href="/password-reset/"' in client.get("/login/").content

    response = client.post("/password-reset/", {"email": "Alice@alder.sch.uk"})
    assert response["Location"] == "/password-reset/sent/"
    [message] = mail.outbox
    assert message.to == ["alice@alder.sch.uk"]
    link = re.search(r"http://testserver(/password-reset/[^/\s]+/[^/\s]+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert form.context["validlink"]
    set_password = form.redirect_chain[-1][0]
    response = client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/password-reset/done/"
    assert User.objects.get(pk=world.alice.pk).check_password(NEW_PASSWORD)
    assert not client.get(link, follow=True).context["validlink"], "the link works once"


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, world):
    response = client.post("/password-reset/", {"email": "nobody@alder.sch.uk"})
    assert response["Location"] == "/password-reset/sent/"
    assert mail.outbox == []


def test_someone_still_invited_is_not_sent_a_reset(client, invited):
    client.post("/password-reset/", {"email": "cjones@alder.sch.uk"})
    assert [message.subject for message in mail.outbox] == ["Your Rollbook account at Alder School"]
