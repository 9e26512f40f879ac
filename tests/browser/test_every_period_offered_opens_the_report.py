"""Every period the Period list offers can be answered: the world's registers are a fortnight of Autumn
2024, so the Autumn term and Autumn 1 are offered and open; Spring and Summer, not begun, are not offered."""

from __future__ import annotations


def test_every_period_offered_opens_the_report(world, page, sign_in):
    sign_in(world.alice)
    page.goto("/schools/100001/attendance/")

    offered = page.locator("#id_term option").evaluate_all("options => options.map(o => [o.value, o.text])")

    assert [text for _, text in offered] == ["Year to date, or the dates below", "Autumn term", "Autumn 1"]
    for value, text in offered:
        response = page.goto(f"/schools/100001/attendance/?term={value}")
        assert response.status == 200, f"{text}: HTTP {response.status}"
        assert page.locator("#report-body [role=alert]").count() == 0, text
