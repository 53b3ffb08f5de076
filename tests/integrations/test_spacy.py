"""spaCy interoperability: Article.to_spacy(), DocBin round trip and the pipeline components."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from newsnlp.integrations.spacy import doc_to_article, to_docbin
from newsnlp.record import Article, Token
from tests.integrations.corpus import invented_items

ODD_SPACES = (
    "Banjir  melanda Bekasi.\n\nWarga mengungsi ke masjid pada Senin (3/8/2020).\t Air surut sore harinya."
)


@pytest.fixture(scope="module")
def seed_article(default_pipeline, seed_text):
    return default_pipeline(seed_text)


@pytest.fixture(scope="module")
def blank_id():
    return spacy.blank("id")  # slow to build: once per module


def test_doc_reproduces_text_and_tokens(default_pipeline):
    art = default_pipeline(ODD_SPACES)
    doc = art.to_spacy()
    assert isinstance(doc, Doc)
    assert doc.text == art.text
    words = [t for t in doc if t._.stem is not None or not t.is_space]
    assert [t.text for t in words] == [t.text for t in art.tokens]
    assert [t.idx for t in words] == [t.start for t in art.tokens]
    assert any(t.is_space and "\n\n" in t.text for t in doc)  # the blank line is a whitespace token
    # spaCy sentences carry the whitespace tokens that follow them
    assert [(s.start_char, s.text.rstrip()) for s in doc.sents] == [(s.start, s.text) for s in art.sentences]
    times = doc.spans["times"]
    assert (times[0].text, times[0]._.timex_value, times[0].label_) == (
        "Senin (3/8/2020)",
        "2020-08-03",
        "DATE",
    )


def test_seed_layers(seed_article):
    art = seed_article
    doc = art.to_spacy(vocab=Vocab())
    assert doc.text == art.text
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Microsoft", "ORG") in ents
    trump = next(e for e in doc.ents if e.text == "Trump")
    assert trump._.canonical == "Donald Trump"
    assert trump.kb_id_ == (next(e.kb_id for e in art.entities if e.text == "Trump") or "")
    assert trump._.entity_id == next(e.entity_id for e in art.entities if e.text == "Trump")
    assert len(doc.spans["entities"]) == len(art.entities)
    assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["segments"]] == [
        (s.start, s.end, s.label) for s in art.segments
    ]
    assert [s._.timex_value for s in doc.spans["times"]] == [t.value for t in art.times]
    assert "2020-08-02" in {s._.timex_value for s in doc.spans["times"]}
    assert len(list(doc.sents)) == len(art.sentences)
    nya = [t for t in doc if t._.clitic == "nya"]
    assert nya and all(t.text.lower().endswith("nya") for t in nya)
    assert doc._.newsnlp_metadata["title"] == art.metadata.title
    assert doc._.newsnlp_metadata["stages"] == art.stages


def test_heads_become_a_parse():
    art = Article(
        text="Warga   mengungsi.",
        tokens=[
            Token(0, 5, "Warga", head=1, deprel="nsubj"),
            Token(8, 17, "mengungsi", head=1, deprel="root"),
            Token(17, 18, ".", head=1, deprel="punct"),
        ],
    )
    doc = art.to_spacy()
    assert doc.text == art.text
    assert [t.dep_ for t in doc if not t.is_space] == ["nsubj", "root", "punct"]
    assert doc[0].head.text == "mengungsi"


def test_docbin_round_trip(seed_article, default_pipeline):
    arts = [seed_article, *default_pipeline.pipe(invented_items(3))]
    data = to_docbin(arts).to_bytes()
    docs = list(DocBin().from_bytes(data).get_docs(Vocab()))
    assert len(docs) == len(arts)
    for doc, art in zip(docs, arts):
        assert doc.text == art.text
        back = doc_to_article(doc)
        assert back.entities == art.entities
        assert back.times == art.times
        assert back.segments == art.segments
        assert back.metadata == art.metadata
        assert [(s.start, s.end) for s in back.sentences] == [(s.start, s.end) for s in art.sentences]
        assert [(t.start, t.end, t.stem, t.clitic, t.is_stop, t.sentence) for t in back.tokens] == [
            (t.start, t.end, t.stem, t.clitic, t.is_stop, t.sentence) for t in art.tokens
        ]


def test_entry_points_declared():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"newsnlp_time", "newsnlp_structure", "newsnlp_entities"} <= names


def test_components_in_a_blank_pipeline(blank_id, default_pipeline):
    nlp = blank_id
    for name in ("newsnlp_entities", "newsnlp_time", "newsnlp_structure"):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    text = (
        "SURABAYA, KOMPAS.com - Wali Kota Eri Cahyadi meninjau banjir di Surabaya, Selasa (4/8/2020). "
        "Ia berjanji memperbaiki saluran air dalam dua minggu.\n\n"
        "Baca juga: Banjir Rendam Ratusan Rumah di Sidoarjo"
    )
    doc = nlp(text)
    ref = default_pipeline(text)
    assert doc.text == text
    assert [(s.text, s._.timex_value) for s in doc.spans["times"]] == [(t.text, t.value) for t in ref.times]
    assert ("Selasa (4/8/2020)", "2020-08-04") in [(s.text, s._.timex_value) for s in doc.spans["times"]]
    assert [(s.label_, s.start_char, s.end_char) for s in doc.spans["segments"]] == [
        (s.label, s.start, s.end) for s in ref.segments
    ]
    assert "related" in {s.label_ for s in doc.spans["segments"]}
    assert [(e.start_char, e.text, e.label_) for e in doc.ents] == [
        (e.start, e.text, e.label) for e in ref.entities
    ]
    assert ("Surabaya", "LOC") in {(e.text, e.label_) for e in doc.ents}
    # the structure component ran last and labelled the entity and time spans with their segment
    assert {e._.segment for e in doc.ents} <= {s.label for s in ref.segments}
    assert doc.spans["times"][0]._.segment == ref.times[0].segment
    assert doc._.newsnlp_metadata["published"] == "2020-08-04"


def test_time_component_published_config(blank_id):
    nlp = type(blank_id)(vocab=blank_id.vocab)  # a second pipeline, cheap on the same vocab
    nlp.add_pipe("newsnlp_time", config={"published": "2021-03-10"})
    doc = nlp("Rapat akan digelar besok di Balai Kota.")
    assert [(s.text, s._.timex_value) for s in doc.spans["times"]] == [("besok", "2021-03-11")]
