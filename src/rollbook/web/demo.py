"""The demo: a synthetic set of schools, imported through the real importers, comparators published from
them, and a login to look at one."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from rich.progress import Progress

from rollbook import config
from rollbook.rules.calendar import academic_year_label, academic_year_of, england_default

DEMO_USERNAME = "demo"


@dataclass(frozen=True)
class Login:
    username: str
    password: str


def demo_year(today: dt.date) -> tuple[int, dt.date | None]:
    """The academic year to show and the last day of data: yesterday in term, or last year whole in August."""
    year = academic_year_of(today)
    yesterday = today - dt.timedelta(days=1)
    if england_default(year).school_days(end=yesterday):
        return year, yesterday
    return year - 1, None


#: How many years of results before the one shown the demo's schools hold, for the KS4 trends.
RESULTS_YEARS = 3


def results_years(year: int) -> list[int]:
    """The earlier academic years whose pupils and results (no registers) the demo loads."""
    return list(range(year - RESULTS_YEARS, year))


def results_folder(folder: Path, year: int) -> Path:
    """Beside the year shown, not in it: importing that year's folder must not take these."""
    return folder.with_name(f"{folder.name}-results-{year}")


def build_demo(schools: int, seed: int, progress: Progress, today: dt.date | None = None) -> Login:
    """Build (once per size, seed and day) and import the demo schools; return a fresh demo login."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.synth import write_schools
    from rollbook.web.imports.models import ImportRecord
    from rollbook.web.imports.service import run_import
    from rollbook.web.publishing.service import publish_results, publish_snapshot

    year, as_of = demo_year(today or dt.date.today())
    folder = config.data_dir() / "demo" / f"seed{seed}-schools{schools}-{year}-{as_of or 'full'}"
    finished = folder / ".imported"
    if not finished.exists():
        with progress:
            task = progress.add_task("Building synthetic schools", total=schools)
            # A year's GCSE results come in August: a year still under way has none yet.
            write_schools(
                folder,
                schools,
                seed,
                year,
                as_of=as_of,
                progress=lambda done: progress.update(task, completed=done),
                results=as_of is None,
            )
            for earlier in results_years(year):
                task = progress.add_task(f"Building {academic_year_label(earlier)}'s results", total=schools)
                write_schools(
                    results_folder(folder, earlier),
                    schools,
                    seed,
                    earlier,
                    progress=lambda done, task=task: progress.update(task, completed=done),
                    registers=False,
                )
            task = progress.add_task("Importing them", total=schools)
            outcomes = run_import(
                [folder],
                actor="demo",
                source=ImportRecord.Source.DEMO,
                progress=lambda done, _: progress.update(task, completed=done),
            )
            for earlier in results_years(year):
                task = progress.add_task(f"Importing {academic_year_label(earlier)}'s results", total=schools)
                for done, school in enumerate(sorted((results_folder(folder, earlier)).glob("[0-9]*")), 1):
                    outcomes += run_import(
                        [school],
                        actor="demo",
                        source=ImportRecord.Source.DEMO,
                        school=int(school.name),
                        academic_year=earlier,
                    )
                    progress.update(task, completed=done)
            refused = [outcome for outcome in outcomes if not outcome.landed]
            if refused:
                raise RuntimeError("the demo's own files were refused:\n" + refused[0].report.text())
            task = progress.add_task("Publishing comparators", total=None)
            publish_snapshot(progress=lambda done, total: progress.update(task, completed=done, total=total))
            publish_results()
        finished.touch()
    return demo_login()


def demo_login() -> Login:
    """The demo user: the first demo school's data manager, who may do everything there (pupil-level
    reports, imports and sync tokens, users and the audit log), with a new password each time."""
    from django.contrib.auth import get_user_model

    from rollbook.web.accounts.models import Membership, Role
    from rollbook.web.schools.models import School

    user, _ = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
    password = secrets.token_urlsafe(9)
    user.set_password(password)
    user.save()
    first = School.objects.order_by("urn").first()
    if first is not None:
        Membership.objects.update_or_create(
            user=user,
            school=first,
            defaults={
                "role": Role.DATA_MANAGER,
                "pupil_level": True,
                "manage_data": True,
                "account_setup": True,
            },
        )
    return Login(DEMO_USERNAME, password)
