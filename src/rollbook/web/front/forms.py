"""The period and filter choices on report pages, read from the URL so a view can be bookmarked."""

from __future__ import annotations

from django import forms

from rollbook.rules.years import SESSION_MEASURE_YEARS, label

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class ReportChoice(forms.Form):
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

    def clean_upn(self) -> str:
        return self.cleaned_data["upn"].strip().upper()

    def clean(self):
        data = super().clean()
        if bool(data.get("from_date")) != bool(data.get("to_date")):
            raise forms.ValidationError(
                "Give both a from date and a to date, or neither for the year to date."
            )
        return data
