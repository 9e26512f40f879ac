"""Publishing a test world's comparators with the smallest comparator a test needs shown."""

from __future__ import annotations


def publish_with_minimums(monkeypatch, schools: int = 1, pupils: int = 1):
    """Comparators published from the world's schools, suppressing those from fewer schools or pupils."""
    from rollbook.web.publishing.service import publish_snapshot

    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", str(schools))
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_PUPILS", str(pupils))
    return publish_snapshot()
