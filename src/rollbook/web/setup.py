"""Bringing Django up from the CLI, with the database and lake created or migrated on first use."""

from __future__ import annotations

import os

from rollbook import config


def ready() -> None:
    """Configure Django and apply any outstanding migrations, so no separate init step is ever needed.

    A setting that cannot be used (production without its secret key, a malformed number) stops the
    command with its message on one line, which says what to set: a traceback would only bury it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rollbook.web.settings")
    config.lake_root().mkdir(parents=True, exist_ok=True)
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except (ImproperlyConfigured, config.ConfigurationError) as problem:
        raise SystemExit(f"rollbook: {problem}") from None
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
