"""The ``linguistic`` stage end to end on tiny stanza models trained by the project.

The models in ``tests/fixtures/stanza_tiny/`` are trained by ``training/stanza/train_tiny.py``
(a few steps, tiny dimensions): their annotations are poor, but they go through the same loading
path as stanza's real models (resources directory, ``resources.json``, ``download_method=None``).
"""

from __future__ import annotations

import builtins
import json

import pytest

from newsnlp import Pipeline
from newsnlp.errors import ModelNotFoundError, NewsNLPError

from .conftest import TINY_MODELS

SENTENCES = (
    "Pihaknya belum menyetujui rencana pembangunan jalan tol itu. "
    "Menurutnya, harga beras di Jakarta naik sejak Senin (3/8/2020). "
    "Warga mengeluhkannya kepada pemerintah daerah"
)

UPOS = {
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CCONJ",
    "DET",
    "INTJ",
    "NOUN",
    "NUM",
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
}


@pytest.fixture(scope="module")
def tiny_pipeline():
    pytest.importorskip("stanza")
    return Pipeline(stages=("text", "linguistic"), config={"linguistic": {"model_dir": str(TINY_MODELS)}})


def _roots_and_acyclic(article) -> None:
    by_sentence: dict[int, list[int]] = {}
    for i, tok in enumerate(article.tokens):
        by_sentence.setdefault(tok.sentence, []).append(i)
    for members in by_sentence.values():
        roots = [i for i in members if article.tokens[i].head is None]
        assert len(roots) == 1, [(article.tokens[i].text, article.tokens[i].head) for i in members]
        for i in members:
            seen = set()
            node = i
            while article.tokens[node].head is not None:
                assert node not in seen, "cycle in heads"
                seen.add(node)
                node = article.tokens[node].head
                assert node in members, "head outside the sentence"
            assert node == roots[0]


def test_fixture_is_a_stanza_resources_dir():
    resources = json.loads((TINY_MODELS / "resources.json").read_text(encoding="utf-8"))
    for proc in ("mwt", "pos", "lemma", "depparse"):
        package = resources["id"]["default_processors"][proc]
        assert (TINY_MODELS / "id" / proc / f"{package}.pt").is_file()


def test_every_token_gets_pos_lemma_and_a_tree(tiny_pipeline):
    art = tiny_pipeline(SENTENCES)
    assert art.stages == ["text", "linguistic"]
    assert len(art.sentences) == 3
    assert art.tokens
    for tok in art.tokens:
        assert tok.pos in UPOS, tok
        assert isinstance(tok.lemma, str) and tok.lemma, tok
        assert tok.deprel, tok
        assert art.text[tok.start : tok.end] == tok.text
    _roots_and_acyclic(art)
    assert [t.text for t in art.tokens][:2] == ["Pihaknya", "belum"]
    record = art.to_dict()
    assert {"lemma", "pos", "head", "deprel"} <= set(record["tokens"][0])
    assert record["text"] == SENTENCES


def test_clitic_tokens_go_through_the_mwt_expander(tiny_pipeline):
    from newsnlp.linguistic.alignment import article_to_document

    stage = tiny_pipeline.get_stage("linguistic")
    assert stage.mwt == "clitic"
    art = tiny_pipeline.make_article("Pihaknya menolak, katanya. Rumah itu dijual.")
    tiny_pipeline.get_stage("text").process(art)
    doc = stage.nlp([article_to_document(art, stage.mwt)])[0]
    words = {t.text: [w.text for w in t.words] for s in doc.sentences for t in s.tokens}
    # "pihaknya" and "katanya" are multi-word tokens of the training slice: the expander's
    # dictionary splits them; tokens without an enclitic are never handed to it
    assert words["Pihaknya"] == ["Pihak", "nya"] and words["katanya"] == ["kata", "nya"]
    assert words["menolak"] == ["menolak"] and words["dijual"] == ["dijual"]
    unsplit = stage.nlp([article_to_document(art, "none")])[0]
    assert all(len(t.words) == 1 for s in unsplit.sentences for t in s.tokens)
    stage.process(art)
    pihak = art.tokens[0]
    assert pihak.text == "Pihaknya" and pihak.lemma in ("pihak", "Pihak", "nya")
    assert all(t.pos and t.lemma for t in art.tokens)
    assert [t.text for t in art.tokens] == [
        "Pihaknya",
        "menolak",
        ",",
        "katanya",
        ".",
        "Rumah",
        "itu",
        "dijual",
        ".",
    ]
    _roots_and_acyclic(art)


