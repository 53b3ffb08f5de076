"""The quotes scorer (evaluation/quotes.py) on invented articles and spans: no shared data read."""

from __future__ import annotations

import json

import pytest

TEXT = 'Harga beras naik, kata Budi Santoso. "Kami siap menambah stok," ujar dia. Menurut Ani, stok aman.'


def span(text: str, snippet: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(snippet, start + 1)
    return {"start": start, "end": start + len(snippet)}


def quote(kind, content, cue=None, speaker=None, canonical=None, segment="body", text=TEXT, **extra):
    q = dict(span(text, content), type=kind, segment=segment, speaker_canonical=canonical)
    q["cue"] = span(text, cue) if cue else None
    q["speaker"] = span(text, speaker) if speaker else None
    q.update(extra)
    return q


GOLD = [
    quote("indirect", "Harga beras naik", "kata", "Budi Santoso", "Budi Santoso"),
    quote("direct", "Kami siap menambah stok", "ujar", "dia", "Budi Santoso"),
    quote("indirect", "stok aman", "Menurut", "Ani", "Ani Wulandari", speaker_aliases=["Ani"]),
]


def test_trim_drops_edge_punctuation_and_quotation_marks(scorer):
    start = TEXT.index('"Kami')
    end = TEXT.index('," ujar') + 2
    assert TEXT[slice(*scorer.trim(TEXT, start, end))] == "Kami siap menambah stok"
    assert scorer.trim(TEXT, 0, 0) == (0, 0)


def test_exact_match_ignores_a_final_comma_or_mark_but_not_a_shorter_span(scorer):
    with_comma = dict(GOLD[1], end=GOLD[1]["end"] + 2)  # `stok,"`
    shorter = dict(GOLD[1], end=GOLD[1]["end"] - 5)
    assert scorer.match_quotes(TEXT, [GOLD[1]], [with_comma], "exact") == [(0, 0)]
    assert scorer.match_quotes(TEXT, [GOLD[1]], [shorter], "exact") == []
    assert scorer.match_quotes(TEXT, [GOLD[1]], [shorter], "overlap") == [(0, 0)]


def test_overlap_pairs_one_to_one_largest_overlap_first(scorer):
    big = quote("direct", "Kami siap menambah")
    small = quote("direct", "stok")  # the second `stok`, inside the gold quote
    pairs = scorer.match_quotes(TEXT, [GOLD[1]], [small, big], "overlap")
    assert pairs == [(0, 1)]
    touching = {"start": GOLD[0]["end"], "end": GOLD[0]["end"] + 5, "type": "indirect"}
    assert scorer.match_quotes(TEXT, [GOLD[0]], [touching], "overlap") == []


def test_perfect_prediction_scores_one_everywhere(scorer):
    result = scorer.evaluate([("a1", TEXT, GOLD, [dict(q) for q in GOLD])])
    report = result["report"]
    assert report["detection"]["all"]["exact"]["f1"] == 1.0
    assert report["matched"]["all"]["entity"] == 1.0
    assert report["end_to_end"]["f1"] == 1.0
    assert result["errors"] == []


def test_counts_misses_spurious_types_and_speakers(scorer):
    pred = [
        # right span, wrong type, speaker mention overlapping only, entity right (case and spaces)
        dict(quote("direct", "Harga beras naik", "kata", "Budi", " budi   santoso ")),
        # right span and type, wrong speaker entity, no cue found
        quote("direct", "Kami siap menambah stok", None, "dia", "Ani Wulandari"),
        # spurious: `naik` inside the first gold quote, which is already paired
        quote("direct", "naik"),
    ]  # the third gold quote (`stok aman`) is missed
    report = scorer.evaluate([("a1", TEXT, GOLD, pred)])["report"]
    det = report["detection"]
    assert det["all"]["overlap"]["tp"] == 2 and det["all"]["overlap"]["gold"] == 3
    assert det["all"]["overlap"]["pred"] == 3
    assert det["all"]["overlap"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    # per type the gold indirect `Harga beras naik` has no indirect prediction
    assert det["indirect"]["overlap"]["tp"] == 0
    assert det["direct"]["overlap"]["tp"] == 1  # `Kami siap ...`; `naik` overlaps nothing direct in gold
    m = report["matched"]["all"]
    assert m["n"] == 2
    assert m["type"] == 0.5
    assert m["cue_exact"] == 0.5
    assert m["speaker_exact"] == 0.5 and m["speaker_overlap"] == 1.0
    assert m["entity"] == 0.5
    assert report["end_to_end"]["tp"] == 1


def test_speaker_entity_nulls_and_aliases(scorer):
    gold = GOLD[2]
    assert scorer.speaker_entity_ok(gold, {"speaker_canonical": "ani wulandari"})
    assert not scorer.speaker_entity_ok(gold, {"speaker_canonical": "Ani"})
    assert scorer.speaker_entity_ok(gold, {"speaker_canonical": "Ani"}, lenient=True)
    unnamed = dict(gold, speaker_canonical=None)
    assert scorer.speaker_entity_ok(unnamed, {"speaker_canonical": None})
    assert scorer.speaker_entity_ok(unnamed, {"speaker_canonical": ""})
    assert not scorer.speaker_entity_ok(unnamed, {"speaker_canonical": "Ani"})


def test_own_view_keeps_the_article_text_and_maps_lead_to_body(scorer):
    gold = [GOLD[0], dict(GOLD[2], segment="boilerplate")]
    pred = [dict(GOLD[0], segment="lead"), dict(GOLD[2], segment="related")]
    own = scorer.evaluate([("a1", TEXT, gold, pred)], view="own")["report"]
    assert own["detection"]["all"]["exact"]["gold"] == 1
    assert own["detection"]["all"]["exact"]["pred"] == 1
    assert own["matched"]["all"]["segment"] == 1.0
    every = scorer.evaluate([("a1", TEXT, gold, pred)], view="all")["report"]
    assert every["detection"]["all"]["exact"]["tp"] == 2
    assert every["matched"]["all"]["segment"] == 0.5  # boilerplate vs related


def test_prf_without_predictions_or_gold(scorer):
    assert scorer.prf(0, 0, 0)["f1"] == 0.0
    assert scorer.prf(0, 0, 5)["recall"] == 0.0


def test_pipeline_without_quotes_stage_fails_clearly(scorer, monkeypatch):
    import newsnlp

    class FakePipeline:
        stage_names = ["text", "entities", "time", "structure"]

    monkeypatch.setattr(newsnlp, "Pipeline", FakePipeline)
    with pytest.raises(scorer.ScorerError, match="no quotes stage"):
        scorer.predict_with_pipeline({"a1": TEXT})


def test_pipeline_output_is_scored_in_dict_form(scorer, monkeypatch):
    import newsnlp

    class FakeRecord:
        def __init__(self, text):
            self.text = text

        def to_dict(self):
            return {"text": self.text, "quotes": [dict(GOLD[1], text="Kami siap menambah stok")]}

    class FakePipeline:
        stage_names = ["text", "entities", "time", "structure", "quotes"]

        def __call__(self, text, html=None):
            return FakeRecord(text)

    monkeypatch.setattr(newsnlp, "Pipeline", FakePipeline)
    preds = scorer.predict_with_pipeline({"a1": TEXT})
    assert preds["a1"][0]["type"] == "direct"


def test_main_scores_saved_predictions(scorer, tmp_path, monkeypatch, capsys):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "quotes": GOLD}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "a1", "quotes": GOLD[:2]}) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    monkeypatch.setattr(scorer, "DATA", articles)
    code = scorer.main(["--gold", str(gold), "--pred", str(pred), "--json", str(out), "--errors", "5"])
    assert code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["own"]["detection"]["all"]["overlap"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert "[missed] a1" in capsys.readouterr().out


def test_main_reports_missing_data(scorer, tmp_path, monkeypatch, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "quotes": []}) + "\n", encoding="utf-8")
    monkeypatch.setattr(scorer, "DATA", tmp_path / "nowhere.jsonl")
    assert scorer.main(["--gold", str(gold), "--pred", str(gold)]) == 2
    assert "articles not found" in capsys.readouterr().err
