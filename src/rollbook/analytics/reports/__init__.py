"""The report registry: every report a school can open, one module each, found here by domain and name.

The page tabs, the API's paths and the CLI's choices are all made from this registry, so adding a report is
adding its module (which declares `REPORT`) and its template (docs/adding-a-report.md).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from rollbook.analytics.reports.base import InvalidRequest, Report, ReportContext, Result

__all__ = ["DOMAINS", "InvalidRequest", "Report", "ReportContext", "Result", "find", "of"]

#: The domains that have reports, each a sub-package of this one.
DOMAINS = ("attendance", "ks4", "subjects", "insight")


@functools.cache
def of(domain: str) -> tuple[Report, ...]:
    """A domain's reports in the order their tabs show (LookupError for an unknown domain)."""
    if domain not in DOMAINS:
        raise LookupError(f"there are no {domain} reports; try one of {', '.join(DOMAINS)}")
    package = importlib.import_module(f"{__name__}.{domain}")
    modules = [
        importlib.import_module(f"{package.__name__}.{found.name}")
        for found in pkgutil.iter_modules(package.__path__)
    ]
    found = [module.REPORT for module in modules if hasattr(module, "REPORT")]
    return tuple(sorted(found, key=lambda report: report.order))


def find(domain: str, name: str) -> Report:
    """The report called `name` (LookupError naming the choices when there is none)."""
    for report in of(domain):
        if report.name == name:
            return report
    names = ", ".join(report.name for report in of(domain))
    raise LookupError(f"there is no {domain} report called {name!r}; try one of {names}")
