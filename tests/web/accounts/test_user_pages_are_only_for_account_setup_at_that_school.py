"""A school's user pages open only for those holding account set-up there; to anyone else signed in, they do
not exist, and signing in comes first."""

from __future__ import annotations

import pytest

PAGES = [
    "/schools/100001/users/",
    "/schools/100001/users/new/",
    "/schools/100001/users/import/",
    "/schools/100001/users/import/choose/",
    "/schools/100001/users/import/confirm/",
    "/schools/100001/users/pending/",
]


@pytest.mark.parametrize("page", PAGES)
def test_an_account_setup_holder_opens_each_page(admin, page):
    response = admin.get(page, follow=True)
    assert response.status_code == 200
    assert b"Alder School" in response.content


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["alice", "pam", "carol", "operator"])
def test_anyone_without_account_setup_there_gets_404(world, who, page):
    assert world.client_for(getattr(world, who)).get(page).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_another_schools_administrator_gets_404(world, bea, page):
    assert world.client_for(bea).get(page).status_code == 404


def test_another_schools_administrator_cannot_change_or_remove_a_member(world, bea):
    client = world.client_for(bea)
    assert client.post(f"/schools/100001/users/{world.alice.pk}/", {"role": "teacher"}).status_code == 404
    assert client.post(f"/schools/100001/users/{world.alice.pk}/remove/").status_code == 404
    assert world.alice.memberships.filter(school=world.alder).exists()


def test_an_administrator_cannot_reach_a_member_of_another_school_through_their_own(admin, world):
    assert admin.get(f"/schools/100001/users/{world.bob.pk}/").status_code == 404


def test_signing_in_comes_first(client, world):
    response = client.get("/schools/100001/users/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
