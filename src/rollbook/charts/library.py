"""The chart library the pages load (Vega, Vega-Lite and Vega-Embed), served by us, and what every chart
specification shares."""

from __future__ import annotations

import functools
from pathlib import Path

import altair as alt
import vl_convert

from rollbook import config

LIBRARY_VERSION = vl_convert.__version__


def with_rows(chart: alt.Chart, rows: list[dict]) -> dict:
    """The chart's specification with its rows put in afterwards: Altair walks every value it is given,
    which takes seconds for a heat map of 1,500 pupils, and the rows are plain numbers and text already."""
    spec = chart.to_dict()
    spec["data"] = {"values": rows}
    return spec


@functools.cache
def library() -> str:
    """Vega, Vega-Lite and Vega-Embed in one file, from the vl-convert package: no request leaves us.

    Building it takes seconds, so it is kept on disk per version and in memory per process."""
    cached = config.data_dir() / "cache" / f"vega-{LIBRARY_VERSION}.js"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        partial.write_text(vl_convert.javascript_bundle())
        partial.replace(cached)
    return Path(cached).read_text()
