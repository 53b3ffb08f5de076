"""Long and adversarial inputs: the entities stage stays linear and its offsets exact.

The time bound below is a guard against quadratic steps (a 200k-character input took minutes
before they were removed), not a speed figure; speed is measured in benchmarks/entities_stage.py.
"""

from __future__ import annotations

import time
from itertools import pairwise

import pytest

from newsnlp import Pipeline
from newsnlp.entities.model import _chunks
from newsnlp.entities.textutil import pieces
from tests.conftest import assert_offsets


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(stages=("text", "entities"))


def adversarial_text(size: int = 200_000) -> str:
    """Whitespace runs, a capitalised word repeated, a titled name repeated, all on few lines."""
    parts = [
        "Jakarta" + "\n" * 5000,
        " " * 5000 + "\t" * 2000,
        "Jakarta " * 2500,
        "Presiden Joko Widodo " * 2500,
        "Komisi Pemberantasan Korupsi (KPK) dan Piala Dunia 2022 bertemu Satya Nadella. " * 400,
    ]
    text = "".join(parts)
    return (text * (size // len(text) + 1))[:size]


def test_pieces_of_whitespace_runs_are_linear_and_exact():
    text = "Jakarta" + "\n" * 100_000 + "Bandung  \u00a0 Sleman\n"
    t = time.process_time()
    ps = pieces(text)
    assert time.process_time() - t < 2.0
    assert [text[p.start : p.end] for p in ps] == ["Jakarta", "Bandung", "Sleman"]
    assert [p.newline for p in ps] == [False, True, False]
    assert [p.glued for p in ps] == [False, False, False]
    ps = pieces("di(Jakarta),Kota\tBatu")
    assert [(p.start, p.end, p.glued) for p in ps] == [
        (0, 2, False),
        (2, 3, True),
        (3, 10, True),
        (10, 11, True),
        (11, 12, True),
        (12, 16, True),
        (17, 21, False),
    ]


def test_adversarial_200k_input_finishes_quickly(nlp):
    text = adversarial_text()
    assert len(text) == 200_000
    t = time.perf_counter()
    art = nlp(text)
    assert time.perf_counter() - t < 10.0
    assert_offsets(art)
    # the repeated names are found and grouped into one entity each
    jokowi = [e for e in art.entities if e.text == "Joko Widodo"]
    assert len(jokowi) > 1000
    assert len({e.entity_id for e in jokowi}) == 1
    assert all(e.title == "Presiden" for e in jokowi[:50])
    kpk = [e for e in art.entities if e.text == "KPK"]
    assert kpk and len({e.entity_id for e in kpk}) == 1
    spans = [(e.start, e.end) for e in art.entities]
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_long_line_is_cut_into_chunks_for_the_model():
    words = (["Presiden", "Joko", "Widodo", "datang", "."] * 3000)[:14_999]
    idx = list(range(len(words)))
    chunks = _chunks(words, idx, 5000)
    assert [i for c in chunks for i in c] == idx  # nothing lost, nothing repeated, in order
    assert all(len(c) <= 5000 for c in chunks)
    assert all(words[c[-1]] == "." for c in chunks[:-1])  # cut after a sentence end
    assert _chunks(words, idx[:100], 5000) == [idx[:100]]
    # no sentence end at all: hard cuts at the limit
    flat = ["Jakarta"] * 12_000
    assert [len(c) for c in _chunks(flat, list(range(12_000)), 5000)] == [5000, 5000, 2000]


def test_long_line_mentions_match_short_line_mentions(nlp):
    sentence = "Presiden Joko Widodo bertemu CEO Microsoft Satya Nadella di Jakarta. "
    short = nlp(sentence)
    long_text = sentence * 1500  # one line of about 15k tokens: three model chunks
    art = nlp(long_text)
    assert_offsets(art)
    want = [(e.start, e.end, e.label) for e in short.entities]
    n = len(sentence)
    for k in (0, 700, 1499):  # the start, the middle and the end of the line
        got = [
            (e.start - k * n, e.end - k * n, e.label) for e in art.entities if k * n <= e.start < (k + 1) * n
        ]
        assert got == want


def test_model_decodes_long_capitalised_lines_in_short_chunks(monkeypatch):
    """``"Budi "`` repeated: one line of capitalised words is decoded as many short Docs side by
    side (the decoder's Python step per token of the longest Doc made it 57 s/MB), and a line with
    no letter (``"([{‹"`` repeated) is not decoded at all."""
    from newsnlp.entities import model as model_mod

    model = model_mod.NerModel.load()
    lengths: list[int] = []
    decode = model._decode

    def spy(docs):
        lengths.extend(len(d) for d in docs)
        return decode(docs)

    monkeypatch.setattr(model, "_decode", spy)
    words = ["Budi"] * 3000
    model.predict([(words, [True] * len(words))])
    assert lengths and max(lengths) <= model_mod.MAX_CHUNK_TOKENS and sum(lengths) == 3000
    lengths.clear()
    marks = list("([{\u2039") * 500
    model.predict([(marks, [False] * len(marks))])
    assert lengths == []


def test_grouping_indexes_few_parts_of_a_very_long_person_span():
    """A model PER span of thousands of words is indexed by its first and last few words only."""
    from newsnlp.entities.gazetteer import Gazetteer
    from newsnlp.entities.grouping import PART_WORDS, group
    from newsnlp.entities.mention import Mention

    text = "Budi " * 20000 + "Budi Santoso dan Santoso."
    long = Mention(0, len("Budi " * 20000) - 1, "PER", "model", 0.8, 4)
    a = len("Budi " * 20000)
    ms = [long, Mention(a, a + 12, "PER", "model", 0.8, 4), Mention(a + 17, a + 24, "PER", "rule", 0.7, 1)]
    t = time.process_time()
    out = group(text, ms, Gazetteer.load())
    assert time.process_time() - t < 5.0  # quadratic indexing took minutes at this length
    assert PART_WORDS < 10
    assert out[2].entity_id == out[1].entity_id  # Santoso joins Budi Santoso
