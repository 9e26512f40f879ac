"""Pages with pupils' data load nothing from elsewhere: every request the browser makes goes to us."""

from __future__ import annotations

from urllib.parse import urlsplit


def test_pages_request_nothing_from_other_sites(world, page, live_server, sign_in_with_the_form):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    sign_in_with_the_form("alice")  # the school's home page, then its summary with a chart
    page.get_by_role("link", name="The attendance summary").click()
    page.locator("#weekly-chart svg").wait_for(state="visible")
    page.wait_for_load_state("networkidle")

    ours = urlsplit(live_server.url).netloc
    elsewhere = [url for url in requested if urlsplit(url).netloc != ours]
    assert elsewhere == []
    paths = {urlsplit(url).path for url in requested}
    assert {"/login/", "/schools/100001/", "/schools/100001/attendance/", "/static/rollbook/site.js"} <= paths
    assert any(path.startswith("/assets/vega-") for path in paths), paths
