"""The period and filter controls on report pages, showing what the URL chose so a view can be bookmarked.

The form only draws the controls: what they ask is read and checked by the report's own question
(`analytics.reports`), the same for the page, the API and the CLI.
"""

from __future__ import annotations

from django import forms

from rollbook.rules.calendar import HALF_TERM_NAMES, TERM_NAMES
from rollbook.rules.dates import DATE_FORMATS
from rollbook.rules.groups import SEN_LABELS, SEX_LABELS
from rollbook.rules.years import SESSION_MEASURE_YEARS, label

FSM6_CHOICES = [("", "All pupils"), ("yes", "FSM6"), ("no", "Not FSM6")]


class ReportChoice(forms.Form):
    term = forms.ChoiceField(
        label="Period",
        required=False,
        choices=[("", "Year to date, or the dates below")]
        + [(name, f"{name} term") for name in TERM_NAMES]
        + [(name, name) for name in HALF_TERM_NAMES],
    )
    from_date = forms.DateField(label="From", required=False, input_formats=DATE_FORMATS)
    to_date = forms.DateField(label="To", required=False, input_formats=DATE_FORMATS)
    latest_week = forms.BooleanField(label="Latest week only", required=False)
    upn = forms.CharField(label="UPN", required=False, max_length=13, widget=forms.HiddenInput)
    year_group = forms.TypedMultipleChoiceField(
        label="Year groups",
        required=False,
        coerce=int,
        choices=[(year, label(year)) for year in SESSION_MEASURE_YEARS],
        widget=forms.CheckboxSelectMultiple,
    )
    sex = forms.ChoiceField(label="Sex", required=False, choices=[("", "All pupils"), *SEX_LABELS.items()])
    fsm6 = forms.ChoiceField(label="FSM6", required=False, choices=FSM6_CHOICES)
    sen = forms.MultipleChoiceField(
        label="SEND", required=False, choices=list(SEN_LABELS.items()), widget=forms.CheckboxSelectMultiple
    )
