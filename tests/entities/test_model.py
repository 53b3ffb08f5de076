"""Tests of the shipped statistical NER model (``newsnlp.entities.model``).

The model is loaded from the package (``newsnlp/data/ner_model``), never from ``../shared``.
Sentences are tokenized here with a small regex (the model only needs words); most are written in
the style of the seed example ``examples/tribunjogja_microsoft_tiktok.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsnlp.entities.model import (
    DEFAULT_MODEL_PATH,
    MODEL_LABELS,
    ModelMention,
    NerModel,
    WhitespaceTokenizer,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tribunjogja_microsoft_tiktok.txt"
_TOKEN = re.compile(r"\n|\w+(?:[-.'’]\w+)*|[^\w\s]")


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Words (line breaks kept as tokens) and whether a space follows each."""
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    spaces = [m.end() < len(text) and text[m.end()] == " " for m in matches]
    return words, spaces


def mentions_text(model: NerModel, text: str) -> list[tuple[str, str]]:
    """(surface words joined by spaces, label) of the model's mentions in ``text``."""
    words, spaces = tokenize(text)
    [mentions] = model.predict([(words, spaces)])
    return [(" ".join(words[m.start : m.end]), m.label) for m in mentions]


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel.load()


def test_ships_inside_the_package(model: NerModel) -> None:
    assert DEFAULT_MODEL_PATH.is_dir()
    assert "shared" not in DEFAULT_MODEL_PATH.parts
    assert (DEFAULT_MODEL_PATH / "scores.json").is_file()
    # trained on NERP (EVENT) and curated product names in all corpora (PRODUCT) too
    assert set(model.labels) == set(MODEL_LABELS) == {"PER", "ORG", "LOC", "EVENT", "PRODUCT"}
    # the cheap tokenizer, not spaCy's Indonesian one with its 16k exceptions
    assert isinstance(model.nlp.tokenizer, WhitespaceTokenizer)
    assert model.nlp.pipe_names == ["tok2vec", "ner"]


def test_finds_the_seed_example_entities(model: NerModel) -> None:
    found = mentions_text(
        model,
        "Raksasa teknologi Amerika, Microsoft mengonfirmasi bahwa mereka akan melanjutkan pembicaraan "
        "tentang membeli aplikasi TikTok dari ByteDance, perusahaan China.",
    )
    assert ("Microsoft", "ORG") in found
    assert ("China", "LOC") in found

    found = mentions_text(
        model,
        "CEO Microsoft, Satya Nadella melakukan pembicaraan dengan Presiden Donald Trump tentang "
        "akuisisi pada hari Minggu (2/8/2020).",
    )
    assert ("Satya Nadella", "PER") in found
    # titles stay outside PER spans
    assert ("Donald Trump", "PER") in found

    found = mentions_text(
        model,
        "Ilustrasi TikTok di tengah perseteruan Amerika Serikat yang dipimpin Donald Trump dengan "
        "China yang dikomandoi Xi Jinping.",
    )
    assert ("Amerika Serikat", "LOC") in found
    assert ("Donald Trump", "PER") in found


def test_seed_example_file(model: NerModel) -> None:
    words, spaces = tokenize(EXAMPLE.read_text(encoding="utf-8"))
    [mentions] = model.predict([(words, spaces)])
    found = {(" ".join(words[m.start : m.end]), m.label) for m in mentions}
    assert ("Satya Nadella", "PER") in found
    assert ("Nadella", "PER") in found
    assert ("Donald Trump", "PER") in found
    assert ("Microsoft", "ORG") in found
    assert ("Amerika Serikat", "LOC") in found or ("China", "LOC") in found


def test_everyday_indonesian_news(model: NerModel) -> None:
    found = mentions_text(
        model,
        "Gubernur Jawa Tengah Ganjar Pranowo meninjau banjir di Kota Semarang bersama pejabat "
        "Kementerian Pekerjaan Umum, Senin pagi.",
    )
    labels = dict(found)
    assert labels.get("Ganjar Pranowo") == "PER"
    assert labels.get("Kota Semarang") == "LOC"
    assert labels.get("Kementerian Pekerjaan Umum") == "ORG"
    found = mentions_text(
        model, "Tak hanya itu, Microsoft sedang mencari cara membeli layanan itu di AS dan Kanada."
    )
    assert ("Microsoft", "ORG") in found
    assert ("AS", "LOC") in found
    assert not any(w in {"Gubernur", "Senin"} for text, _ in found for w in text.split())


