"""Whatever a reader puts in a report's address — huge numbers, impossible dates, words where numbers go,
repeated or empty values — every report answers on its page and in the API with a figure (200), a refusal
that says why (400) or "not found" (404), never a server error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rollbook.analytics import reports
from tests.support.questions import status_of

NAMES = [report.name for report in reports.of("attendance")]
#: Each question's parameters, and values worth throwing at them beside arbitrary text.
PARAMETERS = (
    "from_date",
    "to_date",
    "term",
    "latest_week",
    "academic_year",
    "year_group",
    "sex",
    "fsm6",
    "sen",
    "upn",
    "page",
)
AWKWARD = st.sampled_from(
    [
        "99999999999999999999999", "-1", "0", "12", "7", "1e9", "NaN", "", " ", "31/02/2024", "2024-02-30",
        "13/09/2024", "2024-09-13", "01/08/2024", "9999-12-31", "0001-01-01", "Autumn", "spring 2", "Summer",
        "yes", "no", "true", "F", "M", "X", "N", "K", "E", "A0000000001", "B0000000002", "'; DROP TABLE--",
        "\x00", "é", "%", "A" * 500, "2024/25", "2023/24", "2024-2025", "2024/26", "/",
    ]
)  # fmt: skip
VALUE = AWKWARD | st.text(max_size=30)
QUERY = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUE), max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), query=QUERY)
def test_a_page_answers_every_question_without_a_server_error(world, name, query):
    assert status_of(world, f"/schools/100001/attendance/{name}/", query) in (200, 400, 404)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), query=QUERY)
def test_the_api_answers_every_question_without_a_server_error(world, name, query):
    assert status_of(world, f"/api/v1/schools/100001/attendance/{name}", query) in (200, 400, 404)


def test_a_year_group_too_big_for_any_engine_is_refused_on_the_page_and_the_api(world):
    client = world.client_for(world.pam)
    huge = {"year_group": "99999999999999999999999"}
    for name in NAMES:
        page = client.get(f"/schools/100001/attendance/{name}/", huge)
        api = client.get(f"/api/v1/schools/100001/attendance/{name}", huge)
        assert (page.status_code, api.status_code) == (400, 400), name
        assert "Year groups: 99999999999999999999999 is not a year group" in api.json()["detail"]
