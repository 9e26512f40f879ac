"""The `rollbook` command: the same analytics, imports and rules as the web pages, from a terminal."""

from __future__ import annotations

import datetime as dt
import getpass
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rollbook import output
from rollbook.rules.characteristics import SenProvision, Sex

app = typer.Typer(
    help="Rollbook: attendance for schools in England.", no_args_is_help=True, add_completion=False
)
report_app = typer.Typer(help="Reports, with the same figures as the web pages.", no_args_is_help=True)
app.add_typer(report_app, name="report")
err = Console(stderr=True)

#: Exit status of an import that was refused (nothing changed).
REFUSED = 1


class Format(StrEnum):
    json = "json"
    csv = "csv"
    table = "table"
    xlsx = "xlsx"


def _report_names(domain: str) -> type[StrEnum]:
    """The reports of a domain as the command's choices, from the report registry."""
    from rollbook.analytics import reports

    return StrEnum(
        f"{domain.capitalize()}Report", {report.name: report.name for report in reports.of(domain)}
    )


AttendanceReport = _report_names("attendance")
Ks4Report = _report_names("ks4")
SubjectsReport = _report_names("subjects")


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
    )


def parse_date(text: str) -> dt.date:
    """Dates as ISO (2024-09-04) or as English schools write them (04/09/2024), as imports read them."""
    from rollbook.rules.dates import parse_date as read_date

    try:
        return read_date(text)
    except ValueError as problem:
        raise typer.BadParameter(str(problem)) from None


DateOption = Annotated[dt.date | None, typer.Option(parser=parse_date, metavar="DATE")]


