"""A logging filter that blanks Unique Pupil Numbers, so no log line names a pupil.

UPNs reach logs in request paths and query strings (Django's "Not Found: /...", the development server's
access lines) and in error messages and tracebacks. The filter sits on the handler, so it sees every record
that handler writes, from any logger.
"""

from __future__ import annotations

import logging

from rollbook.rules.upn import IN_TEXT

REDACTED = "[UPN]"


def redact(text: str) -> str:
    return IN_TEXT.sub(REDACTED, text)


class RedactUPNs(logging.Filter):
    """Replace every UPN in a record's message and traceback with [UPN]; the record is always kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the message: keep both, blanked
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
