"""The operator's page for public data: upload the DfE performance-tables files and the Schools Like Yours
JSON for a year, see the refusal report or what landed, and what each year holds. Like `rollbook public-data
import`, every attempt, landed or refused, is recorded in the import history with no school."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import get_valid_filename

from rollbook import config
from rollbook.analytics.public.sources import public_store
from rollbook.ingest.problems import sections
from rollbook.ingest.public import import_public
from rollbook.web.accounts.access import operator_only
from rollbook.web.imports.forms import MultipleFileField
from rollbook.web.imports.models import ImportRecord

RECENT = 10


class PublicDataForm(forms.Form):
    files = MultipleFileField(
        label="Files to import",
        help_text="The performance tables' CSV files and Schools Like Yours' ks4_sly.json for one year: "
        "choose several at once. They land together or not at all.",
    )
    year = forms.IntegerField(
        label="Results year",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="Only for files that do not say: 2019 for 2018/19.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].widget.attrs["accept"] = ".csv,.json"


@operator_only
def public_data(request):
    form = PublicDataForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        record = _import(request, form.cleaned_data["files"], form.cleaned_data["year"])
        if record.outcome == ImportRecord.LANDED:
            messages.success(request, record.summary)
        else:
            messages.error(request, "Nothing was imported: the files have the problems listed below.")
        return redirect(f"{request.path}?import={record.pk}")
    store = public_store()
    shown = ImportRecord.objects.filter(
        source=ImportRecord.Source.PUBLIC_DATA, pk=request.GET.get("import") or None
    ).first()
    context = {
        "form": form,
        "shown": shown,
        "shown_report": sections(shown.problems) if shown else [],
        "held": [(year, list(store.held(year).values())) for year in reversed(store.years())],
        "history": ImportRecord.objects.filter(source=ImportRecord.Source.PUBLIC_DATA).select_related("user")[
            :RECENT
        ],
    }
    return render(request, "explore/public_data.html", context, status=400 if form.errors else 200)


def _import(request, files, year: int | None) -> ImportRecord:
    """Keep the uploaded files just long enough to read them, import them, and record the attempt."""
    folder = config.data_dir() / "uploads" / f"public-{uuid.uuid4().hex}"
    started = timezone.now()
    try:
        paths = [_saved(folder / str(number), upload) for number, upload in enumerate(files)]
        outcome = import_public(paths, public_store(), year)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return record_import(
        outcome, [path.name for path in paths], started, request.user.get_username(), request.user
    )


def record_import(outcome, files: list[str], started, actor: str, user=None) -> ImportRecord:
    """A public-data import in the import history, landed or refused, with what it brought or why not."""
    return ImportRecord.objects.create(
        user=user,
        actor=actor,
        source=ImportRecord.Source.PUBLIC_DATA,
        files=files,
        outcome=ImportRecord.LANDED if outcome.landed else ImportRecord.REFUSED,
        changes=outcome.as_dict(),
        summary=outcome.summary(),
        problems=outcome.report.as_dict(),
        started=started,
    )


def _saved(folder: Path, upload) -> Path:
    folder.mkdir(parents=True)
    path = folder / get_valid_filename(Path(upload.name).name)
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path
