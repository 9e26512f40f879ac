"""/api/v1/ serves every report as JSON to the school's own users, described by OpenAPI."""

from __future__ import annotations

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from lxml import html

from rollbook.analytics import reports
from rollbook.web.audit.models import AccessRecord, Kind
from tests.support.reports import attendance_report

ATTENDANCE_REPORTS = [report.name for report in reports.of("attendance")]

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
    expected = attendance_report("summary", 100001, year_group=[8]).data
    assert response.json()["measures"] == expected["measures"]
    assert response.json()["filters"] == {"year_groups": [8]}


def test_nobody_else_gets_a_schools_data(world):
    assert Client().get(URL.format(urn=100001, name="summary")).status_code == 401
    for user in (world.bob, world.carol, world.operator):
        assert world.client_for(user).get(URL.format(urn=100001, name="summary")).status_code == 404


def test_bad_choices_are_a_client_error_with_the_reason(world):
    client = world.client_for(world.alice)
    assert client.get(URL.format(urn=100001, name="horoscope")).status_code == 404
    response = client.get(URL.format(urn=100001, name="summary") + "?from_date=2024-09-09")
    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Give both a from date and a to date, or neither for the year to date."},
    )
    response = client.get(URL.format(urn=100001, name="summary") + "?from_date=2024-07-01&to_date=2024-09-13")
    assert response.status_code == 400 and "within one academic year" in response.json()["detail"]


def test_a_refused_pupil_level_request_is_not_recorded_as_a_read(world):
    client = world.client_for(world.pam)
    response = client.get(URL.format(urn=100001, name="pupil-list") + "?year_group=99999999999999999999999")
    assert response.status_code == 400
    assert "Year groups" in response.json()["detail"]
    reads = AccessRecord.objects.filter(user=world.pam, kind=Kind.READ)
    assert not reads.exists()
    assert client.get(URL.format(urn=100001, name="pupil-list")).status_code == 200
    assert reads.count() == 1


@pytest.mark.parametrize("name", ATTENDANCE_REPORTS)
def test_the_openapi_schema_describes_each_reports_question_and_answer(world, name):
    schema = world.client_for(world.alice).get("/api/v1/openapi.json").json()
    operation = schema["paths"][f"/api/v1/schools/{{urn}}/attendance/{name}"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    asked = {"from_date", "to_date", "term", "latest_week", "academic_year", "year_group", "sex", "fsm6",
             "sen", "eal", "reg_group", "ethnicity"}  # fmt: skip
    own = {"pupil": {"upn"}, "pupil-list": {"band", "sort"}, "absence-frequency": {"band", "sort"},
           "summary": {"family"}}.get(name, set())  # fmt: skip
    assert parameters == {"urn", *asked, *own}
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    answer = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    assert {"school", "period", "filters"} <= set(answer["properties"])
    assert set(operation["responses"]) == {"200", "400", "403", "404"}


def test_the_api_docs_load_nothing_from_other_sites(world):
    page = world.client_for(world.alice).get("/api/v1/docs")
    assert page.status_code == 200
    tree = html.fromstring(page.content)
    assets = tree.xpath("//script/@src | //link/@href")
    assert assets and all(address.startswith("/") for address in assets), assets


@pytest.mark.parametrize("report", reports.of("ks4"), ids=lambda report: report.name)
def test_the_ks4_reports_are_described_too(world, report):
    schema = world.client_for(world.alice).get("/api/v1/openapi.json").json()
    operation = schema["paths"][f"/api/v1/schools/{{urn}}/ks4/{report.name}"]["get"]
    assert {"urn", "academic_year", "years"} <= {parameter["name"] for parameter in operation["parameters"]}
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["$ref"].rsplit("/", 1)[-1] == report.data_type.__name__


def test_every_report_has_its_own_response_schema(world):
    """Two answers' types of one name would share one schema in the document, and one would be wrong."""
    schema = world.client_for(world.alice).get("/api/v1/openapi.json").json()
    answers = [
        path["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        for name, path in schema["paths"].items()
        if "/schools/{urn}/" in name and "exchange" not in name
    ]
    assert len(answers) == len(set(answers)) == sum(len(reports.of(domain)) for domain in reports.DOMAINS)
