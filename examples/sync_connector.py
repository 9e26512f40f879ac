"""An MIS connector for Rollbook's sync API, playing a school's daily sync against a synthetic school.

It reads the school's files as `rollbook synth` writes them (a CTF and pupils.csv, standing in for the MIS),
then sends each school day's marks, one day at a time, for two weeks, as a connector would each evening.
Then it re-sends one day of the last five with reasons filled in for the absences still marked N ("no
reason yet"), as the DfE's collection re-reads marks changed within its amendment window, and prints what
the server said each time. docs/exchange.md describes the API.

    rollbook synth --schools 1 --seed 5 --academic-year 2024 --as-of 2024-09-20 --out mis/
    python examples/sync_connector.py mis/<URN> --server http://127.0.0.1:8000 --token rbx_…

The token comes from the school's API tokens page (or ROLLBOOK_TOKEN). Only the reading of the files uses
Rollbook (its own CTF reader); the sending is the standard library's urllib, the part a real connector
would copy. A test imports the module and calls `main(argv)` against a live server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

from rollbook.ingest.csv_templates import read_pupils_csv
from rollbook.ingest.ctf import read_ctf
from rollbook.ingest.problems import ValidationReport
from rollbook.ingest.pupils import combine

#: How many school days a connector sends before the amendment: two weeks.
DAYS = 10
#: The DfE's amendment window: marks changed within the last five school days are read again.
AMENDMENT_WINDOW = 5
#: "No reason yet" (N) becomes illness (I) when the amended day is re-sent: the reasons came in later.
UNEXPLAINED, EXPLAINED = "N", "I"
#: Bodies larger than this are sent gzip-compressed.
COMPRESS_FROM = 64 * 1024
#: How many times a request refused for the rate limit (429) is tried again, after Retry-After seconds.
RETRIES = 3


class School:
    """What the MIS knows: the school's URN, its pupils as the API takes them, and its marks by date."""

    def __init__(self, folder: Path) -> None:
        report = ValidationReport()
        ctfs = [read_ctf(path, report) for path in sorted(folder.glob("*.xml"))]
        extras = [
            record for path in sorted(folder.glob("pupils*.csv")) for record in read_pupils_csv(path, report)
        ]
        if not ctfs or report.refused:
            raise SystemExit(f"{folder}: no readable CTF to sync from\n{report.text()}")
        self.urn = ctfs[0].school.urn
        pupils = combine([record for ctf in ctfs for record in ctf.pupils], extras, report)
        self.pupils = [_json_values(record.row()) for record in pupils.values()]
        self.marks: dict[dt.date, list[dict[str, str]]] = {}
        for ctf in ctfs:
            marks = ctf.marks
            for row in range(len(marks)):
                day = marks.date_of(row)
                self.marks.setdefault(day, []).append(
                    {
                        "upn": marks.upn_of(row),
                        "date": day.isoformat(),
                        "session": ("AM", "PM")[marks.session[row]],
                        "code": marks.code_of(row),
                    }
                )

    def school_days(self, start: dt.date | None = None) -> list[dt.date]:
        """The dates with marks, from `start` (by default the first)."""
        return [day for day in sorted(self.marks) if start is None or day >= start]

    def day(self, day: dt.date, marks: list[dict[str, str]] | None = None) -> dict[str, object]:
        """One day's sync: every pupil, and the day's marks (replacing whatever the server holds for it)."""
        return {
            "from": day.isoformat(),
            "to": day.isoformat(),
            "pupils": self.pupils,
            "marks": self.marks.get(day, []) if marks is None else marks,
        }


def amended(marks: list[dict[str, str]]) -> list[dict[str, str]]:
    """A day's marks as re-sent in the amendment window: each N (no reason yet) now an I (illness)."""
    return [{**mark, "code": EXPLAINED if mark["code"] == UNEXPLAINED else mark["code"]} for mark in marks]


def _json_values(row: dict[str, object]) -> dict[str, object]:
    return {name: value.isoformat() if isinstance(value, dt.date) else value for name, value in row.items()}


