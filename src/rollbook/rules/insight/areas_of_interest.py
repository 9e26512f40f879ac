"""Areas of interest: the sentences whose rules fire on a school's figures, section by section, each with the
figures it read and why it fired, and "nothing significant to report" for a section where none fires
(docs/curriculum-and-insight.md, "Areas of interest").

A rule fires when every one of its tests holds in the latest year and, for a rule over two or three years,
in each year before it; and when every figure it reads is about at least its smallest group of pupils (11).
A rule that lists items (subjects, subject areas, elements, year groups) names each item all its tests hold
for, and fires when there is at least one. A rule over a longer run replaces the shorter one's sentence for
the same items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rollbook.rules.calendar import academic_year_label
from rollbook.rules.comparison import Significance
from rollbook.rules.insight.figures import MEASURES, Figure, Unit
from rollbook.rules.insight.quintiles import HIGHEST, LOWEST
from rollbook.rules.insight.sentences import ITEMS, SENTENCES, YEARS, Among, Check, Section, SentenceRule
from rollbook.rules.results import subjects

NOTHING_TO_REPORT = "There was nothing significant to report."
_EDGES = {HIGHEST: "the highest 20%", LOWEST: "the lowest 20%"}

#: The figures of one year: by measure, then by item (None for the whole school).
Index = dict[str, dict[str | None, Figure]]


@dataclass(frozen=True)
class Finding:
    rule: SentenceRule
    text: str
    #: The figures it read, each with its earlier years: what "why am I seeing this" links to.
    figures: tuple[Figure, ...]
    #: Why it fired: each test, in each year, with the figure it read.
    why: str


@dataclass(frozen=True)
class SectionFindings:
    section: Section
    findings: tuple[Finding, ...]

    @property
    def message(self) -> str | None:
        """What the section says in place of sentences when none fired."""
        return None if self.findings else NOTHING_TO_REPORT


def areas_of_interest(
    figures: Iterable[Figure], year: int, rules: Sequence[SentenceRule] = SENTENCES
) -> tuple[SectionFindings, ...]:
    """Every section, in order, with the sentences that fire on the school's figures for `year`."""
    index = _index(figures, year)
    fired = {rule.key: items for rule in rules if (items := _firing(rule, index, year))}
    replaced: dict[str, set[str | None]] = {}
    for rule in rules:
        for other in rule.supersedes:
            replaced.setdefault(other, set()).update(fired.get(rule.key, ()))
    found: dict[Section, list[Finding]] = {section: [] for section in Section}
    for rule in rules:
        if items := [i for i in fired.get(rule.key, ()) if i not in replaced.get(rule.key, set())]:
            found[rule.section].append(_finding(rule, items, index, year))
    return tuple(SectionFindings(section, tuple(findings)) for section, findings in found.items())


def _index(figures: Iterable[Figure], year: int) -> Index:
    index: Index = {}
    for figure in figures:
        if figure.measure not in MEASURES:
            raise ValueError(f"no measure is called {figure.measure!r}")
        if figure.year != year:
            continue
        by_item = index.setdefault(figure.measure, {})
        if figure.item in by_item:
            about = f" in {figure.item}" if figure.item is not None else ""
            raise ValueError(f"two figures for {figure.measure}{about} in {academic_year_label(year)}")
        by_item[figure.item] = figure
    return index


def _firing(rule: SentenceRule, index: Index, year: int) -> list[str | None]:
    """The items the rule fires for; [None] for a rule about the whole school that fires."""
    if not rule.lists_items:
        return [None] if _holds_for(rule, index, None, year) else []
    first = index.get(rule.conditions[0].measure, {})
    return [item for item in first if item is not None and _among(rule.among, item)
            and _holds_for(rule, index, item, year)]  # fmt: skip


def _among(among: Among, item: str) -> bool:
    if among is Among.ALL:
        return True
    in_ebacc = subjects.BY_KEY[item].pillar is not subjects.Pillar.NONE
    return in_ebacc if among is Among.EBACC_SUBJECTS else not in_ebacc


def _holds_for(rule: SentenceRule, index: Index, item: str | None, year: int) -> bool:
    for condition in rule.conditions:
        figure = _figure(index, condition.measure, item)
        for back in range(rule.years):
            then = figure.in_year(year - back) if figure else None
            if then is None or then.pupils < rule.smallest_group or not _holds(condition.check, then):
                return False
    shown = [_figure(index, measure, None) for measure in _shown_measures(rule)]
    return all(figure is not None and figure.pupils >= rule.smallest_group for figure in shown)


def _figure(index: Index, measure: str, item: str | None) -> Figure | None:
    """The figure for the item; for the whole school, the measure's one figure (which may name an item, as
    the EBacc barrier names its subject area)."""
    figures = index.get(measure, {})
    if item is not None:
        return figures.get(item)
    if len(figures) > 1:
        raise ValueError(f"{measure} has figures for several items; a whole-school sentence reads one")
    return next(iter(figures.values()), None)


