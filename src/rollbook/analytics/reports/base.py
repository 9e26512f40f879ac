"""What every report is: a name and heading, whether it names pupils, the question it takes, how it is built,
and how its figures become rows (CSV, Excel), tables (a terminal) and charts.

A report only arranges what the analytics computed; it never works out a figure of its own. The page, the
API and the CLI all ask through `run`, so a report's question is read and checked in one place and its
figures have one code path.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Generic, Protocol, TypeVar

import pydantic
from pydantic import BeforeValidator

from rollbook.analytics.code import code_version
from rollbook.lake import Lake
from rollbook.rules.calendar import SchoolCalendar, england_default, parse_academic_year

Data = TypeVar("Data", bound=Mapping[str, Any])
Asked = TypeVar("Asked")
#: A table for a terminal: its title and its rows.
Table = tuple[str, list[dict[str, object]]]


@dataclass(frozen=True)
class ReportContext:
    """What a report knows of the school it is for beyond the lake, and of its reader: the school's own
    term dates and follow-up rule, and the smallest group the reader may see figures for (0: any, for
    readers with pupil-level access)."""

    school: int
    calendar: Callable[[int], SchoolCalendar] = england_default
    consecutive_days: int = 3
    min_group_pupils: int = 0
    lake: Lake | None = None
    snapshots: Path | None = None


class InvalidRequest(ValueError):
    """A report was asked for with values it cannot take: each problem is (the value's name, why)."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(message for _, message in self.problems))


def read_query(query: type[pydantic.BaseModel], values: Mapping[str, object]) -> Any:
    """The report's question from a page's address, an API query or the CLI's options: the same model reads
    all three. A value given several times is a list where the model takes a list, else the last one;
    empty values are left out (a form's "all pupils"). InvalidRequest names every bad value."""
    lists = {name for name, model in query.model_fields.items() if _takes_list(model.annotation)}
    given: dict[str, object] = {}
    for name in query.model_fields:
        found = _values(values, name)
        found = [value for value in found if value not in ("", None)]
        if found:
            given[name] = found if name in lists else found[-1]
    try:
        return query.model_validate(given)
    except pydantic.ValidationError as problem:
        raise InvalidRequest([_explained(error, query) for error in problem.errors()]) from None


def _values(values: Mapping[str, object], name: str) -> list[object]:
    if hasattr(values, "getlist"):  # a Django QueryDict
        return list(values.getlist(name))  # type: ignore[attr-defined]
    value = values.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _takes_list(annotation: object) -> bool:
    return getattr(annotation, "__origin__", None) is list or "list[" in str(annotation)


def _explained(error: Mapping[str, Any], query: type[pydantic.BaseModel]) -> tuple[str, str]:
    """A pydantic error in a school's words: the value's label, then what is wrong with it."""
    name = str(error["loc"][0]) if error["loc"] else ""
    model = query.model_fields.get(name)
    label = (model.title if model and model.title else name.replace("_", " ").capitalize()) if name else ""
    message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
    return name, f"{label}: {message}" if label else message[:1].upper() + message[1:]


def _academic_year(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return parse_academic_year(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an academic year; write it as schools do, 2023/24") from None


#: An academic year in a question, by its first calendar year: 2024, "2024", "2024/25" and "2024-2025" all
#: name 2024/25, as every report reads it.
AcademicYear = Annotated[int, BeforeValidator(_academic_year)]


def no_charts(data: Mapping[str, Any]) -> dict[str, dict]:
    return {}


@dataclass(frozen=True)
class Report(Generic[Asked, Data]):
    """One report of one domain (attendance, KS4 …), as its module declares it."""

    domain: str
    #: The report's name in addresses, the API's paths and the CLI: "year-groups".
    name: str
    #: Its page heading, and its tab's words (None: no tab, as for one pupil's page).
    heading: str
    tab: str | None
    #: Where its tab sits among the domain's.
    order: int
    #: The question it takes (a pydantic model) and how that question is made ready for one school.
    query: type[pydantic.BaseModel]
    prepare: Callable[[Any, ReportContext], Asked]
    build: Callable[[Asked], Data]
    rows: Callable[[Data], Sequence[dict[str, object]]]
    tables: Callable[[Data], Sequence[Table]]
    title: Callable[[Asked, Data], str]
    #: The shape of `build`'s result, for the API's schema.
    data_type: type = dict
    charts: Callable[[Data], dict[str, dict]] = no_charts
    #: Reports that name pupils are for users with pupil-level access, and every read is audited.
    pupil_level: bool = False
    #: Extra figures laid out for the page's template; the API and downloads never need them.
    context: Callable[[Data], dict[str, object]] = field(default=lambda data: {}, compare=False)
    #: A long list (of pupils) that the page shows a page at a time, and the chart of one page of it.
    listed: Callable[[Data], list] | None = None
    listed_chart: Callable[[list], dict] | None = None
    #: The columns a long list can be put in order by (the question's `sort`), each with its heading.
    sorts: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: The folder of templates its page is drawn from (each domain's web app has its own).
    templates: str = "front"
    #: What it shows, in one sentence of a school's words: on the school's home page and its guide.
    about: str = ""

    @property
    def template(self) -> str:
        return f"{self.templates}/report_{self.name.replace('-', '_')}.html"

    @property
    def guide_template(self) -> str:
        """Its guide page: what it shows, how its figures are worked out and what its shading means."""
        return f"{self.templates}/guide/{self.name.replace('-', '_')}.html"

    def ask(self, values: Mapping[str, object], context: ReportContext) -> Asked:
        """Read and check the question, then make it ready for the school (InvalidRequest if it cannot be
        answered as asked; LookupError when there is nothing held to answer from)."""
        return self.prepare(read_query(self.query, values), context)

    def run(self, asked: Asked, remembered: Remembered | None = None) -> Result[Data]:
        """The report's answer; with `remembered` (a cache: `get` and `set`), an answer already worked
        out for exactly this question and the same data is taken from it instead of built again."""
        if remembered is None:
            data = self.build(asked)
        else:
            key = self.key(asked)
            data = remembered.get(key)
            if data is None:
                data = self.build(asked)
                remembered.set(key, data)
        return Result(
            title=self.title(asked, data),
            data=data,
            rows=Deferred(lambda: list(self.rows(data))),
            tables=Deferred(lambda: list(self.tables(data))),
        )

    def key(self, asked: Asked) -> str:
        """What the answer depends on, as a key: the code, the report, and everything the question, the
        school's data and the comparators are (`asked.fingerprint()`), so a changed file is a new key."""
        described = [code_version(), self.domain, self.name, asked.fingerprint()]  # type: ignore[attr-defined]
        return (
            f"{self.domain}:{self.name}:"
            + hashlib.sha256(json.dumps(described, default=str, sort_keys=True).encode()).hexdigest()
        )


class Remembered(Protocol):
    """Where answers are kept between requests (Django's cache framework, for the web)."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Result(Generic[Data]):
    """A report's answer: `data` as the API gives it, `rows` flat for CSV and Excel, `tables` to read on a
    terminal. Rows and tables are made only when asked for: a page shows the data."""

    title: str
    data: Data
    rows: Sequence[dict[str, object]]
    tables: Sequence[Table]


class Deferred(Sequence):
    """A list made the first time something reads it. A big school's pupil grid takes longer to flatten for
    a download than to show a page of."""

    def __init__(self, make: Callable[[], list]) -> None:
        self._make = make

    @functools.cached_property
    def _items(self) -> list:
        return self._make()

    def __getitem__(self, index):
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)