@app.command()
def codes(format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """The attendance code table: each code's meaning, category and whether it is a possible session."""
    from rollbook.rules.attendance.codes import code_table

    rows = code_table()
    if format is Format.json:
        output.write_json(rows)
    elif format is Format.csv:
        output.write_csv(rows)
    else:
        output.write_table(rows, title="Attendance codes")


@app.command()
def synth(
    out: Annotated[Path, typer.Option(help="Folder to write the schools' files into")],
    schools: Annotated[int, typer.Option(min=1)] = 10,
    seed: int = 1,
    academic_year: Annotated[
        int | None, typer.Option(help="e.g. 2024 for 2024/25; default: the current year")
    ] = None,
    as_of: DateOption = None,
    results: Annotated[
        bool,
        typer.Option("--results/--no-results", help="Write prior.csv (KS2) and results.csv (Year 11)"),
    ] = True,
) -> None:
    """Write realistic synthetic schools as the files a school's MIS exports (CTF XML and pupils.csv, with
    prior.csv and results.csv)."""
    from rollbook.rules.calendar import academic_year_bounds, academic_year_of
    from rollbook.synth import write_schools

    today = dt.date.today()
    year = academic_year if academic_year is not None else academic_year_of(today)
    if as_of is None and academic_year_bounds(year)[0] <= today <= academic_year_bounds(year)[1]:
        as_of = today - dt.timedelta(days=1)
    with progress_bar() as bar:
        task = bar.add_task("Generating schools", total=schools)
        write_schools(
            out,
            schools,
            seed,
            year,
            as_of=as_of,
            progress=lambda done: bar.update(task, completed=done),
            results=results,
        )
    err.print(f"Wrote {schools} schools to {out}")


@app.command()
def establishments(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A GIAS establishments CSV")],
) -> None:
    """Load schools, trusts and local authorities from a CSV of establishments (GIAS's columns)."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.web.schools.establishments import EstablishmentsError, load, read

    try:
        rows = read(path.read_text(encoding="utf-8-sig", errors="replace"), path.name)
    except EstablishmentsError as problem:
        err.print(f"[red]Nothing was loaded.[/red]\n{problem}", markup=True, highlight=False)
        raise typer.Exit(REFUSED) from problem
    loaded = load(rows)
    err.print(
        f"{loaded.schools_added} schools added and {loaded.schools_updated} updated; "
        f"{loaded.trusts} trusts, {loaded.local_authorities} local authorities"
    )


@app.command("import")
def import_files(
    paths: Annotated[
        list[Path], typer.Argument(exists=True, help="CTF XML, pupils.csv, marks.csv, or folders")
    ],
    school: Annotated[int | None, typer.Option(help="URN of the school a CSV belongs to")] = None,
    academic_year: Annotated[
        int | None,
        typer.Option(help="For files that name no year, e.g. 2024 for 2024/25; default: the school's latest"),
    ] = None,
) -> None:
    """Import a school's MIS exports. Exit status 0 when every import landed, 1 when any was refused."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.web.imports.service import UnknownSchool, run_import

    with progress_bar() as bar:
        task = bar.add_task("Importing", total=None)
        try:
            outcomes = run_import(
                paths,
                school=school,
                academic_year=academic_year,
                actor=f"cli:{getpass.getuser()}",
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
        except UnknownSchool as problem:
            err.print(f"[red]{problem}[/red]")
            raise typer.Exit(REFUSED) from problem
    for outcome in outcomes:
        err.print(outcome.summary())
        if outcome.report.refused or outcome.report.warnings or outcome.report.notes:
            err.print(outcome.report.text(), markup=False, highlight=False, soft_wrap=True)
    if any(not outcome.landed for outcome in outcomes):
        raise typer.Exit(REFUSED)


@app.command()
def publish(
    as_of: DateOption = None,
    full: Annotated[
        bool, typer.Option(help="Measure every school again, not only those changed since the last publish")
    ] = False,
) -> None:
    """Publish national, regional, local-authority and similar-school comparators from the lake.

    Each publish writes a new dated snapshot; reports read the latest. Without --as-of, the snapshot runs
    to the latest date held. A school whose data and term dates are unchanged since the year's latest
    snapshot (and whose marks end by both dates) has its counts copied from it, not measured again; the
    snapshot is the same row for row. --full measures every school."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.analytics.comparators.snapshot import Snapshot
    from rollbook.web.publishing.service import publish_results, publish_snapshot

    with progress_bar() as bar:
        task = bar.add_task("Publishing comparators", total=None)
        try:
            folder = publish_snapshot(
                as_of, progress=lambda done, total: bar.update(task, completed=done, total=total), full=full
            )
        except LookupError as problem:
            err.print(f"[red]{problem}[/red]")
            raise typer.Exit(2) from problem
    err.print(f"Published {folder.name} to {folder} ({Snapshot.read(folder).manifest.how_measured()})")
    for written in publish_results():
        err.print(f"Published national KS4 figures for {written.parent.name} to {written}")


class BaselineChoice(StrEnum):
    fine_levels = "fine-levels"
    scaled_scores = "scaled-scores"


@app.command()
def estimates(
    file: Annotated[Path, typer.Argument(help="The DfE's Attainment 8 estimates table, as CSV", exists=True)],
    academic_year: Annotated[str, typer.Option(help="The cohort it is for, e.g. 2018/19")],
    baseline: Annotated[BaselineChoice, typer.Option(help="KS2 fine levels or scaled scores")],
) -> None:
    """Load the DfE's KS4 estimates for a year: the next publish measures that year's Progress 8 against
    them instead of against estimates built from the schools Rollbook holds."""
    import csv

    from rollbook import config
    from rollbook.analytics.reports.ks4.request import Ks4Query
    from rollbook.analytics.results import national
    from rollbook.rules.results.prior_attainment import Baseline
    from rollbook.rules.results.progress8 import estimates_from_rows

    try:
        year = Ks4Query(academic_year=academic_year).academic_year
        with file.open(newline="", encoding="utf-8-sig") as stream:
            table = estimates_from_rows(
                csv.DictReader(stream),
                year,
                Baseline.FINE_LEVELS if baseline is BaselineChoice.fine_levels else Baseline.SCALED_SCORES,
                source=f"DfE, {file.name}",
            )
    except ValueError as problem:
        err.print(f"[red]{file}: {problem}[/red]")
        raise typer.Exit(2) from problem
    path = national.load_estimates(config.ks4_national_root(), table)
    err.print(f"Loaded {len(table.rows)} prior-attainment groups for {academic_year} to {path}; run publish")


@report_app.command()
def attendance(
    name: Annotated[AttendanceReport, typer.Argument(help="Which report")],
    school: Annotated[int, typer.Option(help="URN")],
    from_: Annotated[dt.date | None, typer.Option("--from", parser=parse_date, metavar="DATE")] = None,
    to: DateOption = None,
    term: Annotated[str | None, typer.Option(help='A term or half-term so far: "Autumn", "Spring 1"')] = None,
    academic_year: Annotated[
        str | None, typer.Option(help="A year held, e.g. 2023/24; an earlier one is measured whole")
    ] = None,
    year_group: Annotated[list[int] | None, typer.Option(help="NC year, e.g. 7; repeat for more")] = None,
    sex: Annotated[Sex | None, typer.Option(help="Girls (F) or boys (M)")] = None,
    fsm6: Annotated[bool | None, typer.Option("--fsm6/--not-fsm6", help="FSM6 pupils, or the others")] = None,
    sen: Annotated[
        list[SenProvision] | None, typer.Option(help="N no SEN, K SEN support, E EHC plan; repeat for more")
    ] = None,
    eal: Annotated[bool | None, typer.Option("--eal/--not-eal", help="EAL pupils, or the others")] = None,
    reg_group: Annotated[
        list[str] | None, typer.Option(help="Registration group, 7A; repeat for more")
    ] = None,
    ethnicity: Annotated[list[str] | None, typer.Option(help="Ethnicity code, WBRI; repeat for more")] = None,
    latest_week: Annotated[bool, typer.Option(help="Only the latest week held (or of --from/--to)")] = False,
    family: Annotated[
        bool, typer.Option(help="Summary: beside the school's Schools Like Yours family too (public data)")
    ] = False,
    band: Annotated[
        list[str] | None, typer.Option(help='Pupil list: a year-to-date band, "95–96.9%"; repeat for more')
    ] = None,
    sort: Annotated[
        str | None, typer.Option(help="Pupil list: a column to sort by, - before it descending")
    ] = None,
    upn: Annotated[str | None, typer.Option(help="The pupil, for the pupil report")] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file (needed for xlsx)")] = None,
) -> None:
    """Attendance reports. Without --from/--to or --term the period is the academic year to date; a termly
    360 is the 360 report with --term, an end-of-year one with --academic-year."""
    values = {
        "from_date": from_, "to_date": to, "term": term, "academic_year": academic_year,
        "year_group": year_group, "sex": sex,
        "fsm6": fsm6, "sen": sen, "eal": eal, "reg_group": reg_group, "ethnicity": ethnicity,
        "latest_week": latest_week, "family": family, "band": band, "sort": sort, "upn": upn,
    }  # fmt: skip
    _report("attendance", name.value, school, values, format, out)


@report_app.command()
def ks4(
    name: Annotated[Ks4Report, typer.Argument(help="Which report")],
    school: Annotated[int, typer.Option(help="URN")],
    academic_year: Annotated[
        str | None, typer.Option(help="The year of the exams, e.g. 2024/25 (default: the latest held)")
    ] = None,
    years: Annotated[int, typer.Option(help="1 for the year alone, 3 for three years together")] = 1,
    sort: Annotated[
        str | None, typer.Option(help="Pupils: a column to sort by, - before it descending")
    ] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file (needed for xlsx)")] = None,
) -> None:
    """KS4 results reports: headline measures, pupil groups, and each pupil (pupil-level, audited)."""
    values = {"academic_year": academic_year, "years": years, "sort": sort}
    _report("ks4", name.value, school, values, format, out)


@report_app.command()
def subjects(
    name: Annotated[SubjectsReport, typer.Argument(help="Which report")],
    school: Annotated[int, typer.Option(help="URN")],
    academic_year: Annotated[
        str | None, typer.Option(help="The year of the exams, e.g. 2024/25 (default: the latest held)")
    ] = None,
    years: Annotated[int, typer.Option(help="Entries: 1 for the year alone, 3 for three years together")] = 1,
    subject: Annotated[
        str | None,
        typer.Option(help="The subject dashboard's subject, e.g. maths (default: the most entered)"),
    ] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file (needed for xlsx)")] = None,
) -> None:
    """Curriculum reports: subject entries, subject attainment and value added, relative difficulty, and one
    subject's dashboard (pupil-level, audited)."""
    values = {"academic_year": academic_year, "years": years, "subject": subject}
    _report("subjects", name.value, school, values, format, out)


@report_app.command()
def insight(
    school: Annotated[int, typer.Option(help="URN")],
    academic_year: Annotated[
        str | None, typer.Option(help="The year of the exams, e.g. 2024/25 (default: the latest held)")
    ] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file (needed for xlsx)")] = None,
) -> None:
    """Areas of interest: sentences about the school's figures that say what is worth noting, and why."""
    _report("insight", "areas-of-interest", school, {"academic_year": academic_year}, format, out)


def _report(domain: str, name: str, school: int, values: dict, format: Format, out: Path | None) -> None:
    """Any report of the registry, asked as the page and the API ask it, written as `format` asks."""
    if format is Format.xlsx and out is None:
        raise typer.BadParameter("an Excel workbook needs --out FILE.xlsx")
    from rollbook.web.setup import ready

    ready()
    from rollbook.analytics import reports
    from rollbook.web.audit.models import record_operator_access
    from rollbook.web.front.reporting import access_label
    from rollbook.web.schools.registry import calendar_of, consecutive_days_of

    found = reports.find(domain, name)
    context = reports.ReportContext(
        school=school, calendar=calendar_of(school), consecutive_days=consecutive_days_of(school)
    )
    try:
        asked = found.ask({key: _plain(value) for key, value in values.items()}, context)
        report = found.run(asked)
    except (LookupError, ValueError) as problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2) from problem
    if found.pupil_level:
        upn = getattr(asked, "upn", None)
        record_operator_access(f"cli:{getpass.getuser()}", school, access_label(found, upn, format.value))
    if format is Format.xlsx:
        with open(out, "wb") as workbook:  # type: ignore[arg-type]
            output.write_xlsx(report.rows, workbook, title=report.title)
    elif out:
        with open(out, "w", encoding="utf-8", newline="") as stream:
            _write(report, format, stream)
    else:
        _write(report, format, None)
    if out:
        err.print(f"Wrote {out}")


def _plain(value: object) -> object:
    """A choice as the report's question takes it: the text of an option's choice, lists item by item."""
    if isinstance(value, list):
        return [_plain(each) for each in value]
    return str(value) if isinstance(value, StrEnum) else value


def _write(report, format: Format, stream) -> None:
    """A report as JSON, CSV or tables, to `stream` or, when None, to standard output."""
    if format is Format.json:
        output.write_json(report.data, stream)
    elif format is Format.csv:
        output.write_csv(report.rows, stream)
    else:
        console = Console(file=stream) if stream else Console()
        console.print(f"[bold]{report.title}[/bold]")
        for title, rows in report.tables:
            output.write_table(rows, title=title, console=console)


@app.command()
def worker(
    once: Annotated[bool, typer.Option(help="Run what is queued (and publishing if due), then stop")] = False,
) -> None:
    """Run background work: large imports, and publishing comparators on the operator's schedule.

    Run one or more alongside the web server; each task goes to one worker."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.web.jobs import worker as jobs
    from rollbook.web.publishing.service import queue_due_publishing

    if once:
        queue_due_publishing()
        jobs.run_pending()
        return
    err.print("Rollbook worker: running background work; Ctrl+C stops it after the current task.")
    jobs.serve(check=queue_due_publishing)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: int = 8000,
    processes: Annotated[int | None, typer.Option(min=1, help="Default: one per core")] = None,
    threads: Annotated[int | None, typer.Option(min=1, help="Threads in each process (default 4)")] = None,
) -> None:
    """Serve the site in production: gunicorn, a process per core with threads in each (run
    `rollbook worker` beside it for background work). Put HTTPS in front; see the README's settings."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.web import server

    err.print(f"Rollbook on http://{host}:{port}/ ({processes or server.processes()} processes)")
    server.serve(host, port, processes, threads)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(context: typer.Context) -> None:
    """Run a Django management command with Rollbook's settings (e.g. `rollbook manage createsuperuser`)."""
    from rollbook.web.setup import ready

    ready()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["rollbook manage", *context.args])


