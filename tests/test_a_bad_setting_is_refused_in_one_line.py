"""A setting Rollbook cannot use stops it with one line naming the variable, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from rollbook import config


@pytest.mark.parametrize(
    ("variable", "value", "reader", "message"),
    [
        ("ROLLBOOK_MIN_GROUP_PUPILS", "five", config.min_group_pupils, "must be a whole number, not 'five'"),
        ("ROLLBOOK_MIN_GROUP_PUPILS", "0", config.min_group_pupils, "must be at least 1, not 0"),
        (
            "ROLLBOOK_MIN_COMPARATOR_SCHOOLS",
            "-3",
            config.min_comparator_schools,
            "must be at least 1, not -3",
        ),
        ("ROLLBOOK_ENGINE", "postgres", config.engine, "must be one of duckdb, spark, not 'postgres'"),
    ],
)
def test_a_bad_value_names_the_variable_and_what_it_must_be(monkeypatch, variable, value, reader, message):
    monkeypatch.setenv(variable, value)
    with pytest.raises(config.ConfigurationError, match=f"^{variable} {message}"):
        reader()


def test_an_unset_or_blank_setting_takes_its_default(monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_GROUP_PUPILS", " ")
    monkeypatch.delenv("ROLLBOOK_ENGINE", raising=False)
    assert config.min_group_pupils() == 5
    assert config.engine() == "duckdb"


def test_a_yes_or_no_setting_takes_the_usual_words(monkeypatch):
    for word, meaning in (("Yes", True), ("on", True), ("1", True), ("off", False), ("FALSE", False)):
        monkeypatch.setenv("ROLLBOOK_DEBUG", word)
        assert config.flag("ROLLBOOK_DEBUG") is meaning
    monkeypatch.setenv("ROLLBOOK_DEBUG", "perhaps")
    with pytest.raises(config.ConfigurationError, match="ROLLBOOK_DEBUG must be 1 or 0"):
        config.flag("ROLLBOOK_DEBUG")


@pytest.mark.slow  # the command runs in a fresh process
def test_the_command_stops_with_one_line(data_dir):
    environment = {**os.environ, "ROLLBOOK_LOG_LEVEL": "loud"}
    finished = subprocess.run(
        [sys.executable, "-m", "rollbook", "publish"], env=environment, capture_output=True, text=True
    )
    assert finished.returncode != 0
    assert finished.stderr.strip().splitlines() == [
        "rollbook: ROLLBOOK_LOG_LEVEL must be one of debug, info, warning, error, critical, not 'loud'"
    ]
