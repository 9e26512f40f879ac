"""The isolation walk: every URL the site and the API serve, requested by every role of Alder School (and by
a signed-up user of none), for Birch School's objects. Each must be refused and show nothing of Birch.

Routes are found from the URL configuration itself, so a new route is walked without anyone remembering to
add it; a route with a parameter this walk cannot fill fails the test until it is taught it. A control walk
fills the same routes with Alder's own objects, to show the URLs are real and the refusals are not accidents
of a bad address.
"""

from __future__ import annotations

import pytest

from rollbook.charts.library import LIBRARY_VERSION
from rollbook.web.accounts.models import Membership
from tests.support.site_walk import filled, objects_of, routes

BIRCH_SECRETS = ("C0000000003", "Birch School")
#: Routes without a school in them, and why each cannot show one school's data to another.
SCHOOL_FREE = {
    "": "home: lists the user's own schools (checked below)",
    "login/": "sign in",
    "logout/": "sign out",
    "welcome/": "new users' access code",
    "welcome/password/": "new users' password",
    "password-reset/": "reset by email",
    "password-reset/sent/": "reset by email",
    "password-reset/done/": "reset by email",
    "password-reset/<uidb64>/<token>/": "reset by a signed token",
    "assets/vega-<str:version>.js": "the chart library",
    "two-factor/": "the user's own device",
    "two-factor/code/": "the user's own device",
    "two-factor/remove/": "the user's own device",
    "two-factor/backup-codes/": "the user's own backup codes",
    "operator/privacy/": "the operator's only",
    "operator/privacy/export/": "the operator's only",
    "operator/privacy/erase-pupil/": "the operator's only",
    "operator/privacy/erase-school/": "the operator's only",
    "operator/privacy/erasures/<int:pk>/": "the operator's only",
    "jobs/<int:job_id>/": "a job's status, for whoever may follow it (tests/web/jobs)",
    "operator/publishing/": "the operator's only",
    "operator/publishing/now/": "the operator's only",
    "explore/": "public school data, no pupil data (tests/web/explore)",
    "explore/scatter/": "public school data, no pupil data",
    "explore/map/": "public school data, no pupil data",
    "explore/trends/": "public school data, no pupil data",
    "explore/ofsted/": "public school data, no pupil data",
    "explore/similar/": "public school data, no pupil data",
    "operator/public-data/": "the operator's only",
    "api/v1/": "the API's root",
    "api/v1/openapi.json": "the API's schema",
    "api/v1/docs": "the API's documentation",
}
ROLES = ("alice", "pam", "dora", "trudy", "lara", "carol")


@pytest.fixture
def objects(world):
    """Each school's objects, as URL parameters (tests.support.site_walk.objects_of)."""
    return {
        "birch": objects_of(world, world.birch, world.bob),
        "alder": objects_of(world, world.alder, world.alice),
    }


def school_routes():
    return [route for route in routes() if "<int:urn>" in route or "{urn}" in route]


def test_every_route_is_walked_or_known_to_hold_no_school():
    unknown = [route for route in routes() if route not in SCHOOL_FREE and "urn>" not in route]
    assert not unknown, (
        f"routes this walk does not know: {unknown}; add them to SCHOOL_FREE or give them a urn"
    )
    assert len(school_routes()) >= 15  # reports, users, import steps, pending users, audit log, the API


@pytest.mark.parametrize("role", ROLES)
def test_no_role_of_alder_reaches_birchs_objects(world, objects, role):
    client = world.client_for(getattr(world, role))
    for route in school_routes():
        for address in filled(route, objects["birch"]):
            for method in (client.get, client.post):
                response = method(address)
                refused = (302, 400, 401, 403, 404, 405)  # 401: the sync API takes a token, never a session
                assert response.status_code in refused, (role, method.__name__, address)
                if response.status_code == 302:
                    assert "100002" not in response["Location"], (role, address, response["Location"])
                body = response.content.decode(errors="replace")
                assert not any(secret in body for secret in BIRCH_SECRETS), (role, address)


@pytest.mark.parametrize("role", ROLES)
def test_routes_without_a_school_show_nothing_of_birch(world, objects, role):
    client = world.client_for(getattr(world, role))
    for route in SCHOOL_FREE:
        values = {
            "version": [LIBRARY_VERSION],
            "pk": ["1"],
            "uidb64": ["MQ"],
            "token": ["x-y"],
            "job_id": ["1"],
        }
        for address in filled(route, values):
            body = client.get(address).content.decode(errors="replace")
            assert not any(secret in body for secret in BIRCH_SECRETS), (role, address)
    assert client.get("/admin/").status_code == 302  # the admin is the operator's


def test_the_control_walk_finds_alders_routes_real(world, objects):
    """Alder's own objects, as the Alder role each route is for: nothing is simply missing."""
    Membership.objects.filter(user=world.dora).update(pupil_level=True)  # dora may do everything at Alder
    client = world.client_for(world.dora)
    missing = [
        address
        for route in school_routes()
        for address in filled(route, objects["alder"])
        if client.get(address).status_code == 404 and "upn" not in address
    ]
    # The pupil report needs a pupil chosen (?upn=); without one it says so, which is not a missing route.
    assert missing == ["/schools/100001/attendance/pupil/"] or not missing, missing
