"""The TempEval-3 style scorer of ``evaluation/time.py`` (no shared data needed: documents are built here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "evaluation" / "time.py"


@pytest.fixture(scope="module")
def te():
    spec = importlib.util.spec_from_file_location("evaluation_time", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _g(start, end, type_="DATE", value="2025-06-18", anchor="absolute"):
    return {"start": start, "end": end, "type": type_, "value": value, "anchor": anchor, "mod": None}


def test_scores_follow_tempeval3(te):
    text = "x" * 100
    gold = [_g(0, 10), _g(20, 30, "TIME", "2025-06-18T10:00"), _g(40, 50), _g(60, 70)]
    pred = [
        _g(0, 10),  # exact, right value
        _g(20, 25, "DATE", "2025-06-18"),  # overlap only, wrong value and type
        _g(40, 50, value="2025-06-19", anchor="published"),  # exact, wrong value and anchor
        _g(80, 90),  # false alarm; gold 60-70 is missed
    ]
    r = te.score([{"id": "d", "text": text, "gold": gold}], lambda doc: pred)
    assert (r["gold"], r["system"]) == (4, 4)
    assert r["strict"] == pytest.approx((0.5, 0.5, 0.5))
    assert r["relaxed"] == pytest.approx((0.75, 0.75, 0.75))
    # attribute F1 = relaxed F1 x attribute accuracy (one right value of three relaxed pairs)
    assert r["value_acc"] == pytest.approx(1 / 3)
    assert r["value_f1"] == pytest.approx(0.75 / 3)
    assert r["type_acc"] == pytest.approx(2 / 3)
    assert r["type_f1"] == pytest.approx(0.5)
    assert r["anchor_acc"] == pytest.approx(2 / 3)


def test_an_exact_span_is_paired_before_an_overlapping_one(te):
    gold = [_g(10, 30)]
    pred = [_g(5, 15, value="2025-01-01"), _g(10, 30)]
    r = te.score([{"id": "d", "text": "x" * 40, "gold": gold}], lambda doc: pred)
    assert r["strict"][2] == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert r["value_acc"] == 1.0


def test_every_named_set_exists(te):
    for name in te.SETS.values():
        path = te.HERE / (name if name != "sentences" else "sentences.jsonl")
        assert path.exists(), path
