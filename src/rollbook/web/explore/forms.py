"""The choices on the explore pages, read from the address so every view can be bookmarked: the year and the
area, and each page's own (columns and sort, the scatterplot's two figures, the map's colour, the family's
criteria, filters and fields)."""

from __future__ import annotations

from django import forms

from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.ofsted import FIGURES
from rollbook.rules import local_authorities
from rollbook.rules.local_authorities import REGIONS
from rollbook.rules.public.family import DEFAULT_TOP, MAX_TOP
from rollbook.rules.public.fields import explore_field, measures
from rollbook.rules.public.ofsted import RATINGS
from rollbook.rules.public.schools_like_yours import DISTANCE, criteria_fields, sly_fields
from rollbook.web.schools.models import School, Trust

ENGLAND = "england"
#: The table's figures unless others are chosen: the seed's measures and the intake beside them.
DEFAULT_COLUMNS = (
    "ks4_pupils",
    "attainment8",
    "progress8",
    "basics_4_rate",
    "ebacc_entry_rate",
    "ebacc_4_rate",
    "fsm6_rate",
    "overall_absence_rate",
)
#: The Schools Like Yours fields filtered by picking values (any of those ticked), and how they are named.
CODED_FILTERS = {
    "region": "Region",
    "gender": "Gender",
    "type": "School type",
    "selective": "Selective",
    "ofsted": "Ofsted rating",
}


def measure_choices() -> list[tuple[str, str]]:
    return [(each.key, each.label) for each in measures()]


def area_choices() -> list:
    """England, then the regions, local authorities and trusts (those with schools loaded), grouped."""
    trusts = Trust.objects.filter(schools__isnull=False).distinct().order_by("name")
    return [
        (ENGLAND, "England"),
        ("Regions", [(f"region:{name}", name) for name in REGIONS]),
        (
            "Local authorities",
            sorted(
                ((f"la:{la.code}", la.name) for la in local_authorities.every()), key=lambda pair: pair[1]
            ),
        ),
        ("Trusts", [(f"trust:{trust.uid}", trust.name) for trust in trusts]),
    ]


def area_of(choice: str) -> Area:
    """The area an `area` value names; ValueError for one that names none."""
    kind, _, code = choice.partition(":")
    if kind == ENGLAND:
        return Area.england()
    if kind == "region":
        return Area.region(code)
    if not code.isdigit():
        raise ValueError(f"{choice!r} is not an area")
    if kind == "la":
        try:
            return Area.local_authority(int(code), local_authorities.by_code(int(code)).name)
        except KeyError:
            raise ValueError(f"no local authority has code {code}") from None
    if kind == "trust":
        trust = Trust.objects.filter(uid=int(code)).first()
        if trust is None:
            raise ValueError(f"no trust has UID {code}")
        return Area.trust(
            trust.uid, trust.name, School.objects.filter(trust=trust).values_list("urn", flat=True)
        )
    raise ValueError(f"{choice!r} is not an area")


class AreaChoice(forms.Form):
    year = forms.TypedChoiceField(label="Results year", coerce=int, required=False)
    area = forms.ChoiceField(label="Area", required=False)
    #: What each of the page's own choices is when the address does not say, shown as chosen.
    defaults: dict[str, tuple[str, ...]] = {}

    def __init__(self, data, years: list[int], **kwargs):
        data = data.copy()
        for name, values in self.defaults.items():
            if not data.getlist(name):
                data.setlist(name, list(values))
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [(year, f"{year - 1}/{year % 100:02d}") for year in reversed(years)]
        self.fields["area"].choices = area_choices()
        self.latest = years[-1] if years else None

    def clean_year(self) -> int | None:
        return self.cleaned_data["year"] or self.latest

    def clean_area(self) -> Area:
        try:
            return area_of(self.cleaned_data["area"] or ENGLAND)
        except ValueError as problem:
            raise forms.ValidationError(str(problem)) from None


