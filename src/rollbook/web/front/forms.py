"""The period and filter choices on report pages, read from the URL so a view can be bookmarked."""

from __future__ import annotations

from django import forms

from rollbook.analytics.filters import Filters
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

    def clean_upn(self) -> str:
        return self.cleaned_data["upn"].strip().upper()

    def clean(self):
        data = super().clean()
        if bool(data.get("from_date")) != bool(data.get("to_date")):
            raise forms.ValidationError(
                "Give both a from date and a to date, or neither for the year to date."
            )
        if data.get("term") and data.get("from_date"):
            raise forms.ValidationError("Choose either a term or dates, not both.")
        return data

    def filters(self) -> Filters:
        """The pupils chosen, as the analytics take them; an empty choice leaves a filter off."""
        data = self.cleaned_data
        return Filters(
            year_groups=tuple(data["year_group"]) or None,
            sex=data["sex"] or None,
            fsm6={"yes": True, "no": False}.get(data["fsm6"]),
            sen=tuple(data["sen"]) or None,
        )
