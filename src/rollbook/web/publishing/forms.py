from django import forms

from rollbook.rules.dates import DATE_FORMATS
from rollbook.web.publishing.models import PublishingSchedule


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = PublishingSchedule
        fields = ["enabled", "frequency", "weekday", "at"]
        labels = {"enabled": "Publish on a schedule", "weekday": "On", "at": "At"}
        widgets = {"at": forms.TimeInput(format="%H:%M")}


class PublishNowForm(forms.Form):
    as_of = forms.DateField(
        label="Data to",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="DD/MM/YYYY; leave empty for the latest day any school's marks reach",
    )
