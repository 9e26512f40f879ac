"""The production web server: gunicorn, with a process per core and threads in each.

Each process keeps its own query engine and remembered query results; report answers are shared between
them through the "reports" cache. Processes, not only threads, because a report's work is Python and
engine time that one process's threads take turns at.
"""

from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication

#: Threads in each process: enough to overlap a page's waits (the database, the cache, the engine's lock).
THREADS = 4


def processes() -> int:
    """One process per core the server may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Server(BaseApplication):
    """Rollbook's WSGI application under gunicorn, configured here rather than by a file."""

    def __init__(self, options: dict[str, object]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self):
        from rollbook.web.wsgi import application

        return application


def serve(host: str, port: int, workers: int | None = None, threads: int | None = None) -> None:
    """Serve until stopped (Ctrl+C or SIGTERM), each process loading the site for itself."""
    Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers or processes(),
            "threads": threads or THREADS,
            "worker_class": "gthread",
            "timeout": 120,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
        }
    ).run()
