"""Dates as English schools write them (DD/MM/YYYY), and as ISO (YYYY-MM-DD) for files and machines."""

from __future__ import annotations

import datetime as dt

#: The layouts a date is read in, English first: what a person types, then what a file or address holds.
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date:
    """Read `DD/MM/YYYY` or `YYYY-MM-DD`; refuse impossible dates such as 31/02/2025."""
    text = text.strip()
    for layout in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD or DD/MM/YYYY)")
