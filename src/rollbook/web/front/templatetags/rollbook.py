"""Figures and dates as English schools write them."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.html import format_html_join

from rollbook.rules.attendance.measures import DESCRIPTIONS
from rollbook.rules.comparison import display
from rollbook.rules.groups import GROUPING_NAMES

register = template.Library()


@register.filter
def percent(value, places: int = 1) -> str:
    """A percentage rounded half-up for display: 93.4%; a dash where there is no figure."""
    if value in (None, ""):  # "" is what a template gives for a figure that is not there
        return "–"
    return f"{display(value, int(places))}%"


@register.filter
def points(value) -> str:
    """A difference in words: "1.25 points higher"."""
    if value == 0:
        return "the same"
    return f"{abs(value):.2f} points {'higher' if value > 0 else 'lower'}"


@register.filter
def count(value) -> str:
    """A whole number with thousands separators, as English schools write it: 8,940; a dash for none."""
    return "–" if value in (None, "") else f"{value:,}"


@register.filter
def gap(difference) -> str:
    """The school's difference from a comparator in points, signed as a person writes it: "+1.2", "−0.7"."""
    if not difference:
        return ""
    shown = display(abs(difference["points"]), 1)
    if shown == "0.0":
        return shown
    return f"\u2212{shown}" if difference["points"] < 0 else f"+{shown}"


@register.filter
def exact(value) -> str:
    """The unrounded figure, for hover and screen readers."""
    return "No figure" if value in (None, "") else f"{value:.4f}%"


@register.filter
def uk_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])  # a date, or the date part of a timestamp
    return f"{value:%d/%m/%Y}"


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or None when either is missing."""
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def grouping(column: str) -> str:
    return GROUPING_NAMES.get(column, column)


@register.filter
def measure_label(key: str) -> str:
    return DESCRIPTIONS[key][0]


@register.filter
def split(text: str) -> list[str]:
    return text.split()


@register.simple_tag
def week_cells(rates: dict, weeks: list) -> str:
    """A pupil's attendance each week as table cells, a week under 100% shaded. A big school's grid has tens
    of thousands of cells, so they are made here in one pass: the template language took seconds."""
    return format_html_join(
        "",
        '<td class="num{}" title="{}">{}</td>',
        (
            (" shade-worse-1" if rate is not None and rate < 100 else "", exact(rate), percent(rate, 0))
            for rate in (rates.get(week) for week in weeks)
        ),
    )
