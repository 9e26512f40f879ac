"""The public-data pages hold no pupil data, so anyone signed in opens them, a member of no school too;
nobody signed out does."""

from __future__ import annotations

import pytest

PAGES = ("/explore/", "/explore/scatter/", "/explore/map/", "/explore/trends/", "/explore/ofsted/",
         "/explore/similar/", "/explore/similar/?school=140862")  # fmt: skip


@pytest.mark.parametrize("address", PAGES)
def test_a_member_of_no_school_opens_the_page(world, public_data, address):
    response = world.client_for(world.carol).get(address)
    assert response.status_code == 200
    assert 'href="/explore/"' in response.content.decode()  # the site's navigation leads here


@pytest.mark.parametrize("address", PAGES)
def test_nobody_signed_out_opens_it(client, public_data, address):
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_without_public_data_the_page_says_so(world):
    response = world.client_for(world.carol).get("/explore/")
    assert response.status_code == 404
    assert "No school-level KS4 results data is loaded yet" in response.content.decode()
