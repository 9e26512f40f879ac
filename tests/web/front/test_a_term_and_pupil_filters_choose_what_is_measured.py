"""A term or half-term, and pupils by sex, FSM6 and SEND, chosen from the URL."""

from __future__ import annotations

import pytest

SUMMARY = "/schools/100001/attendance/"


@pytest.mark.parametrize(
    ("query", "pupils", "possible"),
    [
        ({}, 2, 20),
        ({"sex": "F", "fsm6": "no", "sen": "N"}, 2, 20),  # Alder's two pupils are girls, not FSM6, no SEN
        ({"sex": "M"}, 0, 0),
        ({"fsm6": "yes"}, 0, 0),
        ({"sen": ["K", "E"]}, 0, 0),
    ],
)
def test_pupil_filters_choose_who_is_measured(world, query, pupils, possible):
    # pam has pupil-level access: a selection of two pupils is shown to her (not to alice).
    measures = world.client_for(world.pam).get(SUMMARY, query).context["result"]["measures"]
    assert (measures["pupils"], measures["possible_sessions"]) == (pupils, possible)


def test_the_chosen_pupils_are_named_above_the_report(world):
    response = world.client_for(world.alice).get(SUMMARY, {"sex": "F", "fsm6": "yes", "sen": "K"})
    assert response.context["chosen"] == ["Girls", "FSM6", "SEN support"]
    assert response.context["result"]["filters"] == {"sex": ["F"], "fsm6": [True], "sen": ["K"]}


def test_a_half_term_runs_to_the_last_day_held(world):
    result = world.client_for(world.alice).get(SUMMARY, {"term": "Autumn 1"}).context["result"]
    assert result["period"]["label"] == "Autumn 1 2024/25 to 13/09/2024"
    assert result["measures"]["possible_sessions"] == 20


def test_a_term_and_dates_together_are_refused(world):
    response = world.client_for(world.alice).get(
        SUMMARY, {"term": "Autumn", "from_date": "09/09/2024", "to_date": "13/09/2024"}
    )
    assert response.status_code == 400
    assert "Choose either a term or dates, not both." in response.content.decode()


def test_a_term_not_yet_begun_is_refused_with_the_reason(world):
    response = world.client_for(world.alice).get(SUMMARY, {"term": "Summer 2"})
    assert response.status_code == 400
    assert "has not begun: the data runs to 13/09/2024" in response.content.decode()
