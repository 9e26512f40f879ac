"""Remembers the request being served, so an audit record made by a signal knows who acted and from where.

Permission changes are recorded by signals on the membership model, so no view or admin page can change
access without leaving a record; the signal needs the request, which this keeps for the length of it.
"""

from __future__ import annotations

from contextvars import ContextVar

current_request: ContextVar[object | None] = ContextVar("current_request", default=None)


class RequestForAudit:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
