"""Public figures as English schools write them: rates as 65.2%, Attainment 8 to one place, Progress 8
signed to two (+0.46), pupils with thousands separators (1,741), money in whole pounds."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from rollbook.rules.comparison import display
from rollbook.rules.public.fields import Kind

register = template.Library()
DASH = "–"


def written(value, kind: Kind | str | None, name: str = "") -> str:
    """A figure of `kind` named `name` (a label or a Schools Like Yours field) for a page."""
    if value is None or value == "":
        return DASH
    if kind == Kind.RATE:
        return f"{_separated(display(value, 1))}%"
    if kind == Kind.COUNT:
        return f"{int(value):,}"
    if kind == Kind.SCORE:
        lowered = name.casefold()
        if "progress 8" in lowered:
            return ("+" if value > 0 else "") + display(value, 2)
        if "income" in lowered or "salary" in lowered:
            return f"£{_separated(display(value, 0))}"
        if "attainment 8" in lowered or "prior" in lowered or "teachers" in lowered:
            return _separated(display(value, 1))
        return _separated(display(value, 2))
    return str(value)


def _separated(text: str) -> str:
    sign = "-" if text.startswith("-") else ""
    whole, point, fraction = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}{point}{fraction}"


@register.filter
def figure(value, field) -> str:
    """`value` written for its field (anything with `kind` and `label`)."""
    return written(value, field.kind, field.label)


@register.filter
def field_figure(value, field) -> str:
    """A Schools Like Yours value written for its field (anything with `kind` and `name`)."""
    return written(value, field.kind, field.name)


@register.simple_tag
def figure_cells(values, fields) -> str:
    """A row's figures as right-aligned cells, made in one pass: a table of England's schools has
    thousands of them."""
    return format_html_join(
        "",
        '<td class="num">{}</td>',
        ((written(values.get(each.key), each.kind, each.label),) for each in fields),
    )


@register.simple_tag
def sort_link(query, key: str, label: str, current: str) -> str:
    """A column heading that sorts the table by it: smallest first, then largest first on a second click."""
    descending = current == key
    target = f"-{key}" if descending else key
    query = query.copy()
    query["sort"] = target
    query.pop("page", None)
    state = "ascending" if current == key else "descending" if current == f"-{key}" else None
    marker = {"ascending": " ▲", "descending": " ▼"}.get(state or "", "")
    return format_html('<a href="?{}">{}{}</a>', query.urlencode(), label, marker)


@register.filter
def aria_sort(key: str, current: str) -> str:
    return "ascending" if current == key else "descending" if current == f"-{key}" else "none"


@register.filter
def lookup_field(form, name: str):
    """A form's bound field by a name held in a variable."""
    return form[name]


@register.simple_tag
def checkboxes(field) -> str:
    """A multiple-choice field's options as boxes in their labels, ticked where chosen, made in one pass:
    Django's widgets took most of a family page's time for its 160 boxes."""
    chosen = {str(value) for value in (field.value() or [])}
    checked = mark_safe(" checked")
    return format_html_join(
        "",
        '<label class="check"><input type="checkbox" name="{}" value="{}"{}> {}</label>',
        (
            (field.html_name, value, checked if str(value) in chosen else "", label)
            for value, label in field.field.choices
        ),
    )