def test_spans_are_valid(model: NerModel) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    words, spaces = tokenize(text)
    # blank tokens in the middle of a line (double spaces, non-breaking spaces) are allowed too
    words[5:5] = ["\u00a0"]
    spaces[5:5] = [False]
    [mentions] = model.predict([(words, spaces)])
    assert mentions, "the seed example has entities"
    last_end = 0
    for m in mentions:
        assert isinstance(m, ModelMention)
        assert 0 <= m.start < m.end <= len(words)
        assert m.start >= last_end, "mentions are sorted and do not overlap"
        last_end = m.end
        assert m.label in MODEL_LABELS
        assert 0.0 <= m.score <= 1.0
        assert not words[m.start].isspace() and not words[m.end - 1].isspace()
        assert "\n" not in words[m.start : m.end], "no mention crosses a line break"


def test_deterministic_and_batch_independent(model: NerModel) -> None:
    docs = [
        tokenize("Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo."),
        tokenize(EXAMPLE.read_text(encoding="utf-8")),
        ([], []),
        tokenize("Bank Indonesia menahan suku bunga acuan."),
    ]
    first = model.predict(docs)
    second = model.predict(docs, batch_size=1)
    assert first == second
    assert first[2] == []
    assert [model.predict([d])[0] for d in docs] == first


def test_mismatched_input_is_rejected(model: NerModel) -> None:
    with pytest.raises(ValueError):
        model.predict([(["Jakarta", "hujan"], [True])])


def test_load_from_explicit_path_and_missing_path(tmp_path: Path) -> None:
    assert NerModel.load(DEFAULT_MODEL_PATH).labels
    with pytest.raises(FileNotFoundError):
        NerModel.load(tmp_path / "nope")


def test_line_starts_split_lines_without_whitespace_tokens(model: NerModel) -> None:
    # newsnlp's tokenizer leaves whitespace out: line breaks come as token indices instead
    text = "techcrunch.com\nMicrosoft mengonfirmasi pembicaraan dengan ByteDance.\nJakarta Pusat"
    words, spaces = tokenize(text)
    starts, kept_words, kept_spaces = set(), [], []
    for w, s in zip(words, spaces):
        if w == "\n":
            starts.add(len(kept_words))
            continue
        kept_words.append(w)
        kept_spaces.append(s)
    [mentions] = model.predict([(kept_words, kept_spaces)], line_starts=[starts])
    for m in mentions:
        inner = set(range(m.start + 1, m.end))
        assert not inner & starts, f"{kept_words[m.start : m.end]} crosses a line break"
    with pytest.raises(ValueError):
        model.predict([(kept_words, kept_spaces)], line_starts=[])


def test_context_fast_path_matches_whole_lines(model: NerModel) -> None:
    # the model reads only the stretches around capitalised tokens; its names are the same
    text = (
        "Menurut laporan yang dirilis pada pekan ini, harga beras di sejumlah pasar tradisional naik "
        "cukup tajam karena pasokan dari daerah sentra produksi berkurang akibat musim kemarau yang "
        "panjang, sementara Menteri Perdagangan Zulkifli Hasan meminta Perum Bulog di Jawa Tengah "
        "segera menggelar operasi pasar.\n"
        "Namun, para pedagang mengaku belum merasakan dampaknya dan berharap pemerintah bertindak cepat "
        "sebelum harga kembali naik menjelang akhir tahun, kata Ketua Ikatan Pedagang Pasar Indonesia "
        "Abdullah Mansuri di Jakarta."
    )
    doc = tokenize(text)
    whole = model.predict([doc], context=None)
    fast = model.predict([doc])
    assert fast == whole
    words = doc[0]
    names = {" ".join(words[m.start : m.end]) for m in fast[0]}
    assert "Zulkifli Hasan" in names
    assert "Jawa Tengah" in names


