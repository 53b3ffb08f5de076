"""Scoring of ``evaluation/html_peer.py`` (trafilatura's snippet scoring) on invented snippets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"_eval_{name}", ROOT / "evaluation" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


hp = _load("html_peer")


def test_norm_collapses_whitespace():
    assert hp.norm("  alpha \n\t beta\u00a0 gamma\n\n") == "alpha beta gamma"


def test_found_with_and_missing_without():
    item = {"with": ["the river rose", "second paragraph"], "without": ["Sign up now"]}
    assert hp.count_snippets(item, "Intro. The river rose. the river rose fast. second paragraph") == (
        2,
        0,
        0,
        1,
    )


def test_counts_a_false_positive_and_a_false_negative():
    item = {"with": ["kept text", "lost text"], "without": ["menu item", "footer line"]}
    # tp, fp, fn, tn
    assert hp.count_snippets(item, "kept text then menu item") == (1, 1, 1, 1)


def test_match_is_whitespace_normalised_on_both_sides():
    item = {"with": ["a  line\nbroken"], "without": ["cookie\tbanner"]}
    assert hp.count_snippets(item, "a line   broken and a cookie banner") == (1, 1, 0, 0)


def test_match_is_case_sensitive_substring():
    item = {"with": ["Exact Case"], "without": []}
    assert hp.count_snippets(item, "exact case") == (0, 0, 1, 0)


@pytest.mark.parametrize("result", [None, 42])
def test_a_failed_extraction_is_a_full_miss(result):
    item = {"with": ["a", "b"], "without": ["c"]}
    assert hp.count_snippets(item, result) == (0, 0, 2, 1)


def test_confusion_scores_by_hand():
    cm = hp.Confusion()
    cm.add((2, 1, 0, 3))
    cm.add((4, 1, 3, 5))
    assert (cm.tp, cm.fp, cm.fn, cm.tn) == (6, 2, 3, 8)
    assert cm.precision() == pytest.approx(6 / 8)
    assert cm.recall() == pytest.approx(6 / 9)
    assert cm.accuracy() == pytest.approx(14 / 19)
    assert cm.f1() == pytest.approx(12 / 17)


def test_confusion_empty_is_zero():
    cm = hp.Confusion()
    assert (cm.precision(), cm.recall(), cm.accuracy(), cm.f1()) == (0.0, 0.0, 0.0, 0.0)


def _pages():
    return [
        ("u1", b"<p>one</p>", {"with": ["body one"], "without": ["nav one"]}),
        ("u2", b"<p>two</p>", {"with": ["body two", "more two"], "without": ["nav two"]}),
        ("u3", b"<p>three</p>", {"with": ["body three"], "without": ["nav three"]}),
    ]


def test_score_pages_counts_exceptions_and_empty_results_as_misses():
    outputs = {
        b"<p>one</p>": "body one nav one",
        b"<p>two</p>": "",
    }

    def extract(page: bytes):
        if page not in outputs:
            raise UnicodeDecodeError("utf-8", page, 0, 1, "invented")
        return outputs[page]

    run = hp.score_pages("x", extract, _pages())
    assert run.pages == 3
    assert run.exceptions == {"UnicodeDecodeError": 1}
    assert run.empty == 1
    c = run.confusion
    assert (c.tp, c.fp, c.fn, c.tn) == (1, 1, 3, 2)
    assert run.per_page["u3"] == {"counts": (0, 0, 1, 1), "error": "UnicodeDecodeError"}
    summary = run.summary()
    assert summary["pages_with_exception"] == 1
    assert summary["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_losses_rank_pages_by_snippets_lost_against_the_peer():
    good = {b"<p>one</p>": "body one", b"<p>two</p>": "body two more two", b"<p>three</p>": "body three"}
    bad = {b"<p>one</p>": "body one nav one", b"<p>two</p>": "nav two", b"<p>three</p>": "body three"}
    peer = hp.score_pages("peer", good.get, _pages())
    base = hp.score_pages("base", bad.get, _pages())
    rows = hp.losses(base, peer, 5)
    assert [(url, gap) for url, gap, *_ in rows] == [("u2", 3), ("u1", 1)]
    assert hp.losses(base, peer, 1)[0][0] == "u2"


def test_metadata_comparisons():
    assert hp.same_title("  Judul  Berita\n", "Judul Berita")
    assert not hp.same_title(None, "Judul")
    assert hp.same_authors(["budi santoso", "Ani"], ["Ani", "Budi Santoso"])
    assert not hp.same_authors(["Ani"], ["Ani", "Budi"])
    assert hp.same_date("2022-12-10T13:19:56+07:00", "2022-12-10T13:19:00+07:00")
    assert hp.same_date("2022-12-10", "2022-12-10T13:19:56+07:00")
    assert not hp.same_date(None, "2022-12-10")
    assert hp.same_minute("2022-12-10 13:19", "2022-12-10T13:19:56+07:00")
    assert not hp.same_minute("2022-12-10", "2022-12-10T13:19:56+07:00")
