"""Many signed-in readers at once: N sessions asking for report pages of a 1,500-pupil school, as a real
server answers them over loopback, with requests per second, latency percentiles, errors and the server's
memory.

The school and its comparators are `page_bench.py`'s (built once, cached under /work/bench-data). Each run
makes a fresh data folder that uses that lake and snapshot, a database with the schools, one user with
pupil-level access and `--sessions` signed-in sessions of theirs (made directly in the session store, so
no sign-in is timed), then starts the server as its own process and lets every session ask, one page after
another, for the school's reports in turn (every report of the registry, the pupil page for a real pupil),
pausing `--think` seconds between pages, for `--duration` seconds after a `--warmup`. A request not
answered in 60 s counts as an error, as does any status but 200.

The server is `rollbook serve` (processes and threads from the machine's cores), or `--server waitress`
for waitress with 4 threads in one process (how the demo serves, and how the site was served before
`rollbook serve`). With PYTHONPATH set to another checkout's `src`, the same run times that checkout (say,
before a change). Memory is the largest total resident set of the server's processes, sampled each second.

    uv run --all-extras --frozen python bench/load_bench.py [--sessions 100] [--think 0] [--duration 120]
        [--server serve|waitress]

A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import psutil

sys.path.insert(0, str(Path(__file__).parent))

import page_bench  # noqa: E402

TIMEOUT = 60


def prepare(data_dir: Path, sessions: int) -> dict:
    """The database for a run, and the sessions' keys and the pages they will ask for (in a child process,
    so this one never sets Django up)."""
    where = page_bench.cached()
    child = [sys.executable, __file__, "--prepare", str(data_dir), "--sessions", str(sessions)]
    subprocess.run(child, check=True, env={**os.environ, "ROLLBOOK_DATA_DIR": str(data_dir)})
    urn = page_bench.big_school(where)
    return {**json.loads((data_dir / "sessions.json").read_text()), "urn": urn}


def prepare_child(data_dir: Path, sessions: int) -> None:
    where = page_bench.cached()
    page_bench.start_django(where, data_dir)
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user = User.objects.get(username=page_bench.USERNAME)
    keys = []
    for _ in range(sessions):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "rollbook.web.accounts.backends.AnyCaseUsernameBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    urn = page_bench.big_school(where)
    upn = page_bench.a_pupil(where, urn)
    pages = [
        f"/schools/{urn}/attendance/{name}/" + (f"?upn={upn}" if name == "pupil" else "")
        for name in page_bench.report_names()
    ]
    (data_dir / "sessions.json").write_text(json.dumps({"keys": keys, "pages": pages}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(
    kind: str, data_dir: Path, port: int, processes: int | None, threads: int | None
) -> subprocess.Popen:
    if kind == "waitress":
        command = [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "--threads=4"]
        command.append("rollbook.web.wsgi:application")
    else:
        command = [sys.executable, "-m", "rollbook", "serve", "--host", "127.0.0.1", "--port", str(port)]
        command += [f"--processes={processes}"] if processes else []
        command += [f"--threads={threads}"] if threads else []
    environment = {**os.environ, "ROLLBOOK_DATA_DIR": str(data_dir), "ROLLBOOK_LOG_LEVEL": "error"}
    server = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"the server stopped: {server.stderr.read().decode()[-2000:]}") from None
            time.sleep(0.2)
    raise RuntimeError("the server did not start within two minutes")


def memory(server: subprocess.Popen) -> int:
    """The server's processes' resident memory, in bytes."""
    try:
        root = psutil.Process(server.pid)
        return sum(process.memory_info().rss for process in [root, *root.children(recursive=True)])
    except psutil.NoSuchProcess:
        return 0


async def reader(
    http: aiohttp.ClientSession,
    key: str,
    pages: list[str],
    start: int,
    think: float,
    until: float,
    timed: float,
) -> list[tuple[float, int]]:
    """One signed-in session asking for page after page until `until`; what it saw after `timed`."""
    seen = []
    index = start
    cookies = {"sessionid": key}
    while time.monotonic() < until:
        page = pages[index % len(pages)]
        index += 1
        began = time.monotonic()
        try:
            async with http.get(page, cookies=cookies, allow_redirects=False) as response:
                await response.read()
                status = response.status
        except (TimeoutError, aiohttp.ClientError):
            status = 0
        if began >= timed:
            seen.append((time.monotonic() - began, status))
        if think:
            await asyncio.sleep(think)
    return seen


async def crowd(port: int, keys: list[str], pages: list[str], think: float, warmup: float, duration: float):
    started = time.monotonic()
    timed, until = started + warmup, started + warmup + duration
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT)
    async with aiohttp.ClientSession(
        f"http://127.0.0.1:{port}", connector=connector, timeout=timeout
    ) as http:
        found = await asyncio.gather(
            *(reader(http, key, pages, number, think, until, timed) for number, key in enumerate(keys))
        )
    return [one for seen in found for one in seen]


def run(arguments) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        prepared = prepare(data_dir, arguments.sessions)
        port = free_port()
        server = start_server(arguments.server, data_dir, port, arguments.processes, arguments.threads)
        peak = 0
        load = os.getloadavg()[0]
        try:
            loop = asyncio.new_event_loop()
            task = loop.create_task(
                crowd(
                    port,
                    prepared["keys"],
                    prepared["pages"],
                    arguments.think,
                    arguments.warmup,
                    arguments.duration,
                )
            )
            while not task.done():
                loop.run_until_complete(asyncio.wait([task], timeout=1))
                peak = max(peak, memory(server))
            seen = task.result()
        finally:
            server.terminate()
            server.wait(timeout=30)
    times = sorted(seconds * 1000 for seconds, status in seen if status == 200)
    errors = sum(status != 200 for _, status in seen)
    kinds = collections.Counter(
        "no answer" if status == 0 else str(status) for _, status in seen if status != 200
    )
    quantile = statistics.quantiles(times, n=100) if len(times) > 1 else [float("nan")] * 99
    return {
        "server": arguments.server,
        "sessions": arguments.sessions,
        "think": arguments.think,
        "duration": arguments.duration,
        "requests": len(seen),
        "per_second": len(times) / arguments.duration,
        "p50": quantile[49],
        "p95": quantile[94],
        "p99": quantile[98],
        "errors": errors,
        "error_kinds": dict(kinds),
        "memory_mb": peak / 2**20,
        "load": load,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--think", type=float, default=0.0, help="seconds each session pauses between pages")
    parser.add_argument("--duration", type=float, default=120.0)
    parser.add_argument("--warmup", type=float, default=15.0)
    parser.add_argument("--server", choices=("serve", "waitress"), default="serve")
    parser.add_argument("--processes", type=int, help="rollbook serve's processes (default: its own)")
    parser.add_argument("--threads", type=int, help="rollbook serve's threads in each (default: its own)")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare:
        return prepare_child(arguments.prepare, arguments.sessions)
    found = run(arguments)
    print(
        f"{found['server']}: {found['sessions']} sessions, think {found['think']:g} s, "
        f"{found['duration']:g} s (load {found['load']:.1f}): {found['requests']:,} requests, "
        f"{found['per_second']:.1f}/s, "
        f"p50 {found['p50']:.0f} ms, p95 {found['p95']:.0f} ms, p99 {found['p99']:.0f} ms, "
        f"{found['errors']} errors {found['error_kinds'] or ''}, server memory {found['memory_mb']:,.0f} MB"
    )
    print(json.dumps(found))


if __name__ == "__main__":
    main()