class TableChoice(AreaChoice):
    defaults = {"columns": DEFAULT_COLUMNS}
    columns = forms.MultipleChoiceField(
        label="Figures shown", required=False, widget=forms.CheckboxSelectMultiple, choices=measure_choices
    )
    sort = forms.CharField(label="Sort by", required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean_columns(self) -> tuple[str, ...]:
        return tuple(self.cleaned_data["columns"])

    def clean_sort(self) -> str:
        """A column key, `-` before it for largest first; the school's name unless another is chosen."""
        sort = self.cleaned_data["sort"].strip() or "name"
        key = sort.removeprefix("-")
        if key not in ("name", "local_authority", "school_type", "ofsted_rating"):
            try:
                explore_field(key)
            except KeyError:
                raise forms.ValidationError(f"{key!r} is not a column") from None
        return sort


class ScatterChoice(AreaChoice):
    defaults = {"x": ("fsm6_rate",), "y": ("attainment8",)}
    x = forms.ChoiceField(label="Across", choices=measure_choices, required=False)
    y = forms.ChoiceField(label="Up", choices=measure_choices, required=False)
    find = forms.CharField(
        label="Pick out a school",
        required=False,
        max_length=100,
        help_text="Its name, or part of it, or its URN",
    )


class MapChoice(AreaChoice):
    defaults = {"colour": ("attainment8",)}
    colour = forms.ChoiceField(label="Colour by", choices=measure_choices, required=False)


class OfstedChoice(AreaChoice):
    defaults = {"spread": ("progress8",)}
    spread = forms.ChoiceField(
        label="Spread of", required=False, choices=[(key, explore_field(key).label) for key in FIGURES]
    )


class FamilyChoice(forms.Form):
    """A family's settings as the page's controls send them; the coded filters by field (any value ticked),
    the distance in km, and any other filter written FIELD=VALUE (as in the address the CLI prints)."""

    school = forms.CharField(
        label="School", required=False, max_length=100, help_text="Its URN, or part of its name to find it"
    )
    year = forms.TypedChoiceField(label="Results year", coerce=int, required=False)
    criteria = forms.MultipleChoiceField(
        label="Similarity criteria", required=False, widget=forms.CheckboxSelectMultiple
    )
    distance = forms.FloatField(label="Within (km)", required=False, min_value=0)
    filter = forms.CharField(
        label="Other filters",
        required=False,
        help_text="FIELD=VALUE, one a line, e.g. Attainment 8, 2019=40..60 or Total pupils=1000..",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    show = forms.MultipleChoiceField(
        label="Fields shown", required=False, widget=forms.CheckboxSelectMultiple
    )
    top = forms.IntegerField(label="Schools in the family", required=False, min_value=1, max_value=MAX_TOP)

    def __init__(self, data, years: list[int], coded: dict[str, tuple[str, ...]], **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [(year, f"{year - 1}/{year % 100:02d}") for year in reversed(years)]
        self.latest = years[-1] if years else None
        self.fields["top"].widget.attrs["placeholder"] = str(DEFAULT_TOP)
        year = self._year()
        if year is not None:
            self.fields["criteria"].choices = [(each.name, each.name) for each in criteria_fields(year)]
            self.fields["show"].choices = [
                (each.name, each.name)
                for each in sly_fields(year)
                if each.name not in ("inResults", DISTANCE)
            ]
        for name, field in CODED_FILTERS.items():
            values = coded.get(field, ())
            if field == "Ofsted rating":
                values = tuple(rating for rating in RATINGS.values() if rating in values)
            self.fields[name] = forms.MultipleChoiceField(
                label=field,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(v, v) for v in values],
            )

    def _year(self) -> int | None:
        try:
            return int(self.data.get("year") or self.latest)
        except (TypeError, ValueError):
            return self.latest

    def clean_year(self) -> int | None:
        return self.cleaned_data["year"] or self.latest

    def clean_top(self) -> int:
        return self.cleaned_data["top"] or DEFAULT_TOP

    def clean_filter(self) -> list[str]:
        # Several `filter` values come from an address written by FamilySettings.query(); the box sends one.
        written = (
            self.data.getlist("filter") if hasattr(self.data, "getlist") else [self.cleaned_data["filter"]]
        )
        return [line.strip() for text in written for line in text.splitlines() if line.strip()]

    def filters(self) -> list[str]:
        """Every filter chosen, as FIELD=VALUE."""
        data = self.cleaned_data
        chosen = [
            f"{field}={'|'.join(data[name])}" for name, field in CODED_FILTERS.items() if data.get(name)
        ]
        if data.get("distance") is not None:
            chosen.append(f"{DISTANCE}={data['distance']:g}")
        return chosen + data["filter"]
