"""The sync payload (docs/exchange.md) as one model: it checks a payload's shape and is the API's schema of
it, so the documentation and the checks cannot drift apart.

A pupil's fields are read as the columns of pupils.csv are, by the same readers; UPNs, dates, sessions and
codes as marks.csv reads them. Every field that cannot be read is a Problem placed by its element in the
payload (`marks[12].code`). What needs more than one field (the window's dates, a pupil sent twice, marks
for pupils on roll) is checked by the sync itself, in ingest/exchange.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import ErrorDetails, PydanticCustomError
from typing_extensions import TypedDict

from rollbook.ingest.csv_templates import DATE_COLUMNS, PUPILS_READERS, PUPILS_REQUIRED
from rollbook.ingest.marks import SESSION_NAMES
from rollbook.ingest.problems import Kind, Problem
from rollbook.ingest.values import MAX_FIELD_LENGTH, too_long
from rollbook.rules import upn as upns
from rollbook.rules.calendar import academic_year_bounds, parse_academic_year
from rollbook.rules.characteristics import SenProvision, Sex
from rollbook.rules.dates import parse_date

RANGE, YEAR = "range", "year"
SCOPES = (RANGE, YEAR)
#: A payload gives few distinct dates and UPNs many times over (every mark has both).
_read_date = functools.lru_cache(maxsize=1024)(parse_date)
_upn_problem = functools.lru_cache(maxsize=16384)(upns.problem_with)
_DATE_SCHEMA = {"type": "string", "format": "date"}


def _not_null(schema: dict[str, Any]) -> None:
    """A field that may be left out but not sent as null: its schema gives no default."""
    schema.pop("default", None)


def _problem(kind: Kind, message: str) -> PydanticCustomError:
    """A field's problem as pydantic carries it: the kind as its type, the message as it is."""
    return PydanticCustomError(str(kind), "{message}", {"message": message})


def _fits(value: object) -> None:
    """Refuse text longer than any field may hold, before any message repeats it."""
    if isinstance(value, str) and (problem := too_long(value)):
        raise _problem(Kind.BAD_VALUE, f"the value {problem}")


def json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


def _upn(value: object) -> str:
    _fits(value)
    if value is None:
        raise _problem(Kind.BAD_UPN, "upn is missing")
    if not isinstance(value, str):
        raise _problem(Kind.BAD_UPN, f"the UPN must be text, not {json_type(value)}")
    upn = upns.normalise(value)
    if problem := _upn_problem(upn):
        raise _problem(Kind.BAD_UPN, problem)
    return upn


def _date(value: object) -> dt.date | None:
    """A date as text (YYYY-MM-DD, or DD/MM/YYYY as the CSV templates take it); None for null."""
    _fits(value)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not a date (write YYYY-MM-DD)")
        return _read_date(value)
    except ValueError as error:
        raise _problem(Kind.BAD_DATE, str(error)) from None


def _text(value: object) -> str | None:
    """A scalar as a CSV cell holds it; None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value)
    return None


def _column(name: str) -> BeforeValidator:
    """Read a pupil's field as pupils.csv reads its column `name`: null or blank is not given."""
    read: Callable[[str], object] = PUPILS_READERS[name]
    kind = Kind.BAD_DATE if name in DATE_COLUMNS else Kind.BAD_VALUE

    def validate(value: object) -> object:
        _fits(value)
        text = _text(value)
        if value is not None and text is None:
            raise _problem(Kind.BAD_VALUE, f"must be text, not {json_type(value)}")
        if text is None or not text.strip():
            if name in PUPILS_REQUIRED:
                raise _problem(Kind.BAD_VALUE, f"{name} is missing")
            return None
        try:
            return read(text.strip())
        except ValueError as error:
            raise _problem(kind, str(error)) from None

    return BeforeValidator(validate)


def _session(value: object) -> str:
    _fits(value)
    session = value.strip().upper() if isinstance(value, str) else None
    if session not in SESSION_NAMES:
        raise _problem(Kind.BAD_VALUE, f"session {value!r} is not AM or PM")
    return session


def _code(value: object) -> str:
    _fits(value)
    if not isinstance(value, str) or not value.strip():
        raise _problem(Kind.BAD_VALUE, f"code {value!r} is not a register code")
    return value.strip().upper()


def _scope(value: object) -> str:
    _fits(value)
    if value not in SCOPES:
        raise _problem(Kind.BAD_VALUE, f"scope {value!r} is not {' or '.join(SCOPES)}")
    return str(value)


