"""Time each attendance report page for a 1,500-pupil school as Django serves it, beside the same report
computed by the report registry (`rollbook.analytics.reports`) directly, so the table
shows what the page adds: access checks, the form, templates, charts and the access log.

A page request goes through Django's whole handling of a GET, as the server does it (every middleware,
session, sign-in, content security policy, the view, templates and the audit record of a pupil-level read),
by Django's test client: no socket, so the figure is the server's time, not the network's.

The data is built once and cached under /work/bench-data/page-bench-...: six synthetic secondary schools
(`rollbook.synth.write_schools`, seed 2, the whole of 2024/25; the largest has about 1,500 pupils),
imported with `rollbook.ingest` as `rollbook import` does, and comparators published from them as
`rollbook publish` does. Each run then makes a temporary data folder that uses that lake and snapshot, with
a fresh database holding the schools and a user with pupil-level access to the big school (pupil-level,
so every report opens), and asks Django's test Client for each attendance report of the registry (the pupil
report for a real pupil): one warm-up request, then `--repeats` timed ones (default 50; with `--budget`,
fewer once that many seconds are spent, at least five; the table's n is pages/direct calls), reporting the
median and 95th percentile. The direct call is timed the same way, with the arguments the page passes.
Both go through the same per-process cache of query results, so the ratio compares like with like: what
a page costs once its queries have run, as for a school's staff opening pages through the day. The
machine's one-minute load average is noted as each report starts: on a shared machine it moves the figures.

"Cold" is the first request in a new process, after Django is set up but before any report has been
computed (so it includes registering the lake's files and running every query), one process per report;
`--no-cold` leaves it out. `--reports` times only the reports named; with PYTHONPATH set to another
checkout's `src`, the same table times that checkout's pages (say, before a change).

    uv run --frozen python bench/page_bench.py [--repeats 50] [--budget SECONDS] [--no-cold]
        [--reports absence-frequency,pupil-list]

A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq

CACHE = Path("/work/bench-data")
SCHOOLS, SEED, YEAR = 6, 2, 2024
BIG = 1_500  # pupils in the school whose pages are timed (the nearest there is)
USERNAME = "bench"
FEWEST = 5  # timed requests per report however slow it is


def folder() -> Path:
    return CACHE / f"page-bench-{SCHOOLS}-seed{SEED}-{YEAR}"


def cached() -> Path:
    """The built data (exported files, lake, snapshots), building it on first use."""
    where = folder()
    if not (where / "complete.json").exists():
        build(where)
    return where


def build(where: Path) -> None:
    from rollbook.analytics.comparators.publish import SchoolFacts, publish
    from rollbook.ingest import import_paths
    from rollbook.lake import Lake
    from rollbook.rules.calendar import england_default
    from rollbook.synth import write_schools

    started = time.perf_counter()
    print(f"building {SCHOOLS} schools for {YEAR}/{YEAR % 100 + 1} under {where} ...", flush=True)
    lake = Lake(where / "lake")
    infos = write_schools(where / "exported", SCHOOLS, SEED, YEAR)
    refused = [outcome for outcome in import_paths([where / "exported"], lake) if not outcome.landed]
    if refused:
        raise RuntimeError("the synthetic files were refused:\n" + refused[0].report.text())
    facts = [
        SchoolFacts(info.urn, info.la, info.la_name, info.region, england_default(YEAR)) for info in infos
    ]
    marks = lake.files("marks", [YEAR], [info.urn for info in infos])
    as_of = max(pc.max(pq.read_table(path, columns=["date"])["date"]).as_py() for path in marks)
    publish(lake, where / "snapshots", facts, YEAR, as_of)
    facts = {"pupils": {info.urn: info.pupils for info in infos}, "seconds": time.perf_counter() - started}
    (where / "complete.json").write_text(json.dumps(facts, indent=2))
    print(f"built in {facts['seconds']:.0f} s", flush=True)


def big_school(where: Path) -> int:
    with (where / "exported" / "schools.csv").open(newline="") as handle:
        schools = list(csv.DictReader(handle))
    return int(min(schools, key=lambda row: abs(int(row["pupils"]) - BIG))["urn"])


def a_pupil(where: Path, urn: int) -> str:
    from rollbook.lake import Lake

    (path,) = Lake(where / "lake").files("pupils", [YEAR], [urn])
    return pq.read_table(path, columns=["upn"])["upn"][0].as_py()


def start_django(where: Path, data_dir: Path) -> None:
    """Django on a fresh database in `data_dir`, which reads the built lake and snapshots."""
    for name in ("lake", "snapshots"):
        (data_dir / name).symlink_to(where / name)
    os.environ["ROLLBOOK_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "rollbook.web.settings"
    from rollbook.web.setup import ready

    ready()
    from django.contrib.auth.models import User

    from rollbook.web.accounts.models import Membership
    from rollbook.web.schools import registry
    from rollbook.web.schools.models import School

    with (where / "exported" / "schools.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            registry.register(int(row["urn"]), int(row["la"]), int(row["estab"]), row["name"])
    user, _ = User.objects.get_or_create(username=USERNAME)
    school = School.objects.get(urn=big_school(where))
    Membership.objects.get_or_create(user=user, school=school, defaults={"pupil_level": True})


def requests(where: Path) -> dict[str, tuple[Callable[[], None], Callable[[], None]]]:
    """Per report, a page request and the direct call it stands beside."""
    from django.contrib.auth.models import User
    from django.test import Client

    from rollbook.analytics import reports
    from rollbook.web.schools.models import School

    school = School.objects.get(urn=big_school(where))
    client = Client()
    client.force_login(User.objects.get(username=USERNAME))
    upn = a_pupil(where, school.urn)

    def page(name: str) -> Callable[[], None]:
        url = f"/schools/{school.urn}/attendance/{name}/" + (f"?upn={upn}" if name == "pupil" else "")

        def request() -> None:
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")

        return request

    def direct(name: str) -> Callable[[], None]:
        values = {"upn": upn} if name == "pupil" else {}
        if not hasattr(reports, "find"):  # a checkout from before the report registry
            return lambda: reports.attendance_report(
                name, school.urn, calendar=school.calendar,
                consecutive_days=school.consecutive_absence_days, upn=values.get("upn"),
            )  # fmt: skip
        report = reports.find("attendance", name)
        context = reports.ReportContext(school.urn, school.calendar, school.consecutive_absence_days)
        return lambda: report.run(report.ask(values, context))

    return {name: (page(name), direct(name)) for name in report_names()}


def report_names() -> list[str]:
    """Every attendance report, from the registry (or, in an older checkout, its list of names)."""
    from rollbook.analytics import reports

    if hasattr(reports, "of"):
        return [report.name for report in reports.of("attendance")]
    return list(reports.ATTENDANCE_REPORTS)


def timed(call: Callable[[], None]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def sample(call: Callable[[], None], repeats: int, budget: float | None) -> list[float]:
    """One warm-up, then `repeats` timings, or fewer (at least `FEWEST`) once `budget` seconds are spent."""
    call()
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < repeats and (
        budget is None or len(times) < FEWEST or time.perf_counter() - started < budget
    ):
        times.append(timed(call))
    return times


def warm(where: Path, names: list[str], repeats: int, budget: float | None) -> dict[str, dict[str, object]]:
    results = {}
    for name, (page, direct) in requests(where).items():
        if name not in names:
            continue
        results[name] = {"load": os.getloadavg()[0]}
        results[name] |= {
            label: sample(call, repeats, budget) for label, call in (("page", page), ("direct", direct))
        }
        print(f"  {name}: page {np.median(results[name]['page']):.0f} ms", flush=True)
    return results


def cold(name: str, which: str) -> float:
    """The first request for one report in a new process (Django already set up), in ms."""
    command = [sys.executable, __file__, "--cold-child", f"{name}:{which}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def cold_child(choice: str) -> None:
    name, which = choice.split(":")
    where = cached()
    with tempfile.TemporaryDirectory() as data_dir:
        start_django(where, Path(data_dir))
        page, direct = requests(where)[name]
        print(timed(page if which == "page" else direct))


def report(results: dict, colds: dict, repeats: int, urn: int, pupils: int) -> None:
    print()
    print(
        f"School {urn}, {pupils:,} pupils, {YEAR}/{YEAR % 100 + 1}; up to {repeats} warm requests each (n); "
        f"{os.cpu_count()} cores, load as each report started"
    )
    header = (
        f"{'report':<18}{'n':>7}{'page ms':>10}{'p95':>10}{'direct ms':>11}{'p95':>10}{'page/direct':>13}"
        f"{'load':>6}"
    )
    if colds:
        header += f"{'cold page':>11}{'cold direct':>13}"
    print(header)
    for name, times in results.items():
        page, direct = (np.array(times[label]) for label in ("page", "direct"))
        line = (
            f"{name:<18}{f'{len(page)}/{len(direct)}':>7}"
            f"{np.median(page):>10.1f}{np.percentile(page, 95):>10.1f}"
            f"{np.median(direct):>11.1f}{np.percentile(direct, 95):>10.1f}"
            f"{np.median(page) / np.median(direct):>12.1f}x{times['load']:>6.1f}"
        )
        if colds:
            line += f"{colds[name]['page']:>11.0f}{colds[name]['direct']:>13.0f}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--budget", type=float, help="stop a report's side after this many seconds, roughly")
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--reports", help="comma-separated report names (default: every one)")
    parser.add_argument("--cold-child", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.cold_child:
        return cold_child(arguments.cold_child)
    names = arguments.reports.split(",") if arguments.reports else report_names()
    if unknown := set(names) - set(report_names()):
        parser.error(f"no such report: {', '.join(sorted(unknown))}")
    where = cached()
    urn = big_school(where)
    pupils = json.loads((where / "complete.json").read_text())["pupils"][str(urn)]
    with tempfile.TemporaryDirectory() as data_dir:
        start_django(where, Path(data_dir))
        print(f"timing {urn} ({pupils:,} pupils), up to {arguments.repeats} requests a report:", flush=True)
        results = warm(where, names, arguments.repeats, arguments.budget)
    colds = {}
    if not arguments.no_cold:
        for name in names:
            colds[name] = {which: cold(name, which) for which in ("page", "direct")}
    report(results, colds, arguments.repeats, urn, pupils)


if __name__ == "__main__":
    main()