def _holds(check: Check, figure: Figure) -> bool:
    match check:
        case Check.HIGHEST_20 | Check.LOWEST_20:
            return figure.quintile == (HIGHEST if check is Check.HIGHEST_20 else LOWEST)
        case Check.SIMILAR_HIGHEST_20 | Check.SIMILAR_LOWEST_20:
            return figure.similar_quintile == (HIGHEST if check is Check.SIMILAR_HIGHEST_20 else LOWEST)
        case Check.SIGNIFICANTLY_ABOVE:
            return figure.significance is Significance.ABOVE
        case Check.SIGNIFICANTLY_BELOW:
            return figure.significance is Significance.BELOW
        case Check.AT_OR_ABOVE_NATIONAL:
            return figure.national is not None and figure.value >= figure.national
        case Check.BELOW_NATIONAL:
            return figure.national is not None and figure.value < figure.national
    raise ValueError(f"no test is called {check!r}")


def _shown_measures(rule: SentenceRule) -> list[str]:
    return [name for name in rule.placeholders if name not in (YEARS, ITEMS)]


def _finding(rule: SentenceRule, items: list[str | None], index: Index, year: int) -> Finding:
    values = {YEARS: years_phrase(year, rule.years)}
    if rule.lists_items:
        measure = rule.conditions[0].measure
        values[ITEMS] = listed([_shown(index[measure][item]) for item in items])
    for measure in _shown_measures(rule):
        values[measure] = _shown(_figure(index, measure, None))
    read = [_figure(index, c.measure, item) for item in items for c in rule.conditions]
    read += [_figure(index, measure, None) for measure in _shown_measures(rule)]
    figures = tuple(dict.fromkeys(figure for figure in read if figure is not None))
    return Finding(rule, rule.words.format(**values), figures, _why(rule, items, index, year))


def _shown(figure: Figure | None) -> str:
    if figure is None:
        raise ValueError("a sentence shows a figure it was not given")
    measure = MEASURES[figure.measure]
    value = measure.shown(figure.value)
    return f"{measure.item_name(figure.item)} ({value})" if figure.item is not None else value


def _why(rule: SentenceRule, items: list[str | None], index: Index, year: int) -> str:
    """Each year's tests, item by item, with the figures they read; then the figures the words show."""
    tested = [
        (c.check, figure)
        for item in items
        for c in rule.conditions
        if (figure := _figure(index, c.measure, item))
    ]
    tested_measures = {c.measure for c in rule.conditions}
    shown = [
        (None, figure)
        for measure in _shown_measures(rule)
        if measure not in tested_measures and (figure := _figure(index, measure, None))
    ]
    years = []
    for back in range(rule.years):
        then = [(check, f) for check, latest in tested if (f := latest.in_year(year - back)) is not None]
        clauses = [_explain(check, figure) for check, figure in then + (shown if back == 0 else [])]
        years.append(f"in {academic_year_label(year - back)}, " + "; ".join(clauses))
    return (
        f"Shown because {'; and '.join(years)}. Rule {rule.key}: it speaks only of figures about "
        f"{rule.smallest_group} pupils or more."
    )


def _explain(check: Check | None, figure: Figure) -> str:
    """How the figure met the test; with no test, the figure itself."""
    measure = MEASURES[figure.measure]
    about = measure.name + (f" in {measure.item_name(figure.item)}" if figure.item is not None else "")
    value = measure.shown(figure.value)
    if measure.unit is not Unit.PUPILS:
        value += f", {figure.pupils:,} pupils"
    national = measure.shown(figure.national) if figure.national is not None else "not known"
    match check:
        case Check.HIGHEST_20 | Check.LOWEST_20:
            return f"{about} ({value}) was in quintile {_quintile(figure.quintile)} of all schools"
        case Check.SIMILAR_HIGHEST_20 | Check.SIMILAR_LOWEST_20:
            among = "schools with a similar level of deprivation"
            return f"{about} ({value}) was in quintile {_quintile(figure.similar_quintile)} of {among}"
        case Check.SIGNIFICANTLY_ABOVE | Check.SIGNIFICANTLY_BELOW:
            low, high = (measure.shown(end) for end in figure.interval or ())
            interval = f"95% interval {low} to {high}"
            return f"{about} ({value}, {interval}) was {figure.significance} national ({national})"
        case Check.AT_OR_ABOVE_NATIONAL:
            return f"{about} ({value}) was at or above national ({national})"
        case Check.BELOW_NATIONAL:
            return f"{about} ({value}) was below national ({national})"
    return f"{about} was {measure.shown(figure.value)} ({figure.pupils:,} pupils)"


def _quintile(quintile: int | None) -> str:
    return f"{quintile} ({_EDGES[quintile]})" if quintile in _EDGES else str(quintile)


def years_phrase(year: int, run: int) -> str:
    """A run of years in words: "in 2018/19", "in 2018/19 as well as 2017/18", "in each of 2016/17, 2017/18
    and 2018/19"."""
    labels = [academic_year_label(year - back) for back in range(run)]
    if run == 1:
        return f"in {labels[0]}"
    if run == 2:
        return f"in {labels[0]} as well as {labels[1]}"
    return "in each of " + listed(labels[::-1])


def listed(words: Sequence[str]) -> str:
    """Words as a list in a sentence: "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
