"""Someone handed an access code who goes to the sign-in page, not the email's link, is shown the way to
set up their account there."""

from __future__ import annotations

from django.test import Client


def test_the_sign_in_page_leads_a_new_user_to_set_up_their_account(db):
    page = Client().get("/login/").content.decode()
    assert '<a href="/welcome/">Set up your account</a>' in page
