"""The shapes of KS4 figures as reports, downloads and the API give them."""

from __future__ import annotations

from typing_extensions import TypedDict

from rollbook.rules.results.headline import Headline

#: The headline measures in the order reports list them, with their words.
MEASURE_NAMES = {
    "pupils": "Pupils",
    "attainment8": "Attainment 8",
    "progress8": "Progress 8",
    "progress8_ci_low": "Progress 8, lower 95% limit",
    "progress8_ci_high": "Progress 8, upper 95% limit",
    "basics_4_rate": "English and maths at 4+ %",
    "basics_5_rate": "English and maths at 5+ %",
    "ebacc_entry_rate": "EBacc entry %",
    "ebacc_aps": "EBacc average point score",
    "ebacc_4_rate": "EBacc at 4+ %",
    "ebacc_5_rate": "EBacc at 5+ %",
    "attainment8_english": "A8 English element",
    "attainment8_maths": "A8 maths element",
    "attainment8_ebacc": "A8 EBacc element",
    "attainment8_open": "A8 open element",
}


class Ks4Measures(TypedDict):
    """A school's or a group's headline measures: rates as unrounded percentages, averages per pupil;
    the Progress 8 keys are None where it is not calculated."""

    pupils: int
    attainment8: float
    progress8: float | None
    progress8_ci_low: float | None
    progress8_ci_high: float | None
    ebacc_entry_rate: float
    ebacc_aps: float
    ebacc_4_rate: float
    ebacc_5_rate: float
    basics_4_rate: float
    basics_5_rate: float
    attainment8_english: float
    attainment8_maths: float
    attainment8_ebacc: float
    attainment8_open: float


def measures(found: Headline) -> Ks4Measures:
    progress = found.progress8
    return Ks4Measures(
        pupils=found.pupils,
        attainment8=found.attainment8,
        progress8=progress.progress8 if progress else None,
        progress8_ci_low=progress.ci_low if progress else None,
        progress8_ci_high=progress.ci_high if progress else None,
        ebacc_entry_rate=found.ebacc_entry_rate,
        ebacc_aps=found.ebacc_aps,
        ebacc_4_rate=found.ebacc_4_rate,
        ebacc_5_rate=found.ebacc_5_rate,
        basics_4_rate=found.basics_4_rate,
        basics_5_rate=found.basics_5_rate,
        attainment8_english=found.attainment8_english,
        attainment8_maths=found.attainment8_maths,
        attainment8_ebacc=found.attainment8_ebacc,
        attainment8_open=found.attainment8_open,
    )
