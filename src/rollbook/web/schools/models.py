"""Schools, the trusts and local authorities they belong to, and their own term dates. Pupil-level facts live
in the lake, not here."""

from __future__ import annotations

from django.db import models

from rollbook.rules.calendar import HALF_TERM_NAMES, HalfTerm, SchoolCalendar, england_default


class Trust(models.Model):
    """A multi-academy trust; its users see each of its schools."""

    uid = models.PositiveIntegerField("group UID", unique=True, help_text="The trust's number in GIAS")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LocalAuthority(models.Model):
    """A local authority; its users see each school with its LA code."""

    code = models.PositiveSmallIntegerField("LA code", unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def schools(self) -> models.QuerySet[School]:
        return School.objects.filter(la_code=self.code)


class School(models.Model):
    urn = models.PositiveIntegerField("URN", unique=True, help_text="Unique reference number")
    la_code = models.PositiveSmallIntegerField("LA code", help_text="Local authority number, e.g. 823")
    estab = models.PositiveSmallIntegerField("Establishment number")
    name = models.CharField(max_length=200)
    phase = models.CharField(max_length=40, blank=True)
    school_type = models.CharField("type", max_length=100, blank=True, help_text="e.g. Academy converter")
    trust = models.ForeignKey(Trust, null=True, blank=True, on_delete=models.SET_NULL, related_name="schools")
    local_authority = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=60, blank=True)
    consecutive_absence_days = models.PositiveSmallIntegerField(
        default=3,
        help_text="Days absent in a row before a pupil is listed for follow-up on the latest days view",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["la_code", "estab"], name="unique_la_estab")]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"

    @property
    def dfe_number(self) -> str:
        """The LA and establishment numbers as schools quote them: 823/4001."""
        return f"{self.la_code}/{self.estab:04d}"

    def calendar(self, academic_year: int) -> SchoolCalendar:
        """The school's own half-terms for the year when all six are set, otherwise England's defaults."""
        # .all() rather than .filter(): a publish prefetches every school's dates in one query.
        own = {h.name: h for h in self.half_terms.all() if h.academic_year == academic_year}
        if set(own) != set(HALF_TERM_NAMES):
            return england_default(academic_year)
        halves = tuple(HalfTerm(name, own[name].start, own[name].end) for name in HALF_TERM_NAMES)
        return SchoolCalendar(academic_year, halves)


class HalfTermDates(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="half_terms")
    academic_year = models.PositiveSmallIntegerField(help_text="First calendar year, e.g. 2024 for 2024/25")
    name = models.CharField(max_length=10, choices=[(n, n) for n in HALF_TERM_NAMES])
    start = models.DateField()
    end = models.DateField()

    class Meta:
        verbose_name = "half-term dates"
        verbose_name_plural = "half-term dates"
        ordering = ["school", "academic_year", "start"]
        constraints = [
            models.UniqueConstraint(fields=["school", "academic_year", "name"], name="one_half_term_per_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.academic_year}: {self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}"
