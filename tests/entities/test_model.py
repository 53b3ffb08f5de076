"""Tests of the shipped statistical NER model (``newsnlp.entities.model``).

The model is loaded from the package (``newsnlp/data/ner_model``), never from ``../shared``.
Sentences are tokenized here with a small regex (the model only needs words); most are written in
the style of the seed example ``examples/tribunjogja_microsoft_tiktok.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsnlp.entities.model import DEFAULT_MODEL_PATH, ModelMention, NerModel, WhitespaceTokenizer

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
    assert set(model.labels) == {"PER", "ORG", "LOC"}
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
        assert m.label in {"PER", "ORG", "LOC"}
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
