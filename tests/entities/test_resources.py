"""The entity stage's data files: every key is read, and the gazetteer tiers are chosen by name."""

from __future__ import annotations

import pytest

from newsnlp import Pipeline
from newsnlp.data import load_json
from newsnlp.entities.gazetteer import DEFAULT_GAZETTEER_PATH, Gazetteer
from newsnlp.entities.resources import RULES, ReadTracker
from newsnlp.errors import ConfigError


def test_every_key_of_the_rules_file_is_read(seed_text):
    # importing the stage and running it on an article reads the whole file
    nlp = Pipeline(stages=("text", "entities"), config={"entities": {"model": False}})
    nlp(seed_text + "\nPria berinisial VT ditangkap di SMAN 1 Bandung. Ia fasih berbahasa Inggris.")
    assert RULES.unread() == set()


def test_the_tracker_sees_unread_keys():
    t = ReadTracker({"a": 1, "b": {"c": 2, "d": 3}})
    assert t.unread() == {"a", "b", "b.c", "b.d"}
    assert t["b"]["c"] == 2
    assert t.unread() == {"a", "b.d"}
    assert t.unread(depth=1) == {"a"}


def test_every_top_level_key_of_the_compiled_gazetteer_is_read():
    data = ReadTracker(load_json(DEFAULT_GAZETTEER_PATH, cache=False))
    Gazetteer(data)
    assert data.unread(depth=1) == set()
    assert {k for k in data.unread(depth=2) if k.startswith("entries.")} == set()


def test_gazetteer_of_another_format_is_refused():
    data = dict(load_json(DEFAULT_GAZETTEER_PATH, cache=False))
    data["version"] = 99
    with pytest.raises(ConfigError, match="format version 99"):
        Gazetteer(data)


def test_tiers_are_chosen_by_name():
    gaz = Gazetteer.load()
    curated = gaz.tier_ids("curated")
    assert len(curated) == 1
    entry = gaz.lookup("KPK")
    assert gaz.tiers[entry] in curated and gaz.is_curated(entry)
    assert gaz.tier_ids("district") != curated
    with pytest.raises(KeyError, match="unknown gazetteer tier"):
        gaz.tier_ids("no-such-tier")
