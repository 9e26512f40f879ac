"""The import history: every import attempt, landed or refused, with who made it and what it said; and
the files uploaded on the import page, kept from their preview until they are confirmed or cancelled."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import models
from django.utils.text import get_valid_filename

from rollbook import config
from rollbook.web.schools.models import School


class ImportRecord(models.Model):
    LANDED, REFUSED, UNDONE = "landed", "refused", "undone"

    class Source(models.TextChoices):
        """Where an import came from, labelled as the import history says it."""

        WEB = "web", "Uploaded on this page"
        API = "api", "Sent by the sync API"
        CLI = "cli", "Imported from the command line by the operator"
        DEMO = "demo", "Built for the demo"
        UNDO = "undo", "Undone on this page"  # an undo's own record
        PUBLIC_DATA = "public-data", "Public data"

    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="Who ran it: a user, or the operator's CLI account")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.CLI)
    files = models.JSONField(default=list)
    outcome = models.CharField(
        max_length=10, choices=[(LANDED, "Landed"), (REFUSED, "Refused"), (UNDONE, "Undone")]
    )
    changes = models.JSONField(default=dict)
    summary = models.TextField(blank=True, help_text="What became of the import, in a sentence")
    problems = models.JSONField(
        default=dict, blank=True, help_text="The report's refusals, warnings and notes, each with its fields"
    )
    version = models.CharField(
        max_length=32, blank=True, help_text="The lake version keeping what the import replaced, for undo"
    )
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by",
        help_text="For an undo: the import it undid",
    )  # fmt: skip
    started = models.DateTimeField()
    finished = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-finished"]

    def __str__(self) -> str:
        return (
            f"{self.outcome} import for {self.school or 'unknown school'} at {self.finished:%d/%m/%Y %H:%M}"
        )

    @property
    def file_names(self) -> list[str]:
        """The files as a school knows them, without the operator's folders; a sync's description as it is."""
        return self.files if self.source == self.Source.API else [Path(path).name for path in self.files]


#: The longest file name an upload may have, in bytes as a file system counts them (most allow 255).
MAX_NAME_BYTES = 200


def kept_name(name: str) -> str:
    """The name an uploaded file is kept under: its own, made safe for the file system; ValueError, saying
    why, for a name that cannot be kept (".", "..", or longer than MAX_NAME_BYTES)."""
    shown = name if len(name) <= 40 else name[:40] + "…"
    try:
        kept = get_valid_filename(Path(name).name)
    except SuspiciousFileOperation:
        raise ValueError(f"“{shown}” is not a file's name: choose the file itself") from None
    if len(kept.encode()) > MAX_NAME_BYTES:
        raise ValueError(
            f"“{shown}” has a name of {len(kept.encode()):,} bytes, longer than the {MAX_NAME_BYTES} a file "
            "may have here: rename it, shorter"
        )
    return kept


class Upload(models.Model):
    """Files uploaded on a school's import page. They are kept under the data folder, in a folder named by
    the upload's random id, from their preview until they land or are cancelled; the record of what became
    of them stays in the history."""

    CHECKING, READY, LANDING, DONE = "checking", "ready", "landing", "done"
    STATUSES = [
        (CHECKING, "Being checked"),
        (READY, "Ready to confirm"),
        (LANDING, "Being imported"),
        (DONE, "Finished"),
    ]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="uploads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    files = models.JSONField(default=list, help_text="The files' names, as uploaded")
    size = models.PositiveBigIntegerField(help_text="In bytes, all files together")
    academic_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For files that name no year (2024 is 2024/25)"
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=CHECKING)
    lake_state = models.CharField(max_length=64, blank=True, help_text="What the preview was made from")
    preview = models.JSONField(default=dict, help_text="What importing the files would change")
    problems = models.JSONField(default=dict, blank=True, help_text="The checks' warnings and notes")
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL)
    record = models.ForeignKey(ImportRecord, null=True, blank=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Upload of {', '.join(self.files)} for {self.school}"

    @property
    def may_cancel(self) -> bool:
        """Waiting to be confirmed, or left so by background work that failed; not while it runs."""
        if self.status in (self.CHECKING, self.LANDING):
            return self.job is not None and self.job.status == self.job.FAILED
        return self.status == self.READY

    @property
    def folder(self) -> Path:
        return config.data_dir() / "uploads" / self.id.hex

    @property
    def lock_path(self) -> Path:
        """The lock held while the upload is claimed and lands (beside its folder, which landing removes)."""
        path = config.data_dir() / "uploads" / f"{self.id.hex}.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def paths(self) -> list[Path]:
        """Where the files are kept: each in a folder of its own, under its own name, so that two files of
        one name can be uploaded together and every report names them as the school does."""
        return [self.folder / str(number) / name for number, name in enumerate(self.files)]