def _academic_year(value: object) -> int | None:
    _fits(value)
    if value is None:
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError
        year = value if isinstance(value, int) else parse_academic_year(value)
        academic_year_bounds(year)
    except (ValueError, OverflowError):
        raise _problem(
            Kind.BAD_VALUE,
            f'academic_year must be the year it starts in, such as 2024 or "2024/25", not {value!r}',
        ) from None
    return year


Upn = Annotated[
    str,
    BeforeValidator(_upn),
    WithJsonSchema({"type": "string", "pattern": f"^{upns.SHAPE}$", "description": "Unique Pupil Number"}),
]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_date)]
Text = Annotated[str, Field(max_length=MAX_FIELD_LENGTH)]


class SyncPupil(BaseModel):
    """A pupil, with the columns of the pupils.csv template, read by the same rules."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    upn: Upn
    forename: Annotated[Text, _column("forename"), Field(min_length=1)]
    surname: Annotated[Text, _column("surname"), Field(min_length=1)]
    dob: Annotated[dt.date, _column("dob")]
    sex: Annotated[Sex, _column("sex")]
    nc_year: Annotated[
        int | None,
        _column("nc_year"),
        WithJsonSchema(
            {
                "type": ["integer", "string", "null"],
                "description": "National Curriculum year: R, 1 to 14, N1, N2; X or null when not following "
                "it",
            }
        ),
    ] = None
    reg_group: Annotated[Text | None, _column("reg_group")] = None
    fsm6: Annotated[
        bool | None, _column("fsm6"), Field(description="eligible for free school meals in six years")
    ] = None
    sen: Annotated[SenProvision | None, _column("sen"), Field(description="SEN provision")] = None
    eal: Annotated[bool | None, _column("eal"), Field(description="English as an additional language")] = None
    ethnicity: Annotated[
        Text | None, _column("ethnicity"), Field(description="DfE ethnicity code, such as WBRI")
    ] = None
    admission_date: Annotated[dt.date | None, _column("admission_date")] = None
    leaving_date: Annotated[dt.date | None, _column("leaving_date")] = None


class SyncMark(TypedDict):
    """One session's register mark. A dictionary rather than a model: a whole year sends hundreds of
    thousands, and a dictionary is made several times faster."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    upn: Upn
    date: Annotated[dt.date, BeforeValidator(_date)]
    session: Annotated[
        Literal["AM", "PM"], BeforeValidator(_session), Field(description="AM or PM, in any capitals")
    ]
    code: Annotated[
        str, BeforeValidator(_code), Field(min_length=1, description="register code, e.g. / \\ I C1")
    ]


class SyncWindow(BaseModel):
    """What a sync replaces: a range of dates, or a whole academic year."""

    model_config = ConfigDict(extra="forbid")

    scope: Annotated[
        Literal["range", "year"],
        BeforeValidator(_scope),
        Field(
            description="range: replace the pupils' marks from `from` to `to`; year: replace the academic "
            "year's pupils and marks"
        ),
    ] = RANGE
    start: Annotated[
        OptionalDate, WithJsonSchema({**_DATE_SCHEMA, "description": "first date replaced (range)"})
    ] = Field(None, alias="from", json_schema_extra=_not_null)
    end: Annotated[
        OptionalDate,
        WithJsonSchema({**_DATE_SCHEMA, "description": "last date replaced (range); not in the future"}),
    ] = Field(None, alias="to", json_schema_extra=_not_null)
    academic_year: Annotated[
        int | None,
        BeforeValidator(_academic_year),
        WithJsonSchema(
            {
                "type": ["integer", "string"],
                "description": "the year replaced (year), by its first calendar year: 2024 is 2024/25",
            }
        ),
    ] = Field(None, json_schema_extra=_not_null)


class SyncPayload(SyncWindow):
    """A sync: the window it replaces, and the pupils and marks sent."""

    pupils: list[SyncPupil] = []
    marks: list[SyncMark] = []


#: The fields of the objects a payload's lists hold, by the list's name.
_ITEM_FIELDS = {"pupils": list(SyncPupil.model_fields), "marks": list(SyncMark.__annotations__)}
_UPN = TypeAdapter(Upn)
_MARK = TypeAdapter(SyncMark)
_KINDS = frozenset(kind.value for kind in Kind)
_FIELD_KINDS = {"upn": Kind.BAD_UPN, "date": Kind.BAD_DATE, "from": Kind.BAD_DATE, "to": Kind.BAD_DATE}


