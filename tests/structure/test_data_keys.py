"""Every key of the structure stage's data files (and of the one outlet source) is read."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import newsnlp
from newsnlp.data import load_json
from newsnlp.structure.cascade import CHECKS, load_rules
from newsnlp.structure.config import StructureConfig
from newsnlp.structure.resources import load_resources

SRC = Path(newsnlp.__file__).resolve().parent


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))


def test_every_pattern_key_is_read():
    code = (SRC / "structure" / "resources.py").read_text(encoding="utf-8")
    code += (SRC / "structure" / "context.py").read_text(encoding="utf-8")
    for key in load_json("structure", "patterns.json"):
        if key.startswith("_"):
            continue
        assert re.search(rf"pat(?:\.get\()?\[?\(?\"{re.escape(key)}\"", code), key


def test_every_outlet_key_is_read():
    code = _source()
    for key in load_json("outlets", "outlets.json"):
        if not key.startswith("_"):
            assert f'"{key}"' in code or f"'{key}'" in code, key


def test_every_threshold_is_a_config_field():
    names = {f.name for f in fields(StructureConfig)}
    keys = {k for k in load_json("structure", "config.json") if not k.startswith("_")}
    assert keys == names


def test_every_cascade_rule_names_a_known_pattern_or_check():
    r = load_resources()
    table = load_json("structure", "cascade.json")["rules"]
    for row in table:
        if "check" in row:
            assert row["check"] in CHECKS
        else:
            assert getattr(r, row["pattern"], None) is not None, row
    assert len(load_rules(r)) == len(table)
