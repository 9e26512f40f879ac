"""Whatever is logged (a request path, a query string, an error and its traceback), a UPN in it is blanked."""

from __future__ import annotations

import io
import logging

import pytest

from rollbook.web.security.logs import redact

UPN = "A123456789012"
TEMPORARY_UPN = "B12345678901C"


@pytest.fixture
def log_output():
    """What Rollbook's configured console handler writes, caught for the test."""
    handler = next(h for h in logging.getLogger("django").handlers if h.get_name() == "console")
    caught = io.StringIO()
    # Swapped directly: setStream() would flush the old stream, which pytest's capture may have closed.
    previous, handler.stream = handler.stream, caught
    yield caught
    handler.stream = previous


def test_a_upn_in_a_query_string_is_blanked(log_output):
    logging.getLogger("django.server").info('"GET /pupils/?upn=%s&year=7 HTTP/1.1" 200 512', UPN)
    written = log_output.getvalue()
    assert UPN not in written
    assert "/pupils/?upn=[UPN]&year=7" in written


def test_a_upn_in_a_request_path_is_blanked(world, log_output):
    response = world.client_for(world.alice).get(f"/schools/100001/pupils/{TEMPORARY_UPN}/")
    assert response.status_code == 404
    written = log_output.getvalue()
    assert "Not Found: /schools/100001/pupils/[UPN]/" in written
    assert TEMPORARY_UPN not in written


def test_a_upn_in_an_error_and_its_traceback_is_blanked(log_output):
    try:
        raise LookupError(f"no pupil {UPN} at school 100001")
    except LookupError:
        logging.getLogger("rollbook.web").exception("report failed for %s", UPN)
    written = log_output.getvalue()
    assert UPN not in written
    assert "report failed for [UPN]" in written
    assert "LookupError: no pupil [UPN] at school 100001" in written


def test_only_upn_shaped_words_are_blanked():
    assert redact("URN 100001, LA 823, pupil A123456789012.") == "URN 100001, LA 823, pupil [UPN]."
    assert redact("A1234567890123 and XA123456789012 are not UPNs") == (
        "A1234567890123 and XA123456789012 are not UPNs"
    )