@dataclass
class ReadPayload:
    """What could be read of a payload: its window (None when it could not be), the pupils and marks that
    are well formed with their positions, and a problem for every field that is not. A pupil that is not
    well formed but has a UPN is among `unreadable_pupils`, so that their marks are not refused as well for
    being off roll."""

    window: SyncWindow | None = None
    pupils: list[tuple[int, SyncPupil]] = field(default_factory=list)
    unreadable_pupils: list[tuple[int, str]] = field(default_factory=list)
    marks: list[tuple[int, SyncMark]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_payload(data: object) -> ReadPayload:
    """The payload read by the model; where anything is wrong, every problem, and the parts well formed."""
    try:
        payload = SyncPayload.model_validate(data)
    except ValidationError as error:
        read = _well_formed(data)
        read.problems = [_explained(each, data) for each in error.errors()]
        return read
    return ReadPayload(payload, list(enumerate(payload.pupils)), [], list(enumerate(payload.marks)))


def json_schema() -> dict[str, Any]:
    """The payload's JSON Schema with its parts written in place (an OpenAPI document has no `$defs`)."""
    schema = SyncPayload.model_json_schema(by_alias=True)
    parts = schema.pop("$defs", {})

    def inline(node: object) -> object:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(parts[node["$ref"].rsplit("/", 1)[-1]])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(value) for value in node]
        return node

    return inline(schema)  # type: ignore[return-value]


def _well_formed(data: object) -> ReadPayload:
    """The parts of a payload that is not well formed as a whole that are, each read by its own model."""
    read = ReadPayload()
    if not isinstance(data, Mapping):
        return read
    with contextlib.suppress(ValidationError):
        read.window = SyncWindow.model_validate(
            {key: data[key] for key in _aliases(SyncWindow) if key in data}
        )
    for index, item in _items(data, "pupils"):
        try:
            read.pupils.append((index, SyncPupil.model_validate(item)))
        except ValidationError:
            if isinstance(item, Mapping) and (upn := _readable_upn(item.get("upn"))) is not None:
                read.unreadable_pupils.append((index, upn))
    for index, item in _items(data, "marks"):
        with contextlib.suppress(ValidationError):
            read.marks.append((index, _MARK.validate_python(item)))
    return read


def _aliases(model: type[BaseModel]) -> list[str]:
    """A model's fields as a payload names them."""
    return [info.alias or name for name, info in model.model_fields.items()]


def _items(data: Mapping[str, Any], name: str) -> Iterator[tuple[int, object]]:
    value = data.get(name, [])
    yield from enumerate(value) if isinstance(value, list) else ()


def _readable_upn(value: object) -> str | None:
    try:
        return _UPN.validate_python(value)
    except ValidationError:
        return None


def _explained(error: ErrorDetails, data: object) -> Problem:
    """A pydantic error as the problem a connector's developer reads: kind, element, UPN and why."""
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    kind, message = _FIELD_KINDS.get(name, Kind.BAD_VALUE), error["msg"]
    if error["type"] in _KINDS:
        kind = Kind(error["type"])
    elif error["type"] == "missing":
        message = f"{name} is missing" + (" (a date, YYYY-MM-DD)" if kind is Kind.BAD_DATE else "")
    elif error["type"] == "extra_forbidden":
        fields = _ITEM_FIELDS[str(loc[0])] if len(loc) > 1 else _aliases(SyncPayload)
        message = f"unknown field {name!r}; the fields are {', '.join(fields)}"
    elif error["type"] == "list_type":
        message = f"{name} must be a list, not {json_type(error['input'])}"
    elif error["type"] in ("model_type", "model_attributes_type"):
        what = "must be an object" if loc else "the payload must be a JSON object"
        message = f"{what}, not {json_type(error['input'])}"
    return Problem(kind, message, element=element(loc) or None, upn=_upn_at(data, loc))


def element(loc: tuple[int | str, ...]) -> str:
    """A place in the payload as a JSON path: ("marks", 12, "code") is marks[12].code."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path


def _upn_at(data: object, loc: tuple[int | str, ...]) -> str | None:
    """The UPN of the pupil or mark a problem is in, when it has one that can be read."""
    if len(loc) < 3 or not isinstance(data, Mapping):
        return None
    items = data.get(str(loc[0]))
    item = items[loc[1]] if isinstance(items, list) and isinstance(loc[1], int) else None
    return _readable_upn(item.get("upn")) if isinstance(item, Mapping) else None
