"""The forms of the user pages: a membership's role and permissions, a new user, the staff file and its four
import steps, and the welcome page's username and access code."""

from __future__ import annotations

import copy
from typing import ClassVar

from django import forms

from rollbook.web.accounts.models import PERMISSIONS, Membership, Role
from rollbook.web.accounts.newusers import NewUser, taken
from rollbook.web.accounts.staff import MAX_BYTES
from rollbook.web.accounts.staff_import import Choice, email_problems

#: The roles a school's own staff hold; trust and LA users belong to those organisations instead.
SCHOOL_ROLES = [
    (value, label) for value, label in Role.choices if value not in (Role.TRUST_USER, Role.LA_USER)
]


class MembershipForm(forms.ModelForm):
    """A member's school role and the five permissions, labelled as the set-up screens name them."""

    class Meta:
        model = Membership
        fields = ["role", *PERMISSIONS]
        labels = {"role": "School role"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = SCHOOL_ROLES


class SingleUserForm(MembershipForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    email = forms.EmailField(
        help_text="This becomes their username.",
        widget=forms.EmailInput(attrs={"aria-describedby": "email-help"}),
    )
    field_order = ["first_name", "last_name", "email", "role", *PERMISSIONS]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if taken([email]):
            raise forms.ValidationError(f"{email} already has an account.")
        return email

    def new_user(self) -> NewUser:
        data = self.cleaned_data
        granted = frozenset(name for name in PERMISSIONS if data[name])
        return NewUser(data["first_name"], data["last_name"], data["email"], data["role"], granted)


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label="Staff list (CSV)", help_text="The staff list exported from your MIS as CSV."
    )

    def contents(self) -> bytes:
        """The file's bytes, read no further than the largest file accepted (so a huge upload is refused)."""
        return self.cleaned_data["file"].read(MAX_BYTES + 1)


class StaffStepForm(forms.Form):
    """One import step: the same fields for each member of staff shown, named <field>-<place in file>."""

    columns: ClassVar[dict[str, forms.Field]]

    def __init__(self, rows: dict[int, Choice], data=None) -> None:
        super().__init__(data)
        self.rows = rows
        for index, choice in rows.items():
            for name, template in self.columns.items():
                field = copy.deepcopy(template)
                field.label = f"{template.label} for {choice.member.name}"
                self.fields[f"{name}-{index}"] = field
                self.initial[f"{name}-{index}"] = getattr(choice, name)

    def lines(self) -> list[tuple[Choice, list[forms.BoundField]]]:
        """Each member of staff shown with their fields, in column order, for a table row."""
        return [
            (choice, [self[f"{name}-{index}"] for name in self.columns])
            for index, choice in self.rows.items()
        ]

    def answers(self) -> dict[int, dict]:
        return {
            index: {name: self.cleaned_data[f"{name}-{index}"] for name in self.columns}
            for index in self.rows
        }


def _permission(name: str) -> forms.BooleanField:
    return forms.BooleanField(label=PERMISSIONS[name], required=False)


class ChooseStaffForm(StaffStepForm):
    columns = {
        "chosen": forms.BooleanField(label="Create a user", required=False),
        "email": forms.EmailField(label="Email", required=False),
    }

    def clean(self):
        data = super().clean()
        emails = {
            index: data[f"email-{index}"].lower()
            for index in self.rows
            if data.get(f"chosen-{index}") and f"email-{index}" in data
        }
        if not any(data.get(f"chosen-{index}") for index in self.rows):
            raise forms.ValidationError("Choose at least one member of staff.")
        for index, problem in email_problems(emails).items():
            self.add_error(f"email-{index}", problem)
        return data

    def answers(self) -> dict[int, dict]:
        return {
            index: {**answer, "email": answer["email"].lower()} for index, answer in super().answers().items()
        }


class RolesForm(StaffStepForm):
    columns = {
        "role": forms.ChoiceField(label="School role", choices=SCHOOL_ROLES),
        "account_setup": _permission("account_setup"),
        "manage_data": _permission("manage_data"),
    }


class ReportAccessForm(StaffStepForm):
    columns = {name: _permission(name) for name in ("school_reports", "pupil_level", "collaborate")}


class WelcomeForm(forms.Form):
    username = forms.CharField(
        label="Username", help_text="Your email address.", max_length=254, widget=forms.EmailInput
    )
    code = forms.CharField(
        label="Access code",
        help_text="From whoever set up your account, e.g. ABCDE-FGHJK.",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}),
    )
