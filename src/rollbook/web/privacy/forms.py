"""The operator's privacy forms. An erasure is asked for twice: with a reason, then with the UPN or URN
typed again beside what it will remove."""

from __future__ import annotations

from django import forms

from rollbook.analytics.subject_access import check_upn


class UpnField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        super().__init__(label="UPN", max_length=20, **kwargs)

    def clean(self, value) -> str:
        try:
            return check_upn(super().clean(value))
        except ValueError as problem:
            raise forms.ValidationError(str(problem)) from None


class ExportForm(forms.Form):
    prefix = "export"
    upn = UpnField()


class ErasureForm(forms.Form):
    """An erasure of what `subject_field` names, confirmed when `again` repeats it."""

    subject_field: str
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Why, e.g. the request's reference; kept in the erasure record",
    )
    again = forms.CharField(required=False, max_length=20)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["again"].label = f"Type the {self.fields[self.subject_field].label} again to confirm"

    @property
    def subject(self) -> str | int:
        return self.cleaned_data[self.subject_field]

    def confirmed(self) -> bool:
        return self.cleaned_data["again"].strip().upper() == str(self.subject)


class ErasePupilForm(ErasureForm):
    prefix = "pupil"
    subject_field = "upn"
    upn = UpnField()
    field_order = ["upn", "reason"]


class EraseSchoolForm(ErasureForm):
    prefix = "school"
    subject_field = "urn"
    urn = forms.IntegerField(label="URN", min_value=1)
    field_order = ["urn", "reason"]
