"""What a Schools Like Yours family is built from: the school, the similarity criteria, the filters, the
fields shown and how many schools; written to and read from a page's address, so a family can be
bookmarked and shared.

A filter is `FIELD=VALUE` with the field named as the tool names it:

- a coded field keeps schools with any of the values given, separated by `|` (`Region=London|South East`,
  `Ofsted rating=Good|Outstanding`), compared without regard to case;
- a figure keeps schools in a range, either end open (`Attainment 8, 2019=40..60`, `FSM6, %=..20`), or
  equal to one number;
- `Distance=N` keeps schools within N km of the chosen school's grid reference (`Distance=5..20`, a band).

A school without a value for a filtered field is not kept: it cannot be said to pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from rollbook.rules.public.fields import NUMERIC
from rollbook.rules.public.schools_like_yours import (
    DIFFERENCE,
    DISTANCE,
    criteria_fields,
    default_criteria,
    default_shown,
    sly_field,
)

DEFAULT_TOP = 20
MAX_TOP = 500
_RANGE = ".."


@dataclass(frozen=True)
class Filter:
    field: str
    values: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None

    @classmethod
    def parse(cls, text: str, year: int) -> Filter:
        """A filter from `FIELD=VALUE`; ValueError saying what is wrong."""
        name, equals, value = text.partition("=")
        if not equals or not value.strip():
            raise ValueError(f"{text!r}: write a filter as FIELD=VALUE, e.g. Region=London or Distance=10")
        field = _field(year, name)
        value = value.strip()
        if field.name == DISTANCE:
            low, high = _range(text, value) if _RANGE in value else (None, _number(text, value))
            return cls(field.name, low=low, high=high)
        if field.kind in NUMERIC:
            low, high = _range(text, value) if _RANGE in value else (_number(text, value),) * 2
            return cls(field.name, low=low, high=high)
        return cls(field.name, values=tuple(each.strip() for each in value.split("|") if each.strip()))

    def __str__(self) -> str:
        if self.values:
            return f"{self.field}={'|'.join(self.values)}"
        if self.field == DISTANCE and self.low is None:
            return f"{self.field}={_written(self.high)}"
        if self.low is not None and self.low == self.high:
            return f"{self.field}={_written(self.low)}"
        return f"{self.field}={_written(self.low)}{_RANGE}{_written(self.high)}"


@dataclass(frozen=True)
class FamilySettings:
    school: int
    year: int
    criteria: tuple[str, ...]
    filters: tuple[Filter, ...] = ()
    #: The fields chosen for display; none chosen shows the tool's usual ones and the criteria.
    shown: tuple[str, ...] = ()
    top: int = DEFAULT_TOP

    @classmethod
    def choose(
        cls,
        school: int,
        year: int,
        criteria: tuple[str, ...] | list[str] = (),
        filters: tuple[str, ...] | list[str] = (),
        shown: tuple[str, ...] | list[str] = (),
        top: int = DEFAULT_TOP,
    ) -> FamilySettings:
        """Settings from names as a person types them (any case), checked: ValueError saying what is wrong.
        No criteria means the tool's defaults."""
        allowed = {each.name for each in criteria_fields(year)}
        chosen = tuple(dict.fromkeys(_field(year, name).name for name in criteria)) or default_criteria(year)
        for name in chosen:
            if name not in allowed:
                raise ValueError(f"{name!r} is not a figure, so it cannot be a similarity criterion")
        if not 1 <= top <= MAX_TOP:
            raise ValueError(f"a family has from 1 to {MAX_TOP} schools besides the chosen one, not {top}")
        return cls(
            school=school,
            year=year,
            criteria=chosen,
            filters=tuple(Filter.parse(text, year) for text in filters),
            shown=tuple(dict.fromkeys(_field(year, name).name for name in shown if not _is_difference(name))),
            top=top,
        )

    @property
    def displayed(self) -> tuple[str, ...]:
        """The fields a family's table shows, besides the school's name and its difference."""
        if self.shown:
            return self.shown
        usual = [name for name in default_shown(self.year) if name != "School name"]
        return tuple(dict.fromkeys([*usual, *self.criteria]))

    def query(self) -> str:
        """The settings as an address's query string; `from_query` reads it back to equal settings."""
        pairs: list[tuple[str, str]] = [("school", str(self.school)), ("year", str(self.year))]
        pairs += [("criteria", name) for name in self.criteria]
        pairs += [("filter", str(each)) for each in self.filters]
        pairs += [("show", name) for name in self.shown]
        pairs.append(("top", str(self.top)))
        return urlencode(pairs)

    @classmethod
    def from_query(cls, query: str) -> FamilySettings:
        """Settings from a query string; ValueError for one that cannot be read."""
        pairs = parse_qsl(query.lstrip("?"), keep_blank_values=False)
        one = {key: value for key, value in pairs}
        try:
            school, year, top = int(one["school"]), int(one["year"]), int(one.get("top", DEFAULT_TOP))
        except (KeyError, ValueError):
            raise ValueError("the address needs a school URN and a year, as numbers") from None
        return cls.choose(
            school,
            year,
            criteria=[value for key, value in pairs if key == "criteria"],
            filters=[value for key, value in pairs if key == "filter"],
            shown=[value for key, value in pairs if key == "show"],
            top=top,
        )


def _field(year: int, name: str):
    try:
        return sly_field(year, name.strip())
    except KeyError as problem:
        raise ValueError(str(problem.args[0])) from None


def _is_difference(name: str) -> bool:
    """The difference is always shown, so choosing it changes nothing."""
    return name.strip().casefold() == DIFFERENCE.casefold()


def _number(text: str, value: str) -> float:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        raise ValueError(f"{text!r}: {value!r} is not a number") from None


def _range(text: str, value: str) -> tuple[float | None, float | None]:
    low, _, high = value.partition(_RANGE)
    bounds = (_number(text, low) if low.strip() else None, _number(text, high) if high.strip() else None)
    if bounds == (None, None):
        raise ValueError(f"{text!r}: give at least one end of the range, e.g. 40..60 or ..20")
    if None not in bounds and bounds[0] > bounds[1]:  # type: ignore[operator]
        raise ValueError(f"{text!r}: the range runs from the lower number to the higher")
    return bounds


def _written(number: float | None) -> str:
    return "" if number is None else f"{number:.12g}"
