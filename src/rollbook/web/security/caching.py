"""No page, download or API answer is kept by a browser or a proxy, since most name pupils or show a
school's figures: every response is sent with `Cache-Control: no-store`, replacing whatever caching a view
asked for, except the few addresses that hold no one's data and are meant to be cached (the chart library,
served for a year under its version, and static files).

It covers every route, so a new page holding pupil data needs nobody to remember it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

#: Where the only responses that may be cached are: the chart library's versioned script, static files.
CACHEABLE = ("/assets/", "/" + settings.STATIC_URL.lstrip("/"))


class NoStore:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(CACHEABLE):
            response["Cache-Control"] = "no-store"
        return response
