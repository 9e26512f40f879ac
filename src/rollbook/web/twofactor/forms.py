from __future__ import annotations

import re

from django import forms

#: A backup code as django-otp's static tokens make them: eight letters a-z and digits 2-7.
BACKUP_CODE = re.compile(r"[a-z2-7]{8}")


def _is_app_code(code: str) -> bool:
    return code.isdigit() and len(code) == 6


class CodeForm(forms.Form):
    """The six-digit code an authenticator app shows; spaces, as some apps show them, are ignored."""

    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not _is_app_code(code):
            raise forms.ValidationError("Enter the six digits your authenticator app shows.")
        return code


class SignInCodeForm(CodeForm):
    """At sign-in, a backup code does instead of the app's code."""

    def __init__(self, *arguments, **options):
        super().__init__(*arguments, **options)
        self.fields["code"].label = "Code from your authenticator app, or a backup code"
        self.fields["code"].widget.attrs["inputmode"] = "text"

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).lower()
        if _is_app_code(code) or BACKUP_CODE.fullmatch(code):
            return code
        raise forms.ValidationError(
            "Enter the six digits your authenticator app shows, or one of your eight-character backup codes."
        )

    def is_backup_code(self) -> bool:
        return not self.cleaned_data["code"].isdigit()
