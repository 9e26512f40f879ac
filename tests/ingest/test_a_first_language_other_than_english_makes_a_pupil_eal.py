"""EAL comes from the first language (LanguageType F): anything but English, believed English, not obtained
or refused."""

import pytest

from tests.support.mis_exports import ANN, ctf_pupil, import_one, pupils_in, write_ctf


def languages(*pairs: tuple[str, str]) -> str:
    types = "".join(
        f"<Type><LanguageType>{kind}</LanguageType><Language>{language}</Language></Type>"
        for kind, language in pairs
    )
    return f"<NCyearActual>4</NCyearActual><Languages>{types}</Languages>"


@pytest.mark.parametrize(
    ("first_language", "eal"),
    [("ENG", False), ("ENB", False), ("NOT", False), ("REF", False), ("POL", True), ("URD", True)],
)
def test_the_first_language_decides_eal(tmp_path, lake, first_language, eal):
    path = write_ctf(tmp_path, ctf_pupil(ANN, details=languages(("F", first_language))))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["eal"] is eal


def test_only_the_first_language_counts(tmp_path, lake):
    path = write_ctf(tmp_path, ctf_pupil(ANN, details=languages(("H", "POL"), ("F", "ENG"))))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["eal"] is False


def test_no_first_language_leaves_eal_unknown(tmp_path, lake):
    path = write_ctf(tmp_path, ctf_pupil(ANN, details="<NCyearActual>4</NCyearActual>"))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["eal"] is None
