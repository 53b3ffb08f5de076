"""Inferred publication dates are sanity-checked (issue #19, item 12): a date outside the plausible
window (before 1900, after next year, or far from the day the article was collected when that is
known) never becomes the anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from newsnlp.errors import ConfigError
from newsnlp.pipeline import Pipeline
from newsnlp.temporal import get_tagger, tag_times
from newsnlp.temporal.published import plausible_window
from newsnlp.temporal.stage import TimeStage
from tests.temporal.helpers import find


def test_a_typo_year_is_not_the_anchor():
    text = "Diperbarui 18/6/2926 09:00 WIB\nWarga datang Sabtu (15/4)."
    times, published = tag_times(text)
    assert published is None
    assert find(times, "Sabtu (15/4)").value == "XXXX-04-15"


def test_a_birth_date_before_1900_is_not_the_anchor():
    text = "Pahlawan itu lahir Rabu (29/11/1899). Warga memperingatinya Sabtu (15/4/2023)."
    _, published = tag_times(text)
    assert published == "2023-04-15"


def test_dates_far_from_the_collection_day_are_rejected():
    text = "Warga datang Senin (3/8/2020) ke balai desa."
    assert tag_times(text)[1] == "2020-08-03"
    assert tag_times(text, reference_date=dt.date(2025, 6, 20))[1] is None
    assert tag_times(text, reference_date=dt.date(2020, 8, 20))[1] == "2020-08-03"
    assert tag_times(text, reference_date=dt.date(2020, 8, 1))[1] is None  # after the scrape: impossible


def test_the_window():
    lex = get_tagger().lex
    lo, hi = plausible_window(lex, today=dt.date(2026, 3, 1))
    assert (lo, hi) == (dt.date(1900, 1, 1), dt.date(2027, 12, 31))
    lo, hi = plausible_window(lex, dt.date(2025, 6, 20), today=dt.date(2026, 3, 1))
    assert (lo, hi) == (dt.date(2024, 6, 19), dt.date(2025, 6, 21))


def test_reference_date_as_a_stage_option():
    nlp = Pipeline(stages=("time",), config={"time": {"reference_date": "2025-06-20"}})
    art = nlp("Warga datang Senin (3/8/2020) ke balai desa.")
    assert art.metadata.published is None
    art = nlp("Warga datang Rabu (18/6/2025) ke balai desa.")
    assert art.metadata.published == "2025-06-18"
    with pytest.raises(ConfigError, match="reference_date"):
        TimeStage(reference_date="kemarin")
