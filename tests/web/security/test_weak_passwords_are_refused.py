"""New passwords pass Django's four checks: long enough, not common, not all digits, not like the username."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize(
    "password",
    [
        "short1!",  # too short
        "password1234",  # common
        "738204619375",  # all digits
        "alice.pemberton",  # too like the user's own name
    ],
)
def test_a_weak_password_is_refused(db, password):
    user = User(username="alice.pemberton", first_name="Alice", last_name="Pemberton")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted(db):
    validate_password("correct horse battery staple", User(username="alice"))
