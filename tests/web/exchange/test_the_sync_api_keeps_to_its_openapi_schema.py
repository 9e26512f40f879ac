"""The sync API as its OpenAPI schema describes it: schemathesis sends requests made from the schema,
within it and outside it, with Alder's token, and every answer must be no server error, with a status,
content type, headers and body the schema documents."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

#: Slow: schemathesis sends fifty generated requests to each operation.
pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


#: Loaded when the tests are collected: the schema itself touches no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    tag="exchange"
)


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
# Committed for real: requests through the WSGI app close stale connections when they finish, as on a server,
# which on PostgreSQL would drop a connection held open in one test transaction.
@pytest.mark.django_db(transaction=True)
def test_every_answer_is_as_documented(case, world, alder_token):
    case.path_parameters = {**(case.path_parameters or {}), "urn": world.alder.urn}
    case.call_and_validate(headers={"Authorization": f"Bearer {alder_token}"}, checks=CHECKS)
