"""spaCy vocabularies are emptied when they grow large, without changing any output."""

from __future__ import annotations

from pathlib import Path

import newsnlp.entities.model as model_mod
import newsnlp.text.stage as text_mod
from newsnlp import Pipeline

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tribunjogja_microsoft_tiktok.txt"

TEXTS = [
    "Gubernur Jawa Barat Ridwan Kamil meninjau banjir di Bekasi pada Senin (3/8/2020).",
    "Menteri Keuangan Sri Mulyani mengatakan APBN 2021 defisit Rp1.006,4 triliun.",
    "PSSI memastikan Timnas Indonesia berlaga di Stadion Gelora Bung Karno, Jakarta, pekan depan.",
    EXAMPLE.read_text(encoding="utf-8"),
]


def test_small_vocab_limit_resets_and_changes_nothing(monkeypatch) -> None:
    reference = [a.to_dict() for a in Pipeline().pipe(TEXTS)]
    monkeypatch.setattr(text_mod, "MAX_VOCAB", 50)
    monkeypatch.setattr(model_mod, "MAX_VOCAB", 50)
    nlp = Pipeline()
    text_stage = nlp.get_stage("text")
    model = nlp.get_stage("entities").model
    vocabs, models = set(), set()
    got = []
    for t in TEXTS * 2:
        got.append(nlp(t).to_dict())
        vocabs.add(id(text_stage.vocab))
        models.add(id(model.nlp))
    assert len(vocabs) > 1, "the tokenizer vocabulary was rebuilt"
    assert len(models) > 1, "the model was reloaded with an empty vocabulary"
    assert got == reference * 2