@app.command()
def demo(
    schools: Annotated[int, typer.Option(min=1, help="How many synthetic schools to build")] = 100,
    seed: int = 2026,
    host: str = "127.0.0.1",
    port: int = 8000,
    serve: Annotated[
        bool, typer.Option(help="Serve the site after building (--no-serve to only build)")
    ] = True,
) -> None:
    """Build a synthetic set of schools, import it, create a demo login and serve the site."""
    from rollbook.web.demo import build_demo

    login = build_demo(schools=schools, seed=seed, progress=progress_bar())
    address = f"http://{host}:{port}/"
    err.print(
        f"\n[bold]Rollbook demo[/bold] at {address}\nLog in as [bold]{login.username}[/bold] "
        f"with password [bold]{login.password}[/bold]\n"
    )
    if serve:
        from waitress import serve as waitress_serve

        from rollbook.web.jobs.worker import serve_in_background
        from rollbook.web.wsgi import application

        serve_in_background()  # so the demo's uploads and publishing run without a separate worker
        waitress_serve(application, host=host, port=port, threads=4)


gdpr_app = typer.Typer(
    help="Subject access and erasure of pupils' data (UK GDPR), each one recorded.", no_args_is_help=True
)
app.add_typer(gdpr_app, name="gdpr")


def parse_upn(text: str) -> str:
    """A UPN as the lake holds it (capitals), or the reason it is not one."""
    from rollbook.analytics.subject_access import check_upn

    try:
        return check_upn(text)
    except ValueError as problem:
        raise typer.BadParameter(str(problem)) from None