class Server:
    """The sync API of one Rollbook site, for one school's token."""

    def __init__(self, base: str, token: str, urn: int) -> None:
        self.root = f"{base.rstrip('/')}/api/v1/exchange/schools/{urn}"
        self.token = token

    def send(self, payload: dict[str, object]) -> tuple[int, dict]:
        body = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"}
        if len(body) > COMPRESS_FROM:
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        return self._request("POST", "/attendance", body, headers)

    def status(self) -> tuple[int, dict]:
        return self._request("GET", "/status")

    def _request(self, method: str, path: str, body: bytes | None = None, headers=None) -> tuple[int, dict]:
        headers = {**(headers or {}), "Authorization": f"Bearer {self.token}"}
        request = urllib.request.Request(self.root + path, body, headers, method=method)
        for attempt in range(RETRIES + 1):
            try:
                with urllib.request.urlopen(request, timeout=300) as response:
                    return response.status, json.load(response)
            except urllib.error.HTTPError as refused:
                if refused.code == 429 and attempt < RETRIES:
                    time.sleep(int(refused.headers.get("Retry-After", "1")))
                    continue
                return refused.code, _json_or_text(refused.read())
        raise AssertionError("unreachable")


def _json_or_text(body: bytes) -> dict:
    try:
        return json.loads(body)
    except ValueError:
        return {"detail": body.decode(errors="replace")[:500]}


def said(status: int, answer: dict) -> str:
    """What the server said, in a line (and the problems, if it refused)."""
    if status == 200 and "summary" in answer:
        return f"{status}: {answer['summary']}"
    if status == 200:  # the status endpoint
        last = answer["last_sync"] or {"summary": "none"}
        latest = answer["latest_date"] and f"{dt.date.fromisoformat(answer['latest_date']):%d/%m/%Y}"
        return (
            f"{status}: Rollbook holds {answer['academic_year']}, {answer['pupils']:,} pupils, marks to "
            f"{latest}; last sync: {last['summary']}"
        )
    problems = [f"\n    {p.get('where') or '(payload)'}: {p['message']}" for p in answer.get("problems", [])]
    return f"{status}: {answer.get('detail', answer)}{''.join(problems[:20])}"


def run(
    school: School,
    server: Server,
    days: int = DAYS,
    start: dt.date | None = None,
    amend: dt.date | None = None,
) -> Iterator[tuple[str, int, dict]]:
    """Send `days` school days one by one, then the amended day, then ask for the status; yield (what,
    status, answer) for each."""
    sent = school.school_days(start)[:days]
    if not sent:
        raise SystemExit(f"no marks to send from {start or 'the start'}")
    for day in sent:
        yield f"{day:%a %d/%m/%Y}", *server.send(school.day(day))
    amend = amend or sent[-min(AMENDMENT_WINDOW, len(sent))]  # the oldest day still in the window
    yield (
        f"{amend:%a %d/%m/%Y} amended",
        *server.send(school.day(amend, amended(school.marks.get(amend, [])))),
    )
    yield "status", *server.status()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "school", type=Path, help="a school's folder of `rollbook synth` output (CTF, pupils.csv)"
    )
    parser.add_argument("--server", default="http://127.0.0.1:8000", help="the Rollbook site")
    parser.add_argument("--token", default=os.environ.get("ROLLBOOK_TOKEN"), help="the school's API token")
    parser.add_argument("--days", type=int, default=DAYS, help="school days to send, one by one")
    parser.add_argument("--start", type=dt.date.fromisoformat, help="the first day to send (YYYY-MM-DD)")
    parser.add_argument("--amend", type=dt.date.fromisoformat, help="the day to re-send amended (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("give the school's API token with --token or ROLLBOOK_TOKEN")
    school = School(args.school)
    server = Server(args.server, args.token, school.urn)
    answered = True
    for what, status, answer in run(school, server, args.days, args.start, args.amend):
        print(f"{what}: {said(status, answer)}", flush=True)
        answered &= status == 200
    return 0 if answered else 1


if __name__ == "__main__":
    sys.exit(main())
