"""Figures and dates as English schools write them."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def percent(value, places: int = 1) -> str:
    """A percentage rounded for display: 93.4%; a dash where there is no figure."""
    if value is None:
        return "–"
    return f"{value:.{int(places)}f}%"


@register.filter
def exact(value) -> str:
    """The unrounded figure, for hover and screen readers."""
    return "No figure" if value is None else f"{value:.4f}%"


@register.filter
def uk_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value:%d/%m/%Y}"