UpnOption = Annotated[str, typer.Option(parser=parse_upn, metavar="UPN", help="The pupil's UPN")]
ReasonOption = Annotated[str, typer.Option(help="Why, e.g. the request's reference; kept in the record")]
YesOption = Annotated[bool, typer.Option("--yes", help="Erase without asking to confirm")]


@gdpr_app.command("export")
def gdpr_export(upn: UpnOption, out: Annotated[Path, typer.Option(help="The ZIP file to write")]) -> None:
    """Every row held about one pupil, from every school and year, as a ZIP (subject access)."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.web.privacy.service import Operator, export_pupil

    archive, record = export_pupil(upn, Operator.cli())
    out.write_bytes(archive)
    err.print(f"Wrote {out}: {_rows(record.counts)}", soft_wrap=True)


@gdpr_app.command("erase-pupil")
def gdpr_erase_pupil(upn: UpnOption, reason: ReasonOption, yes: YesOption = False) -> None:
    """Erase a pupil's rows from every school and year, and their UPN from import reports and the access
    log."""
    _erase("pupil", upn, reason, yes)


@gdpr_app.command("erase-school")
def gdpr_erase_school(
    urn: Annotated[int, typer.Option(help="The school's URN")], reason: ReasonOption, yes: YesOption = False
) -> None:
    """Erase every year of a school's pupils and marks, blank its import reports and clear UPNs from its
    access log. The school, its staff accounts and term dates stay."""
    _erase("school", urn, reason, yes)


def _erase(kind: str, subject: str | int, reason: str, yes: bool) -> None:
    """Show what would go, ask unless --yes, erase, and say what went."""
    from rollbook.web.setup import ready

    ready()
    from rollbook.web.privacy.service import ERASURES, Operator

    plan, erase = ERASURES[kind]
    will_go = plan(subject)
    output.write_table(will_go["partitions"], title=f"Held for {kind} {subject}", console=err)
    err.print(_rows(will_go), soft_wrap=True)
    if not yes:
        typer.confirm(f"Erase {kind} {subject}? This cannot be undone", abort=True)
    record = erase(subject, reason, Operator.cli())
    err.print(
        f"Erased {record.subject} (erasure record {record.pk}): {_rows(record.removed)}", soft_wrap=True
    )


#: The other records an erasure clears, as its record counts them.
_OTHER_RECORDS = {"import_reports": "import reports", "access_records": "access-log entries"}


def _rows(counts: dict) -> str:
    """Counts as a record keeps them, in a line: rows per table, then other records that named pupils."""
    tables = ", ".join(f"{rows:,} {table} rows" for table, rows in counts["tables"].items() if rows)
    others = [f"{counts[key]:,} {label}" for key, label in _OTHER_RECORDS.items() if key in counts]
    return f"{tables}; {', '.join(others)}" if others else tables


# -- public school data: import, and exploring it ------------------------------------------------------

public_app = typer.Typer(
    help="Public school data: DfE performance tables, Ofsted ratings, Schools Like Yours.",
    no_args_is_help=True,
)
app.add_typer(public_app, name="public-data")
explore_app = typer.Typer(
    help="Public school data: an area's schools, outcomes by Ofsted rating, trends, similar schools.",
    no_args_is_help=True,
)
app.add_typer(explore_app, name="explore")


class ExploreFormat(StrEnum):
    json = "json"
    csv = "csv"
    table = "table"


YearOption = Annotated[
    int | None, typer.Option(help="Results year, e.g. 2019 for 2018/19; default: the latest")
]
RegionOption = Annotated[str | None, typer.Option(help='A region, e.g. "North West"')]
LaOption = Annotated[int | None, typer.Option("--la", help="A local authority's DfE code, e.g. 352")]
TrustOption = Annotated[
    int | None, typer.Option(help="A trust's GIAS group UID (from `rollbook establishments`)")
]
ExploreFormatOption = Annotated[ExploreFormat, typer.Option("--format")]


@public_app.command("import")
def public_data_import(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="The files, or folders of them")],
    year: Annotated[
        int | None, typer.Option(help="Results year of files that do not say (2019 for 2018/19)")
    ] = None,
) -> None:
    """Import performance-tables CSVs and Schools Like Yours JSON for a year: all land, or nothing changes.

    Exit status 0 when the import landed, 1 when it was refused. Either way it is in the import history."""
    from rollbook.web.setup import ready

    ready()
    from django.utils import timezone

    from rollbook import config
    from rollbook.ingest.public import import_public
    from rollbook.lake.public import PublicStore
    from rollbook.web.explore.operator import record_import

    started = timezone.now()
    outcome = import_public(paths, PublicStore(config.public_root()), year)
    record_import(outcome, [str(path) for path in paths], started, f"cli:{getpass.getuser()}")
    err.print(outcome.summary(), highlight=False, soft_wrap=True)
    if outcome.report.refused or outcome.report.warnings:
        err.print(outcome.report.text(), markup=False, highlight=False, soft_wrap=True)
    if not outcome.landed:
        raise typer.Exit(REFUSED)


@public_app.command("list")
def public_data_list(format: ExploreFormatOption = ExploreFormat.table) -> None:
    """What public data is held: each year's data sets, their rows and the files they came from."""
    from rollbook import config
    from rollbook.lake.public import PublicStore

    store = PublicStore(config.public_root())
    rows = [
        {"year": str(year), "data set": held.dataset, "rows": held.rows, "files": ", ".join(held.files),
         "imported": held.imported}
        for year in store.years()
        for held in store.held(year).values()
    ]  # fmt: skip
    _write_rows(rows, format, "Public data held")


