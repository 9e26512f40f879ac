"""Who may open a school's user pages: whoever holds account set-up there, as `schools_for` decides. To
anyone else, signed in, the school's user pages do not exist."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from rollbook.web.accounts.models import schools_for


def account_setup_required(view):
    """Call `view(request, school, ...)` with the school named by the URL's URN, or answer 404."""

    @login_required
    @wraps(view)
    def checked(request, urn: int, *args, **kwargs):
        school = get_object_or_404(schools_for(request.user, "account_setup"), urn=urn)
        return view(request, school, *args, **kwargs)

    return checked
