"""Naming a pupil without their UPN, for records that must outlive the pupil's erasure.

A salted SHA-256 HMAC keyed by the deployment's SECRET_KEY: the same UPN always gives the same hash, so an
operator can tell whether a pupil was erased, but the hash cannot be reversed by trying every UPN without
the key.
"""

from __future__ import annotations

from django.utils.crypto import salted_hmac

_SALT = "rollbook.web.privacy.upn"


def upn_hash(upn: str) -> str:
    return salted_hmac(_SALT, upn, algorithm="sha256").hexdigest()


def erased_label(upn: str) -> str:
    """What replaces an erased pupil's UPN in text that other records keep."""
    return f"erased pupil {upn_hash(upn)[:12]}"