def _area(region: str | None, la: int | None, trust: int | None):
    """The area chosen by at most one of --region, --la and --trust; England without any."""
    from rollbook.analytics.public.areas import Area

    if sum(choice is not None for choice in (region, la, trust)) > 1:
        raise typer.BadParameter("choose one of --region, --la and --trust")
    if region is not None:
        try:
            return Area.region(region)
        except ValueError as problem:
            raise typer.BadParameter(str(problem)) from None
    if la is not None:
        from rollbook.rules import local_authorities

        try:
            return Area.local_authority(la, local_authorities.by_code(la).name)
        except KeyError:
            return Area.local_authority(la)
    if trust is not None:
        from rollbook.web.setup import ready

        ready()
        from rollbook.web.schools.models import School, Trust

        found = Trust.objects.filter(uid=trust).first()
        if found is None:
            raise typer.BadParameter(f"no trust has UID {trust}; load establishments first")
        return Area.trust(trust, found.name, School.objects.filter(trust=found).values_list("urn", flat=True))
    return Area.england()


def _explore_year(year: int | None, dataset) -> int:
    from rollbook.analytics.public.sources import latest_year, public_store

    if year is not None:
        return year
    try:
        return latest_year(public_store(), dataset)
    except LookupError as problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2) from problem


def _write_rows(rows: list[dict], format: ExploreFormat, title: str, data=None) -> None:
    if format is ExploreFormat.json:
        output.write_json(rows if data is None else data)
    elif format is ExploreFormat.csv:
        output.write_csv(rows)
    else:
        output.write_table(rows, title=title)


