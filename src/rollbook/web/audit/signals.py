"""Sign-ins, failed sign-ins and every change to who may see what, recorded as they happen."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from rollbook.web.accounts.backends import account_named
from rollbook.web.accounts.models import Membership
from rollbook.web.audit.middleware import current_request
from rollbook.web.audit.models import Kind, record
from rollbook.web.schools.models import LocalAuthority, School, Trust


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    record(Kind.SIGN_IN, "signed in", request=request, user=user)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The name tried is kept (it may be a mistyped one); the password never is. When it names an account,
    # as sign-in would (any capitals), the record is that account's, so its schools' logs show it.
    tried = str(credentials.get("username", ""))[:150]
    record(
        Kind.SIGN_IN_FAILED,
        f"failed sign-in as {tried!r}",
        request=request or current_request.get(),
        user=account_named(tried),
        actor=tried or "unknown",
    )


@receiver(post_save, sender=Membership)
def membership_saved(sender, instance: Membership, created: bool, **kwargs):
    granted = ", ".join(instance.granted()) or "no permissions"
    change = "given" if created else "changed to"
    record(
        Kind.PERMISSION,
        f"{instance.user.get_username()} {change} {instance.get_role_display()} at {instance.organisation}: "
        f"{granted}",
        request=current_request.get(),
        school=instance.school,
    )


@receiver(post_delete, sender=Membership)
def membership_removed(sender, instance: Membership, **kwargs):
    # When a whole school is deleted its memberships go with it, and the record cannot point at it.
    school = School.objects.filter(pk=instance.school_id).first()
    organisation = (
        school
        or Trust.objects.filter(pk=instance.trust_id).first()
        or LocalAuthority.objects.filter(pk=instance.local_authority_id).first()
        or "an organisation since deleted"
    )
    record(
        Kind.PERMISSION,
        f"{instance.user.get_username()} removed from {organisation}",
        request=current_request.get(),
        school=school,
    )
