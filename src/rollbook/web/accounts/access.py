"""Who may open a school's pages for managing it: its user pages need account set-up there, its API tokens
manage data, as `schools_for` decides. To anyone else, signed in, such pages do not exist."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from rollbook.web.accounts.models import schools_for


def school_permission_required(permission: str):
    """Call `view(request, school, ...)` with the school named by the URL's URN, if the user holds
    `permission` there; otherwise answer 404."""

    def decorator(view):
        @login_required
        @wraps(view)
        def checked(request, urn: int, *args, **kwargs):
            school = get_object_or_404(schools_for(request.user, permission), urn=urn)
            return view(request, school, *args, **kwargs)

        return checked

    return decorator


account_setup_required = school_permission_required("account_setup")


def operator_only(view):
    """The operator's pages (superusers): to anyone else there is no such page."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise Http404("no such page")
        return view(request, *args, **kwargs)

    return checked