def test_batches_and_empty_articles(tiny_pipeline):
    texts = ["Harga cabai naik lagi.", "", "Presiden meresmikan bendungan baru di Jawa Tengah."]
    arts = list(tiny_pipeline.pipe(texts, batch_size=8))
    assert [a.text for a in arts] == texts
    assert arts[1].tokens == []
    for art in (arts[0], arts[2]):
        assert all(t.pos in UPOS for t in art.tokens)
        _roots_and_acyclic(art)
    one = tiny_pipeline(texts[2])
    assert [(t.lemma, t.pos, t.head) for t in one.tokens] == [
        (t.lemma, t.pos, t.head) for t in arts[2].tokens
    ]


def test_without_depparse_heads_stay_empty():
    pytest.importorskip("stanza")
    nlp = Pipeline(
        stages=("text", "linguistic"),
        config={"linguistic": {"model_dir": str(TINY_MODELS), "processors": "tokenize,mwt,pos,lemma"}},
    )
    art = nlp("Pihaknya belum menyetujui rencana itu.")
    assert all(t.pos in UPOS and t.lemma for t in art.tokens)
    assert all(t.head is None and t.deprel is None for t in art.tokens)


def test_missing_models_say_how_to_get_them(tmp_path):
    pytest.importorskip("stanza")
    with pytest.raises(ModelNotFoundError) as info:
        Pipeline(stages=("text", "linguistic"), config={"linguistic": {"model_dir": str(tmp_path)}})
    message = str(info.value)
    assert "pip install 'newsnlp[stanza]'" in message
    assert "newsnlp models download" in message
    assert str(tmp_path) in message and "model_dir" in message
    assert isinstance(info.value, NewsNLPError) and isinstance(info.value, FileNotFoundError)


def test_resources_without_the_model_files(tmp_path):
    pytest.importorskip("stanza")
    (tmp_path / "resources.json").write_text(
        (TINY_MODELS / "resources.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "id").mkdir()
    with pytest.raises(ModelNotFoundError, match="newsnlp models download"):
        Pipeline(stages=("text", "linguistic"), config={"linguistic": {"model_dir": str(tmp_path)}})


def test_without_stanza_installed(monkeypatch, tmp_path):
    real_import = builtins.__import__

    def no_stanza(name, *args, **kwargs):
        if name == "stanza" or name.startswith("stanza."):
            raise ImportError("No module named 'stanza'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_stanza)
    with pytest.raises(
        ModelNotFoundError, match=r"(?s)stanza is not installed.*pip install 'newsnlp\[stanza\]'"
    ):
        Pipeline(stages=("text", "linguistic"), config={"linguistic": {"model_dir": str(tmp_path)}})


def test_long_sentences_are_parsed_in_pieces():
    pytest.importorskip("stanza")
    nlp = Pipeline(
        stages=("text", "linguistic"),
        config={"linguistic": {"model_dir": str(TINY_MODELS), "max_sentence_tokens": 4}},
    )
    art = nlp("Harga cabai dan bawang merah di pasar tradisional Yogyakarta naik lagi")
    assert len(art.sentences) == 1 and len(art.tokens) == 11
    assert all(t.pos in UPOS and t.lemma for t in art.tokens)
    pieces = [range(0, 4), range(4, 8), range(8, 11)]
    for piece in pieces:  # each piece of at most 4 tokens is a tree of its own
        roots = [i for i in piece if art.tokens[i].head is None]
        assert len(roots) == 1
        assert all(art.tokens[i].head in piece for i in piece if art.tokens[i].head is not None)
    with pytest.raises(NewsNLPError, match="max_sentence_tokens"):
        Pipeline(
            stages=("text", "linguistic"),
            config={"linguistic": {"model_dir": str(TINY_MODELS), "max_sentence_tokens": 0}},
        )


def test_enrich_many_finds_models_through_the_environment(monkeypatch):
    pytest.importorskip("stanza")
    from newsnlp import enrich_many

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(TINY_MODELS))
    texts = ["Pihaknya menolak usulan itu.", "Harga beras naik."]
    arts = list(enrich_many(texts, stages=("text", "linguistic"), progress=False))
    assert [a.text for a in arts] == texts
    for art in arts:
        assert art.stages == ["text", "linguistic"]
        assert all(t.pos in UPOS and t.lemma for t in art.tokens)
        _roots_and_acyclic(art)


def test_writes_only_the_layers_it_declares(tiny_pipeline):
    from tests.stage_contract import check_declared_writes

    seen = check_declared_writes(tiny_pipeline, "Pihaknya belum menyetujui rencana itu. Ia pulang.")
    assert "linguistic: tokens.lemma" in seen and "linguistic: tokens.pos" in seen
