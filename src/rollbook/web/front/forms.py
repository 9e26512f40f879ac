"""The period and filter controls on report pages, showing what the URL chose so a view can be bookmarked.

The form only draws the controls: what they ask is read and checked by the report's own question
(`analytics.reports`), the same for the page, the API and the CLI. Given the school, it offers only what
the school's reports can answer: its own year groups, and the terms and half-terms its data has reached.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from django import forms
from django.http import QueryDict

from rollbook.analytics.attendance.pupil_list import BAND_NAMES
from rollbook.analytics.public.family_figures import family_absence
from rollbook.analytics.reports import InvalidRequest
from rollbook.analytics.reports.attendance import three_sixty
from rollbook.analytics.reports.attendance.request import AttendanceQuery, Offered, offered
from rollbook.analytics.reports.base import read_query
from rollbook.lake import Lake
from rollbook.rules.calendar import HALF_TERM_NAMES, TERM_NAMES, academic_year_label
from rollbook.rules.dates import DATE_FORMATS
from rollbook.rules.groups import SEN_LABELS, SEX_LABELS
from rollbook.rules.years import SESSION_MEASURE_YEARS, label

FSM6_CHOICES = [("", "All pupils"), ("yes", "FSM6"), ("no", "Not FSM6")]
EAL_CHOICES = [("", "All pupils"), ("yes", "EAL"), ("no", "Not EAL")]
#: The address's choices of period, which a period's tab replaces; a page of a list starts again too.
PERIOD_CHOICES = ("term", "from_date", "to_date", "latest_week", "academic_year", "page")


class ReportChoice(forms.Form):
    term = forms.ChoiceField(
        label="Period",
        required=False,
        choices=[("", "Year to date, or the dates below")]
        + [(name, f"{name} term") for name in TERM_NAMES]
        + [(name, name) for name in HALF_TERM_NAMES],
    )
    from_date = forms.DateField(label="From", required=False, input_formats=DATE_FORMATS)
    to_date = forms.DateField(label="To", required=False, input_formats=DATE_FORMATS)
    latest_week = forms.BooleanField(label="Latest week only", required=False)
    family = forms.BooleanField(label="Beside schools like yours (public data)", required=False)
    upn = forms.CharField(label="UPN", required=False, max_length=13, widget=forms.HiddenInput)
    # Chosen by a period's tab; kept while the other choices change.
    academic_year = forms.CharField(required=False, max_length=9, widget=forms.HiddenInput)
    year_group = forms.TypedMultipleChoiceField(
        label="Year groups",
        required=False,
        coerce=int,
        choices=[(year, label(year)) for year in SESSION_MEASURE_YEARS],
        widget=forms.CheckboxSelectMultiple,
    )
    sex = forms.ChoiceField(label="Sex", required=False, choices=[("", "All pupils"), *SEX_LABELS.items()])
    fsm6 = forms.ChoiceField(label="FSM6", required=False, choices=FSM6_CHOICES)
    sen = forms.MultipleChoiceField(
        label="SEND", required=False, choices=list(SEN_LABELS.items()), widget=forms.CheckboxSelectMultiple
    )
    eal = forms.ChoiceField(label="EAL", required=False, choices=EAL_CHOICES)
    reg_group = forms.MultipleChoiceField(label="Registration groups", required=False)
    ethnicity = forms.MultipleChoiceField(label="Ethnicity", required=False)
    # The pupil lists only: which year-to-date bands, and the order.
    band = forms.MultipleChoiceField(
        label="Bands", required=False, choices=[(name, name) for name in BAND_NAMES],
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    sort = forms.ChoiceField(label="Sort by", required=False)

    def __init__(self, data=None, school=None, sorts: Mapping[str, str] | None = None) -> None:
        super().__init__(data)
        self.school = school
        self.held: Offered | None = None
        self.fields["sort"].choices = [("", "The list's own order")] + [
            choice for column, heading in (sorts or {}).items()
            for choice in ((column, f"{heading}, lowest first"), (f"-{column}", f"{heading}, highest first"))
        ]  # fmt: skip
        if school is None:
            return
        lake = Lake.configured()
        try:
            self.held = offered(lake, school.urn, school.calendar)
        except LookupError:  # nothing held yet: the page says so, and any choice is as good
            return
        # The choices of the year shown: an earlier one asked for (measured whole, not to date), if held.
        earlier = self._earlier_year()
        held = offered(lake, school.urn, school.calendar, earlier) if earlier else self.held
        # What the address already asks stays offered, so a bookmarked choice can still be seen and undone.
        periods = {"", *held.periods, *self.data.getlist("term")}
        term = self.fields["term"]
        term.choices = [(value, text) for value, text in term.choices if value in periods]
        if earlier:
            term.choices = [
                ("", f"All of {academic_year_label(earlier)}, or the dates below"),
                *term.choices[1:],
            ]
        for name, values in (("reg_group", held.reg_groups), ("ethnicity", held.ethnicities)):
            chosen = [*values, *(value for value in self.data.getlist(name) if value not in values)]
            self.fields[name].choices = [(value, value) for value in chosen]
        years = {*map(str, held.year_groups), *self.data.getlist("year_group")}
        year_group = self.fields["year_group"]
        year_group.choices = [(year, text) for year, text in year_group.choices if str(year) in years]

    def offers_family(self) -> bool:
        """Whether the school's Schools Like Yours family can be set beside it: public data with its absence
        is loaded and the school is in it. A choice the address already makes stays offered, to be undone."""
        if self.data.get("family"):
            return True
        try:
            family_absence(self.school.urn)
        except (LookupError, ValueError):
            return False
        return True

    def period_tabs(self) -> list[dict[str, object]]:
        """The 360's periods (`three_sixty.periods`) as links keeping the pupils chosen, each marked
        `current` when the address asks for it."""
        if self.held is None:
            return []
        pupils = QueryDict(mutable=True)
        for name in self.data:
            if name not in PERIOD_CHOICES:
                pupils.setlist(name, self.data.getlist(name))
        asked = self._period_asked()
        tabs = []
        for name, values in three_sixty.periods(self.held):
            link = pupils.copy()
            link.update(values)
            tabs.append({"label": name, "query": link.urlencode(), "current": values == asked})
        return tabs

    @functools.cached_property
    def _asked(self) -> AttendanceQuery | None:
        """The address's question as the reports read it (once); None when they refuse it."""
        try:
            return read_query(AttendanceQuery, self.data)
        except InvalidRequest:
            return None

    def _earlier_year(self) -> int | None:
        """The earlier academic year held that the address asks for, if it asks for one."""
        year = getattr(self._asked, "academic_year", None)
        held = self.held.academic_years if self.held else ()
        return year if year in held and year != self.held.academic_year else None

    def _period_asked(self) -> dict[str, str] | None:
        """The address's period as a tab names it: its term, and its academic year unless the latest; None
        for dates, a latest week or a choice the report refuses, which no tab names."""
        query = self._asked
        if query is None or query.from_date or query.latest_week:
            return None
        asked = {"term": query.term} if query.term else {}
        if query.academic_year not in (None, self.held.academic_year):
            asked["academic_year"] = academic_year_label(query.academic_year)
        return asked

    def year_span(self) -> str:
        """The year groups offered in words, "Year 7 to Year 11", for a count of the school's pupils."""
        years = [text for _, text in self.fields["year_group"].choices]
        return " to ".join(dict.fromkeys([years[0], years[-1]])) if years else ""