def _shown(value: float | None, places: int, suffix: str = "", sign: bool = False) -> str:
    """A figure for a terminal table, rounded as a person would, with thousands separators."""
    from rollbook.rules.comparison import display

    if value is None:
        return "–"
    text = display(value, places)
    whole, _, fraction = text.lstrip("-").partition(".")
    text = ("-" if text.startswith("-") else "+" if sign and value > 0 else "") + f"{int(whole):,}"
    return text + (f".{fraction}" if fraction else "") + suffix


@explore_app.command("ofsted")
def explore_ofsted(
    year: YearOption = None,
    region: RegionOption = None,
    la: LaOption = None,
    trust: TrustOption = None,
    format: ExploreFormatOption = ExploreFormat.table,
) -> None:
    """Outcomes by latest Ofsted rating: schools, % grade 4+ in English and maths, % entered for the EBacc,
    % achieving it at 4+, Attainment 8 and Progress 8, each the mean of the schools' own figures over the
    state-funded mainstream schools with a published Progress 8."""
    from dataclasses import asdict

    from rollbook.analytics.public.ofsted import ofsted_table
    from rollbook.rules.public.fields import DataSet

    area = _area(region, la, trust)
    year = _explore_year(year, DataSet.KS4)
    try:
        rows = [asdict(row) for row in ofsted_table(year, area)]
    except LookupError as problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2) from problem
    if format is ExploreFormat.table:
        rows = [
            {"rating": row["rating"], "schools": f"{row['schools']:,}",
             "% grade 4+ En/Ma": _shown(row["basics_4_rate"], 0, "%"),
             "% entered EBacc": _shown(row["ebacc_entry_rate"], 0, "%"),
             "% EBacc grade 4+": _shown(row["ebacc_4_rate"], 0, "%"),
             "Attainment 8": _shown(row["attainment8"], 1),
             "Progress 8": _shown(row["progress8"], 2, sign=True)}
            for row in rows
        ]  # fmt: skip
    _write_rows(
        rows,
        format,
        f"Outcomes by Ofsted rating, {year}: {area.name}",
        {"year": year, "area": area.name, "rows": rows},
    )


