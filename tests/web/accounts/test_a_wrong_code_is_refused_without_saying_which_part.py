"""A wrong access code or username gets one plain answer; five wrong codes lock the invitation, even against
the right code, until a new one is sent."""

from __future__ import annotations

from rollbook.web.accounts.welcome import NOT_RECOGNISED
from tests.support.welcome_steps import give_code


def refused(response) -> bool:
    return response.status_code == 400 and response.context["form"].non_field_errors() == [NOT_RECOGNISED]


def test_a_wrong_code_and_an_unknown_username_get_the_same_answer(client, invited):
    assert refused(give_code(client, "cjones@alder.sch.uk", "AAAAA-AAAAA"))
    assert refused(give_code(client, "nobody@alder.sch.uk", invited.code))
    assert "welcome-invitation" not in client.session


def test_five_wrong_codes_lock_the_invitation(client, invited):
    for _ in range(5):
        assert refused(give_code(client, "cjones@alder.sch.uk", "AAAAA-AAAAA"))
    assert refused(give_code(client, "cjones@alder.sch.uk", invited.code))
    invited.user.invitation.refresh_from_db()
    assert invited.user.invitation.wrong_codes == 5
