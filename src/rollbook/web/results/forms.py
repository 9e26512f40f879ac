"""The choices above a KS4 report: the year of the exams, one year or three, and which pupils."""

from __future__ import annotations

from django import forms

from rollbook.rules.calendar import academic_year_label, parse_academic_year

ANY = [("", "All")]


class Ks4Choice(forms.Form):
    academic_year = forms.TypedChoiceField(label="Academic year", required=False, coerce=int)
    years = forms.TypedChoiceField(
        label="Years", required=False, coerce=int, choices=[(1, "This year"), (3, "Three years together")]
    )
    beside = forms.ChoiceField(
        label="Beside",
        required=False,
        choices=[("national", "National"), ("family", "Schools like yours (public data)")],
    )
    sex = forms.ChoiceField(label="Sex", required=False, choices=ANY + [("F", "Girls"), ("M", "Boys")])
    disadvantaged = forms.ChoiceField(
        label="Disadvantaged", required=False, choices=ANY + [("true", "Disadvantaged"), ("false", "Not")]
    )
    sen = forms.ChoiceField(
        label="SEN", required=False, choices=ANY + [("K", "SEN support"), ("E", "EHC plan"), ("N", "No SEN")]
    )
    prior_attainment = forms.ChoiceField(
        label="Prior attainment",
        required=False,
        choices=ANY + [("low", "Low"), ("middle", "Middle"), ("high", "High")],
    )

    def __init__(self, data, held_years: list[int]) -> None:
        # An address may name the year as schools write it ("2023/24"); the choice is the year's number.
        asked = data.get("academic_year") if data else None
        if asked:
            try:
                year = parse_academic_year(asked)
            except ValueError:  # the report's question refuses it, saying why
                pass
            else:
                data = data.copy()
                data["academic_year"] = str(year)
        super().__init__(data)
        self.fields["academic_year"].choices = [(y, academic_year_label(y)) for y in reversed(held_years)]