@explore_app.command("schools")
def explore_schools(
    year: YearOption = None,
    region: RegionOption = None,
    la: LaOption = None,
    trust: TrustOption = None,
    format: ExploreFormatOption = ExploreFormat.csv,
) -> None:
    """Every state-funded mainstream school of an area with every figure held (the explore table)."""
    from rollbook.analytics.public.explore import schools_in_area
    from rollbook.rules.public.fields import DataSet

    area = _area(region, la, trust)
    found = schools_in_area(_explore_year(year, DataSet.KS4), area)
    rows = [school.as_dict() for school in found.schools]
    data = {
        "year": found.year,
        "area": area.name,
        "measures": [each.key for each in found.measures],
        "schools": rows,
    }
    _write_rows(rows, format, f"Schools, {found.year}: {area.name}", data)


@explore_app.command("trends")
def explore_trends(format: ExploreFormatOption = ExploreFormat.table) -> None:
    """England's and each region's KS4 figures for every year loaded, with the disadvantaged and sex gaps."""
    from dataclasses import asdict

    from rollbook.analytics.public.trends import trends

    rows = [asdict(row) for row in trends()]
    _write_rows(rows, format, "KS4 figures by year and region", {"rows": rows})


@explore_app.command("similar")
def explore_similar(
    school: Annotated[int, typer.Option(help="The school's URN")],
    criteria: Annotated[
        list[str] | None, typer.Option("--criteria", help='A similarity criterion, e.g. "FSM6, %"; repeat')
    ] = None,
    filter: Annotated[
        list[str] | None,
        typer.Option("--filter", help='FIELD=VALUE: "Region=London", "Distance=10" (km); repeat'),
    ] = None,
    show: Annotated[list[str] | None, typer.Option("--show", help="A field to display; repeat")] = None,
    top: Annotated[int, typer.Option(help="How many similar schools, besides the chosen one")] = 20,
    year: YearOption = None,
    format: ExploreFormatOption = ExploreFormat.table,
) -> None:
    """Schools Like Yours: the schools most like one, nearest first, by the criteria chosen (default: the
    tool's own), with fields named as the tool names them. Difference is a standardised distance
    (docs/public-data.md), not FFT's own formula."""
    from rollbook.analytics.public.similar import family
    from rollbook.rules.public.family import FamilySettings
    from rollbook.rules.public.fields import DataSet

    year = _explore_year(year, DataSet.SCHOOLS_LIKE_YOURS)
    try:
        settings = FamilySettings.choose(school, year, criteria or (), filter or (), show or (), top)
        found = family(settings)
    except ValueError as problem:
        raise typer.BadParameter(str(problem)) from None
    except LookupError as problem:
        err.print(f"[red]{problem}[/red]")
        raise typer.Exit(2) from problem
    rows = [member.as_dict() for member in found.members]
    data = {
        "year": year,
        "school": school,
        "criteria": list(settings.criteria),
        "filters": [str(each) for each in settings.filters],
        "address": settings.query(),
        "eligible": found.eligible,
        "lacking": found.lacking,
        "schools": rows,
    }
    if format is ExploreFormat.table:
        rows = [_family_row(row, year) for row in rows]
    _write_rows(rows, format, f"Schools like URN {school}, {year}", data)


def _family_row(row: dict, year: int) -> dict:
    """A family member for a terminal table: each figure to the places its kind needs."""
    from rollbook.rules.public.fields import Kind
    from rollbook.rules.public.schools_like_yours import DISTANCE, sly_field

    shown = {"URN": str(row["urn"]), "School": row["name"], "Difference": _shown(row["difference"], 2)}
    for name, value in list(row.items())[3:]:
        kind = None if name == DISTANCE else sly_field(year, name).kind
        if name == DISTANCE:
            shown[name] = _shown(value, 1, " km")
        elif kind is Kind.RATE:
            shown[name] = _shown(value, 1, "%")
        elif kind is Kind.SCORE:
            shown[name] = _shown(value, 2)
        elif kind in (Kind.COUNT, Kind.IDENTIFIER) and value is not None:
            shown[name] = f"{value:,}" if kind is Kind.COUNT else str(value)
        else:
            shown[name] = value
    return shown


def main() -> None:
    from rollbook.config import ConfigurationError

    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except ConfigurationError as problem:
        sys.exit(f"rollbook: {problem}")
