"""The import page's upload: one or more files from one file input."""

from __future__ import annotations

import datetime as dt

from django import forms

from rollbook.rules.calendar import academic_year_label, academic_year_of
from rollbook.web.imports.models import kept_name

#: The first academic year the page offers for files that name none.
FIRST_YEAR = 2014

#: The most taken in one upload: a year's CTF for a very large school is a few tens of MB.
MAX_UPLOAD_MB = 200


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one file input (Django's documented way)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xml,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        """Each file, cleaned; none at all (a browser sends a file named "." with no name) is required."""
        if isinstance(data, list | tuple) and not data:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        single = super().clean
        return [single(each, initial) for each in data] if isinstance(data, list | tuple) else [single(data)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Files to import",
        help_text="A CTF (.xml) from your MIS, pupils.csv and marks.csv, results.csv, prior.csv and "
        "baseline.csv: choose several at once.",
        error_messages={
            "required": "No file was received: choose the files to import (a file named “.” or “..” cannot "
            "be sent)."
        },
    )
    academic_year = forms.TypedChoiceField(
        label="Academic year",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="For files that do not say (pupils.csv alone, say): by default the latest year the "
        "school's data holds.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        latest = academic_year_of(dt.date.today())
        years = [(year, academic_year_label(year)) for year in range(latest, FIRST_YEAR - 1, -1)]
        self.fields["academic_year"].choices = [("", "The school's latest year"), *years]

    def clean_files(self):
        files = self.cleaned_data["files"]
        problems = []
        for file in files:
            try:
                kept_name(file.name)
            except ValueError as problem:
                problems.append(str(problem))
        if problems:
            raise forms.ValidationError(problems)
        size = sum(file.size for file in files)
        if size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                f"These files come to {size / 1024 / 1024:,.0f} MB; an upload may be up to "
                f"{MAX_UPLOAD_MB} MB. Import a year at a time."
            )
        return files