def test_context_windows_cover_capitalised_tokens() -> None:
    from newsnlp.entities.model import _windows

    words = "harga beras naik , kata Ketua Bulog di Jakarta , pedagang pasar tetap menunggu".split()
    idx = list(range(len(words)))
    assert _windows(words, idx, 1) == [[4, 5, 6, 7, 8, 9]]
    assert _windows(words, idx, 0) == [[5, 6], [8]]
    assert _windows(words[:4], idx[:4], 3) == []  # nothing capitalised: the model need not read it
    # a sentence-initial function word is not a reason to read its neighbours
    words = "naik . Namun harga turun".split()
    assert _windows(words, list(range(5)), 1) == []


def test_beam_width_one_decoding_matches_spacy_greedy_pipe(model: NerModel) -> None:
    # predict_docs decodes with spaCy's beam search at width 1 (faster on short stretches); its
    # entities must be the ones spaCy's own greedy nlp.pipe gives, Doc for Doc
    texts = [
        EXAMPLE.read_text(encoding="utf-8"),
        "Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Tokyo, Senin (2/8/2020).",
        "Kepala BPS Amalia Adininggar Widyasanti mengatakan inflasi di Jawa Timur turun.",
        "Bank Indonesia menahan suku bunga acuan.",
        "hujan deras mengguyur kota sejak pagi",
    ]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    greedy_docs = [model.make_doc(*tokenize(line)) for line in lines]
    greedy = [[(e.start, e.end, e.label_) for e in d.ents] for d in model.nlp.pipe(greedy_docs)]
    for batch_size in (1, 4, 64):
        docs = [model.make_doc(*tokenize(line)) for line in lines]
        beam = [[(e.start, e.end, e.label_) for e in d.ents] for d in model.predict_docs(docs, batch_size)]
        assert beam == greedy
    assert sum(map(len, greedy)) >= 10  # the texts hold names: the comparison is not vacuous
    # an empty Doc, alone or beside others, comes back untouched
    [empty] = model.predict_docs([model.make_doc([])])
    assert len(empty) == 0 and list(empty.ents) == []
    mixed = model.predict_docs([model.make_doc([]), model.make_doc(*tokenize(lines[1]))])
    assert [(e.start, e.end, e.label_) for e in mixed[1].ents] == greedy[1]


def test_sentence_initial_common_words_do_not_open_a_window() -> None:
    from newsnlp.entities.model import _windows

    common = {"wasit", "agung"}
    words = "gol . Wasit menunjuk titik putih".split()
    assert _windows(words, list(range(6)), 1, common) == []
    assert _windows(words, list(range(6)), 1) == [[1, 2, 3]]  # without the list it is read
    # before a capitalised word it may start a name: still read (Agung Laksono)
    words = "gol . Agung Laksono hadir".split()
    assert _windows(words, list(range(5)), 1, common) == [[1, 2, 3, 4]]
    # not at a sentence start: read
    words = "kata Wasit itu".split()
    assert _windows(words, list(range(3)), 1, common) == [[0, 1, 2]]


def test_lean_vocabulary_tags_as_the_full_one(model: NerModel) -> None:
    # the model's vocabulary computes only the lexeme attributes the model reads; a model loaded
    # with spaCy's full Indonesian attribute set must tag the same entities
    import spacy
    from spacy.attrs import IDS

    full = NerModel(spacy.load(DEFAULT_MODEL_PATH))
    kept = set(model.nlp.vocab.lex_attr_getters)
    assert {IDS[a] for a in ("NORM", "PREFIX", "SUFFIX", "SHAPE", "IS_SPACE")} <= kept
    assert len(kept) < len(full.nlp.vocab.lex_attr_getters)
    texts = [
        EXAMPLE.read_text(encoding="utf-8"),
        "Menteri Keuangan Sri Mulyani Indrawati dan Gubernur BI Perry Warjiyo tiba di Nusa Dua, Bali.",
        "PT Telkom Indonesia (Persero) Tbk mencatat laba Rp24 triliun, kata Dirut Ririek Adriansyah.",
    ]
    docs = [tokenize(text) for text in texts]
    lean, reference = (
        [[(m.start, m.end, m.label) for m in doc] for doc in m.predict(docs)] for m in (model, full)
    )
    assert lean == reference
    assert sum(map(len, lean)) >= 10
