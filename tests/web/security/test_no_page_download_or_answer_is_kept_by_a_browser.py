"""Every page, download and API answer says `Cache-Control: no-store`, so no browser or proxy keeps a copy of
pupils' data: each route of the URL configuration is walked, for Alder's objects, by its data manager (with
pupil-level access), by the operator and by someone not signed in. Only the chart library, which holds no
one's data and is served for a year under its version, may be cached."""

from __future__ import annotations

from rollbook.charts.library import LIBRARY_VERSION
from rollbook.web.accounts.models import Membership
from tests.support.site_walk import filled, objects_of, routes

CACHED = ("assets/vega-<str:version>.js",)
ADMIN = ("/admin/", "/admin/imports/importrecord/", "/admin/audit/accessrecord/")


def test_every_route_answers_no_store(world, client):
    Membership.objects.filter(user=world.dora).update(pupil_level=True)
    values = {
        **objects_of(world, world.alder, world.alice),
        "version": [LIBRARY_VERSION],
        "uidb64": ["MQ"],
        "token": ["x-y"],
        "job_id": ["1"],
    }
    addresses = [address for route in routes() if route not in CACHED for address in filled(route, values)]
    for reader in (world.client_for(world.dora), world.client_for(world.operator), client):
        for address in [*addresses, *ADMIN]:
            assert "no-store" in reader.get(address)["Cache-Control"].split(", "), address
    assert len(addresses) > 40


def test_the_chart_library_may_be_cached(client):
    response = client.get(f"/assets/vega-{LIBRARY_VERSION}.js")
    assert "no-store" not in response["Cache-Control"] and "immutable" in response["Cache-Control"]
