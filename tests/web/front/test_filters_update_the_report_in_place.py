"""The filter form updates the report in place with htmx and pushes the new URL; it works without it too."""

from __future__ import annotations

from lxml import html

SUMMARY = "/schools/100001/attendance/"


def test_the_form_asks_htmx_to_swap_the_report_body_and_push_the_url(world):
    page = html.fromstring(world.client_for(world.alice).get(SUMMARY).content)
    (form,) = page.xpath("//form[@class='choices']")
    assert form.get("method") == "get"  # still a plain form without JavaScript
    assert (form.get("hx-target"), form.get("hx-select"), form.get("hx-push-url")) == (
        "#report-body",
        "#report-body",
        "true",
    )
    assert form.get("hx-select-oob") == "#report-tabs"  # the tabs carry the new choices too
    assert page.xpath("//script[contains(@src, 'htmx')]/@src") == ["/static/django_htmx/htmx-2.min.js"]


def test_an_htmx_request_gets_the_new_report_body(world):
    client = world.client_for(world.alice)
    response = client.get(SUMMARY, {"sex": "M"}, headers={"HX-Request": "true"})
    body = html.fromstring(response.content).get_element_by_id("report-body")
    assert "Boys" in body.text_content()
    assert response.context["result"]["measures"]["pupils"] == 0  # Alder's pupils are all girls


def test_a_bad_choice_is_explained_inside_the_report_body(world):
    response = world.client_for(world.alice).get(SUMMARY, {"from_date": "01/09/2024"})
    assert response.status_code == 400  # htmx is configured to swap 400s in, so the reason shows
    body = html.fromstring(response.content).get_element_by_id("report-body")
    assert "Give both a from date and a to date" in body.text_content()
    assert "Give both" not in html.fromstring(response.content).xpath("string(//nav)")


def test_no_template_comment_leaks_onto_the_page(world):
    page = world.client_for(world.alice).get(SUMMARY).content.decode()
    assert "{#" not in page and "#}" not in page and "{%" not in page
