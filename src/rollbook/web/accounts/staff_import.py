"""Importing staff as users in four steps (choose staff; role and administration rights; report access;
confirm), remembered in the session between pages. Each page checks every earlier step again, so a stale
session, a second tab or someone else's new account cannot create anybody who should not be."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from rollbook.web.accounts.models import PERMISSIONS, Role
from rollbook.web.accounts.newusers import NewUser, taken
from rollbook.web.accounts.staff import StaffMember
from rollbook.web.schools.models import School

STEPS = ("Choose staff members", "Choose role and administration rights", "Choose report access", "Confirm")


@dataclass
class Choice:
    """A member of staff from the file, and what has been chosen for them so far."""

    member: StaffMember
    email: str
    chosen: bool = False
    role: str = Role.TEACHER.value
    account_setup: bool = False
    manage_data: bool = False
    school_reports: bool = True
    pupil_level: bool = False
    collaborate: bool = False

    def new_user(self) -> NewUser:
        granted = frozenset(name for name in PERMISSIONS if getattr(self, name))
        return NewUser(self.member.forename, self.member.surname, self.email, self.role, granted)


@dataclass
class StaffImport:
    choices: list[Choice]
    #: How many steps have been completed, in order.
    done: int = 0

    @classmethod
    def start(cls, staff: list[StaffMember]) -> StaffImport:
        return cls([Choice(member, member.email) for member in staff])

    @property
    def lists_posts(self) -> bool:
        """Whether the file says who is a teacher, so the choice can be narrowed to teachers."""
        return any(choice.member.post for choice in self.choices)

    def existing(self) -> list[Choice]:
        """Staff whose email in the file already has an account: shown, but not offered again."""
        return [self.choices[index] for index in sorted(self._existing())]

    def offered(self, teachers_only: bool = False) -> dict[int, Choice]:
        """Staff who may be chosen, by their place in the file."""
        existing = self._existing()
        return {
            index: choice
            for index, choice in enumerate(self.choices)
            if index not in existing and (choice.member.is_teacher or not teachers_only)
        }

    def _existing(self) -> set[int]:
        have = taken(choice.member.email for choice in self.choices)
        return {index for index, choice in enumerate(self.choices) if choice.member.email in have}

    def chosen(self) -> dict[int, Choice]:
        return {index: choice for index, choice in enumerate(self.choices) if choice.chosen}

    def answer(self, step: int, answers: dict[int, dict]) -> None:
        """Record a step's answers for the staff it showed. Choosing staff again unchooses anyone not shown,
        and every later step must then be passed again."""
        for index, choice in enumerate(self.choices):
            if step == 1 and index not in answers:
                choice.chosen = False
            for name, value in answers.get(index, {}).items():
                setattr(choice, name, value)
        self.done = step

    def problems(self) -> list[str]:
        """What stops the chosen staff being created now, in words."""
        chosen = self.chosen()
        if not chosen:
            return ["Choose at least one member of staff."]
        emails = {index: choice.email for index, choice in chosen.items()}
        return [
            f"{chosen[index].member.name}: {problem}" for index, problem in email_problems(emails).items()
        ]

    def go_back_to(self, step: int) -> int | None:
        """The earlier step to finish (or fix) before `step` can be shown, if any."""
        if step > 1 and (self.done < 1 or self.problems()):
            return 1
        return self.done + 1 if self.done < step - 1 else None

    def new_users(self) -> list[NewUser]:
        return [choice.new_user() for choice in self.chosen().values()]


def email_problems(emails: dict[int, str]) -> dict[int, str]:
    """What is wrong with each chosen person's email, by their place in the file."""
    have = taken(emails.values())
    counts = Counter(emails.values())
    problems = {}
    for index, email in emails.items():
        if not email:
            problems[index] = "Enter their email: it becomes their username."
        elif email in have:
            problems[index] = f"{email} already has an account."
        elif counts[email] > 1:
            problems[index] = f"{email} is given for more than one person."
    return problems


def _key(school: School) -> str:
    return f"staff-import-{school.urn}"


def load(session, school: School) -> StaffImport | None:
    saved = session.get(_key(school))
    if saved is None:
        return None
    choices = [Choice(StaffMember(**row.pop("member")), **row) for row in saved["choices"]]
    return StaffImport(choices, saved["done"])


def save(session, school: School, state: StaffImport) -> None:
    session[_key(school)] = asdict(state)


def forget(session, school: School) -> None:
    session.pop(_key(school), None)
