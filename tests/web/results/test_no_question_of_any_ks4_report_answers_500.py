"""Whatever a reader puts in a KS4 report's address, every report answers on its page and in the API with
its figures (200), a refusal that says why (400) or "not found" (404), never a server error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rollbook.analytics import reports
from tests.support.questions import status_of

NAMES = [report.name for report in reports.of("ks4")]
PARAMETERS = (
    "academic_year",
    "years",
    "sex",
    "disadvantaged",
    "sen",
    "eal",
    "prior_attainment",
    "sort",
    "format",
)
AWKWARD = st.sampled_from(
    [
        "2018", "2018/19", "2018-2019", "2018/20", "2019", "1066", "99999999999999999999999", "-1", "0", "1",
        "3", "2", "F", "M", "X", "true", "false", "K", "E", "N", "low", "high", "name", "-attainment8",
        "progress8", "-", "nonsense", "json", "csv", "xlsx", "", " ", "\x00", "é", "A" * 500,
    ]
)  # fmt: skip
QUERY = st.lists(st.tuples(st.sampled_from(PARAMETERS), AWKWARD | st.text(max_size=20)), max_size=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), query=QUERY)
def test_a_page_answers_every_question_without_a_server_error(ks4_world, name, query):
    assert status_of(ks4_world, f"/schools/100001/ks4/{name}/", query) in (200, 400, 404)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), query=QUERY)
def test_the_api_answers_every_question_without_a_server_error(ks4_world, name, query):
    assert status_of(ks4_world, f"/api/v1/schools/100001/ks4/{name}", query) in (200, 400, 404)
