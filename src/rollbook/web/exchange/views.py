"""A school's API tokens, for whoever manages its data there: make one (shown once), see them all, revoke
one. Making and revoking are audited as changes of who may write the school's data."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from rollbook.web.accounts.access import school_permission_required
from rollbook.web.audit.models import Kind, record
from rollbook.web.exchange.models import ExchangeToken

manage_data_required = school_permission_required("manage_data")


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is it for?",
        max_length=100,
        help_text="A name to tell it apart, such as the MIS connector on the office server.",
    )


@manage_data_required
def tokens(request, school):
    form = TokenForm(request.POST or None)
    page = {
        "school": school,
        "form": form,
        "tokens": ExchangeToken.objects.filter(school=school).select_related("created_by", "revoked_by"),
        "endpoint": request.build_absolute_uri(reverse("api-v1:exchange_push", args=[school.urn])),
    }
    if request.method == "POST" and form.is_valid():
        token, secret = ExchangeToken.make(school, form.cleaned_data["name"], request.user)
        record(
            Kind.PERMISSION,
            f"API token {token.prefix}… ({token.name}) made: it may send pupils and marks",
            request=request,
            school=school,
        )
        response = render(request, "exchange/tokens.html", {**page, "form": TokenForm(), "secret": secret})
        add_never_cache_headers(response)  # the only time the secret is shown
        return response
    return render(request, "exchange/tokens.html", page, status=400 if form.errors else 200)


@manage_data_required
@require_POST
def revoke(request, school, token_id: int):
    token = get_object_or_404(ExchangeToken.objects.active(), pk=token_id, school=school)
    token.revoke(request.user)
    record(
        Kind.PERMISSION,
        f"API token {token.prefix}… ({token.name}) revoked",
        request=request,
        school=school,
    )
    messages.success(request, f"The token {token.prefix}… ({token.name}) is revoked: it no longer works.")
    return redirect("exchange:tokens", school.urn)
