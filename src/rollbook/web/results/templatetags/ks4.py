"""KS4 figures as the DfE's performance tables write them: A8 to 1 dp, P8 and APS to 2, rates to 1 dp."""

from __future__ import annotations

from django import template

from rollbook.analytics.results.figures import MEASURE_NAMES
from rollbook.rules.comparison import display

register = template.Library()

#: Decimal places each kind of measure is shown to.
PLACES = {"attainment8": 1, "progress8": 2, "ebacc_aps": 2}


@register.filter
def ks4(value, key: str) -> str:
    """A measure rounded half-up as published; a dash where there is none (P8 in a year without it)."""
    if value in (None, ""):
        return "–"
    if key == "pupils":
        return f"{value:,}"
    if key.endswith("_rate"):
        return f"{display(value, 1)}%"
    if key.startswith(("progress8", "value_added")):
        return ("+" if value > 0 else "") + display(value, 2)
    return display(value, PLACES.get(key, 1 if key.startswith("attainment8") else 2))


@register.filter
def ks4_gap(value, key: str) -> str:
    """A gap from national, signed: rates in percentage points ("-21.6 pts"), other measures as shown."""
    if value in (None, ""):
        return "–"
    sign = "+" if value > 0 else ""
    if key.endswith("_rate"):
        return f"{sign}{display(value, 1)} pts"
    return sign + ks4(value, key).lstrip("+")


@register.filter
def ks4_name(key: str) -> str:
    return MEASURE_NAMES.get(key, key)


@register.filter
def yes_no(value) -> str:
    return "–" if value is None else "Yes" if value else "No"
