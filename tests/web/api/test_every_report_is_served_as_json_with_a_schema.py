"""/api/v1/ serves every attendance report as JSON to the school's own users, described by OpenAPI."""

from __future__ import annotations

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from lxml import html

from rollbook.analytics.filters import Filters
from rollbook.analytics.reports import ATTENDANCE_REPORTS, attendance_report

URL = "/api/v1/schools/{urn}/attendance/{name}"


@pytest.mark.parametrize("name", ATTENDANCE_REPORTS)
def test_a_member_gets_the_same_data_as_the_page(world, name):
    needs = {"upn": "B0000000002"} if name == "pupil" else {}
    response = world.client_for(world.pam).get(URL.format(urn=100001, name=name), needs)
    assert response.status_code == 200
    expected = json.loads(json.dumps(attendance_report(name, 100001, **needs).data, cls=DjangoJSONEncoder))
    assert response.json() == expected  # dates as ISO text, as JSON carries them


def test_the_json_is_the_reports_data(world):
    response = world.client_for(world.pam).get(URL.format(urn=100001, name="summary") + "?year_group=8")
    expected = attendance_report("summary", 100001, filters=Filters(year_groups=[8])).data
    assert response.json()["measures"] == expected["measures"]
    assert response.json()["filters"] == {"year_groups": [8]}


def test_nobody_else_gets_a_schools_data(world):
    assert Client().get(URL.format(urn=100001, name="summary")).status_code == 401
    for user in (world.bob, world.carol, world.operator):
        assert world.client_for(user).get(URL.format(urn=100001, name="summary")).status_code == 404


def test_bad_choices_are_a_client_error_with_the_reason(world):
    client = world.client_for(world.alice)
    assert client.get(URL.format(urn=100001, name="horoscope")).status_code == 422
    response = client.get(URL.format(urn=100001, name="summary") + "?from_date=2024-09-09")
    assert (response.status_code, response.json()) == (
        400,
        {"detail": "give both from_date and to_date, or neither"},
    )
    response = client.get(URL.format(urn=100001, name="summary") + "?from_date=2024-07-01&to_date=2024-09-13")
    assert response.status_code == 400 and "within one academic year" in response.json()["detail"]


def test_the_openapi_schema_describes_the_reports(world):
    schema = world.client_for(world.alice).get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/schools/{urn}/attendance/{name}"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert parameters == {
        "urn", "name", "from_date", "to_date", "term",
        "year_group", "sex", "fsm6", "sen", "latest_week", "upn",
    }  # fmt: skip


def test_the_api_docs_load_nothing_from_other_sites(world):
    page = world.client_for(world.alice).get("/api/v1/docs")
    assert page.status_code == 200
    tree = html.fromstring(page.content)
    assets = tree.xpath("//script/@src | //link/@href")
    assert assets and all(address.startswith("/") for address in assets), assets
