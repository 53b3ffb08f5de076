"""The record: contract shape, JSON round trip, clean text."""

from __future__ import annotations

import json

from newsnlp.record import Article, Entity, Metadata, Segment, Sentence, TimeExpression, Token


def sample() -> Article:
    text = "Breaking News:\nTrump bertemu Nadella di AS, Minggu (2/8/2020)."
    return Article(
        text=text,
        metadata=Metadata(
            title="Judul", authors=["Bunga Kartikasari"], published="2020-08-03", published_source="given"
        ),
        sentences=[Sentence(15, len(text), text[15:], segment="body")],
        tokens=[
            Token(15, 20, "Trump", stem="Trump", sentence=0, ent="PER"),
            Token(21, 28, "bertemu", stem="temu"),
        ],
        entities=[
            Entity(15, 20, "Trump", "PER", canonical="Donald Trump", entity_id=0, score=0.9, title="Presiden")
        ],
        times=[TimeExpression(44, 61, "Minggu (2/8/2020)", "DATE", "2020-08-02", "absolute", flags=["x"])],
        segments=[Segment(0, 14, "Breaking News:", "kicker"), Segment(15, len(text), text[15:], "body")],
        stages=["text"],
    )


def test_contract_keys():
    d = sample().to_dict()
    assert {"text", "language", "metadata", "sentences", "tokens", "entities", "times", "segments"} <= set(d)
    assert set(d["metadata"]) >= {
        "title",
        "authors",
        "editors",
        "sources",
        "publisher",
        "published",
        "published_source",
        "url",
    }
    assert set(d["tokens"][0]) >= {"start", "end", "text", "stem", "is_stop", "lemma", "pos", "sentence"}
    assert set(d["entities"][0]) >= {
        "start",
        "end",
        "text",
        "label",
        "canonical",
        "entity_id",
        "kb_id",
        "score",
    }
    assert set(d["times"][0]) >= {"start", "end", "text", "type", "value", "anchor"}
    assert set(d["segments"][0]) >= {"start", "end", "text", "label"}
    assert d["language"] == "id"


def test_offsets_of_sample():
    art = sample()
    for span in art.spans():
        assert art.text[span.start : span.end] == span.text


def test_json_round_trip():
    art = sample()
    again = Article.from_json(art.to_json())
    assert again.to_dict() == art.to_dict()
    assert json.loads(art.to_json()) == art.to_dict()


def test_clean_text_is_title_lead_body():
    art = sample()
    assert art.clean_text == art.text[15:]
    assert art.to_dict()["clean_text"] == art.clean_text


def test_segment_at_prefers_innermost():
    art = Article(
        text="x" * 20, segments=[Segment(0, 20, "x" * 20, "caption"), Segment(10, 20, "x" * 10, "credit")]
    )
    assert art.segment_at(12, 14) == "credit"
    assert art.segment_at(2, 4) == "caption"
    assert art.segment_at(25) is None


def test_segment_rule_is_the_structure_stages():
    # a span crossing from the lead into the body belongs to the lead (where it starts); a span
    # that begins in a gap belongs to the first segment starting inside it; a dateline counts
    # only for what it holds whole
    text = "JAKARTA - Banjir melanda. Warga mengungsi ke masjid."
    segs = [
        Segment(0, 25, text[0:25], "lead"),
        Segment(0, 7, text[0:7], "dateline"),
        Segment(26, 52, text[26:52], "body"),
    ]
    art = Article(text=text, segments=segs)
    assert art.segment_at(0, 7) == "dateline"
    assert art.segment_at(0, 9) == "lead"
    assert art.segment_at(20, 30) == "lead"
    assert art.segment_at(25, 31) == "body"
    art.entities = [Entity(0, 7, "JAKARTA", "LOC"), Entity(26, 31, "Warga", "MISC")]
    from newsnlp.structure import assign_segments

    assign_segments(art)
    assert [e.segment for e in art.entities] == [art.segment_at(0, 7), art.segment_at(26, 31)]
    assert [e.segment for e in art.entities] == ["dateline", "body"]


def test_pickle_round_trip_is_exact_and_drops_scratch() -> None:
    import pickle

    from newsnlp import Pipeline

    text = (
        "Jakarta, KOMPAS.com - Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang, "
        "Jawa Barat, Rabu (31/7/2024).\n\nPeresmian itu dihadiri Menteri PUPR Basuki Hadimuljono."
    )
    art = Pipeline()(text)
    art.scratch["note"] = object()  # working state: not part of the record
    back = pickle.loads(pickle.dumps(art, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == art
    assert back.to_dict() == art.to_dict()
    assert back.scratch == {}
    assert back.tokens and type(back.tokens[0]) is Token
    assert back.entities and back.times and back.segments


def test_repr_is_short(seed_text):
    """``repr(Article)`` is one line (a list of articles in a notebook stays readable)."""
    from newsnlp.api import get_default_pipeline

    art = get_default_pipeline()(seed_text)
    text = repr(art)
    assert len(text) < 300 and "\n" not in text
    assert f"tokens={len(art.tokens)}" in text and "entities=" in text and "2,750 chars" in text
    assert len(repr([art, art])) < 700
