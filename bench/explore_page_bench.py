"""Time each public-data page for England (3,355 state-funded mainstream schools, 2019) as Django serves it,
beside the analytics call it makes, so the table shows what the page adds: the sign-in, the form, charts,
templates and the content security policy.

The shared 2019 performance tables and Schools Like Yours (`shared/data`, or the folder named by
`ROLLBOOK_SHARED_DATA`) are imported into a fresh data folder with a fresh database and a user of no
school. Each page is asked of Django's test Client (its whole handling of a GET, every middleware, no
socket: the server's time, not the network's): one warm-up request, then `--repeats` timed ones (default
50), the median and 95th percentile reported; the analytics call alone is timed the same way. Both read
the same per-process query results, as a server does once the day's first visitor has opened the page.

    uv run --frozen python bench/explore_page_bench.py [--repeats 50]

A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

YEAR = 2019
MICHAELA = 140862
USERNAME = "bench"


def shared_data() -> Path:
    if named := os.environ.get("ROLLBOOK_SHARED_DATA"):
        return Path(named)
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    raise SystemExit("no shared/data folder found: set ROLLBOOK_SHARED_DATA")


def start(data_dir: Path) -> None:
    os.environ["ROLLBOOK_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "rollbook.web.settings"
    from rollbook.web.setup import ready

    ready()
    from rollbook import config
    from rollbook.ingest.public import import_public
    from rollbook.lake.public import PublicStore

    folder = shared_data()
    files = [*sorted((folder / "performance-tables-2019").glob("*.csv")),
             folder / "schools-like-yours-ks4-2019" / "ks4_sly.json"]  # fmt: skip
    if not import_public(files, PublicStore(config.public_root()), YEAR).landed:
        raise SystemExit("the shared 2019 files were refused")


def pages() -> dict[str, tuple[str, Callable[[], object]]]:
    """Each page's address for England, and the analytics call it stands beside."""
    from rollbook.analytics.public.areas import Area
    from rollbook.analytics.public.explore import schools_in_area
    from rollbook.analytics.public.ofsted import ofsted_table, rating_spread
    from rollbook.analytics.public.similar import family
    from rollbook.analytics.public.trends import trends
    from rollbook.rules.public.family import FamilySettings
    from rollbook.web.explore.views import _with_funnel_pupils

    england = Area.england()
    settings = _with_funnel_pupils(FamilySettings.choose(MICHAELA, YEAR))
    return {
        "table": ("/explore/", lambda: schools_in_area(YEAR, england)),
        "table, by A8": ("/explore/?sort=-attainment8&page=3", lambda: schools_in_area(YEAR, england)),
        "scatter": ("/explore/scatter/?find=michaela", lambda: schools_in_area(YEAR, england)),
        "map": ("/explore/map/?colour=progress8", lambda: schools_in_area(YEAR, england)),
        "trends": ("/explore/trends/", trends),
        "ofsted": ("/explore/ofsted/", lambda: (ofsted_table(YEAR, england), rating_spread(YEAR, england))),
        "family": (f"/explore/similar/?school={MICHAELA}", lambda: family(settings)),
        "family, 30 km": (
            f"/explore/similar/?school={MICHAELA}&distance=30",
            lambda: family(
                _with_funnel_pupils(FamilySettings.choose(MICHAELA, YEAR, filters=["Distance=30"]))
            ),
        ),
    }


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def sample(call: Callable[[], object], repeats: int) -> list[float]:
    call()
    return [timed(call) for _ in range(repeats)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=50)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        start(Path(data_dir))
        from django.contrib.auth.models import User
        from django.test import Client

        client = Client()
        client.force_login(User.objects.create_user(USERNAME))

        def page(address: str) -> Callable[[], object]:
            def request() -> None:
                response = client.get(address)
                if response.status_code != 200:
                    raise RuntimeError(f"{address} answered {response.status_code}")

            return request

        results = {}
        for name, (address, direct) in pages().items():
            load = os.getloadavg()[0]
            results[name] = (
                sample(page(address), arguments.repeats),
                sample(direct, arguments.repeats),
                load,
            )
            print(f"  {name}: page {np.median(results[name][0]):.0f} ms", flush=True)
    print()
    print(f"England, {YEAR} results, {arguments.repeats} warm requests each; {os.cpu_count()} cores")
    header = f"{'page':<16}{'page ms':>10}{'p95':>9}{'analytics ms':>14}{'p95':>9}{'page/analytics':>16}"
    print(f"{header}{'load':>6}")
    for name, (served, direct, load) in results.items():
        served, direct = np.array(served), np.array(direct)
        print(
            f"{name:<16}{np.median(served):>10.1f}{np.percentile(served, 95):>9.1f}"
            f"{np.median(direct):>14.1f}{np.percentile(direct, 95):>9.1f}"
            f"{np.median(served) / np.median(direct):>15.1f}x{load:>6.1f}"
        )


if __name__ == "__main__":
    main()
