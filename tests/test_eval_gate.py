"""The mechanics of the quality gate (``tests/eval_gate.py``) on a stand-in evaluation script:
floors fail a drop, ``--update`` raises and never lowers, ``--lower`` lowers, a missing script is
skipped, a failing one fails the gate."""

from __future__ import annotations

import json

import pytest

from tests import eval_gate

SCRIPT = """
import json, sys
from pathlib import Path
args = sys.argv[1:]
if {fail!r}:
    sys.exit(3)
Path(args[args.index("--json") + 1]).write_text(json.dumps({{"a": {{"f1": {value}}}, "b": [0.1, {value}]}}))
"""


@pytest.fixture
def gate(tmp_path, monkeypatch):
    monkeypatch.setattr(eval_gate, "DATA", tmp_path)  # "the data is present"
    baseline = tmp_path / "baseline.json"

    def run(value: float, *flags: str, fail: bool = False, script: bool = True) -> tuple[int, dict]:
        path = tmp_path / "score.py"
        if script:
            path.write_text(SCRIPT.format(value=value, fail=fail), encoding="utf-8")
        elif path.exists():
            path.unlink()
        check = eval_gate.Check("fake", str(path), (), {"fake/f1": "a/f1", "fake/second": "b/1"})
        monkeypatch.setattr(eval_gate, "CHECKS", (check,))
        code = eval_gate.main(["--baseline", str(baseline), *flags])
        floors = json.loads(baseline.read_text())["floors"] if baseline.exists() else {}
        return code, floors

    return run


def test_floors_are_set_raised_and_never_lowered_by_update(gate):
    assert gate(0.81234, "--update") == (0, {"fake/f1": 0.8123, "fake/second": 0.8123})
    assert gate(0.8124)[0] == 0  # at or above the floor
    assert gate(0.8122)[0] == 1  # below: the gate fails
    code, floors = gate(0.8122, "--update")
    assert code == 1 and floors["fake/f1"] == 0.8123  # --update alone never lowers
    assert gate(0.9, "--update")[1]["fake/f1"] == 0.9  # raised in one command


def test_lowering_needs_the_explicit_flag(gate):
    gate(0.9, "--update")
    code, floors = gate(0.85, "--update", "--lower")
    assert code == 0 and floors["fake/f1"] == 0.85


def test_a_failing_script_fails_and_a_missing_one_is_skipped(gate):
    assert gate(0.5, fail=True)[0] == 1
    assert gate(0.5, script=False)[0] == 0


def test_paths_into_the_json():
    data = {"newsdev-PER/ORG/LOC": {"ALL": {"f": 0.5}}, "x": [[1, 2.5]]}
    assert eval_gate._get(data, "newsdev-PER/ORG/LOC/ALL/f") == 0.5
    assert eval_gate._get(data, "x/0/1") == 2.5
    assert eval_gate.floor_of(0.99999) == 0.9999 and eval_gate.floor_of(1.0) == 1.0
