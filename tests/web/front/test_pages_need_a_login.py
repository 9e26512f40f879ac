"""Every page with school data sends a visitor who has not signed in to the login page."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize("path", ["/", "/schools/100001/attendance/"])
def test_a_visitor_is_sent_to_log_in(world, path):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_a_member_can_log_in_with_a_password(world):
    client = Client()
    response = client.post("/login/", {"username": "alice", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert client.get("/", follow=True).redirect_chain[-1][0] == "/schools/100001/"
