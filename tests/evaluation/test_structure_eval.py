"""``evaluation/structure.py`` finds gold articles by id in news-dev (``devNNNN``) and news-raw (``rawN``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("_eval_structure", ROOT / "evaluation" / "structure.py")
ev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ev)


@pytest.fixture
def corpora(tmp_path, monkeypatch):
    dev = tmp_path / "dev.jsonl"
    raw = tmp_path / "raw.jsonl"
    dev.write_text(
        "\n".join(json.dumps({"id": f"dev{n:04d}", "outlet": "x", "text": f"dev text {n}"}) for n in range(3))
        + "\n",
        encoding="utf-8",
    )
    raw.write_text(
        "\n".join(json.dumps({"source": "s", "outlet": "y", "text": f"raw text {n}"}) for n in range(5))
        + "\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(ev, "DATA", dev)
    monkeypatch.setattr(ev, "RAW", raw)


def test_raw_ids_are_line_numbers(corpora):
    rows = ev.load_articles({"dev0001", "raw0", "raw4"})
    assert rows["dev0001"]["text"] == "dev text 1"
    assert rows["raw0"]["text"] == "raw text 0"
    assert rows["raw4"]["text"] == "raw text 4"
    assert rows["raw4"]["id"] == "raw4"


def test_unknown_id_is_an_error(corpora):
    with pytest.raises(KeyError):
        ev.load_articles({"raw9"})


def test_each_split_has_its_gold_file():
    assert ev.SPLIT_GOLD["fresh2"].name == "gold_fresh2.jsonl"
    assert ev.SPLIT_GOLD["heldout"] == ev.SPLIT_GOLD["fresh"]


def test_fresh2_gold_is_well_formed():
    labels = {
        "title", "kicker", "teaser", "dateline", "lead", "body", "subheading", "caption", "credit",
        "related", "pagination", "byline", "source_link", "boilerplate", "copyright",
    }  # fmt: skip
    rows = [json.loads(line) for line in ev.SPLIT_GOLD["fresh2"].open(encoding="utf-8")]
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["split"] == "fresh2" and r["source"] in ("news-dev", "news-raw")
        numbers = [n for n, _ in r["lines"]]
        assert numbers == sorted(set(numbers))
        assert all(lab in labels for _, lab in r["lines"])
        assert all(0 <= s < e and lab in ("dateline", "credit") for s, e, lab in r["spans"])
        assert "text" not in r
