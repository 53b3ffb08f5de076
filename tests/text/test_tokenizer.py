"""The news tokenizer on real Indonesian news sentences."""

from __future__ import annotations

import functools
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.vocab import Vocab

from newsnlp.text.resources import abbreviations
from tests.conftest import assert_offsets


def toks(pipe, text: str) -> list[str]:
    art = pipe(text)
    assert_offsets(art)
    return [t.text for t in art.tokens]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("TRIBUNJOGJA.COM - Raksasa teknologi Amerika", ["TRIBUNJOGJA.COM", "-", "Raksasa"]),
        ("Dikutip dari techcrunch.com, Senin.", ["techcrunch.com"]),
        ("© 2020 TRIBUNnews.com Network", ["TRIBUNnews.com"]),
        ("Laporan Wartawan Tribun-Papua.com, Jayapura", ["Tribun-Papua.com"]),
        (
            "Baca di https://www.kompas.com/tren/read/2020/08/03/a?page=2 sekarang",
            ["https://www.kompas.com/tren/read/2020/08/03/a?page=2"],
        ),
        ("Kirim surel ke redaksi@kompas.co.id segera", ["redaksi@kompas.co.id"]),
        ("Tagar #SaveKPK ramai, kata @jokowi.", ["#SaveKPK", "@jokowi"]),
    ],
)
def test_urls_domains_handles(text_pipeline, sentence, expected):
    tokens = toks(text_pipeline, sentence)
    for token in expected:
        assert token in tokens


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("pada hari Minggu (2/8/2020).", ["(", "2/8/2020", ")", "."]),
        ("Berlaku mulai 02/07/2025 pukul 14.20 WIB", ["02/07/2025", "pukul", "14.20", "WIB"]),
        ("Rilis pada 2020-08-02 jam 14:20.", ["2020-08-02", "jam", "14:20", "."]),
        ("Selasa (10/06) lalu", ["(", "10/06", ")"]),
        (
            "dana Rp1.500.000,00 dan inflasi 3,5 persen",
            ["Rp", "1.500.000,00", "dan", "inflasi", "3,5", "persen"],
        ),
        ("senilai Rp1,5 triliun.", ["Rp", "1,5", "triliun", "."]),
        ("akuisisi US$5 miliar", ["US$", "5", "miliar"]),
        ("naik 12,5% tahun ini", ["12,5", "%"]),
    ],
)
def test_dates_times_numbers_money(text_pipeline, sentence, expected):
    tokens = toks(text_pipeline, sentence)
    i = tokens.index(expected[0])
    assert tokens[i : i + len(expected)] == expected


@pytest.mark.parametrize(
    "word",
    [
        "mata-mata",
        "pasar-pasar",
        "memata-matai",
        "Dimata-matai",
        "anak-anak",
        "ke-21",
        "2000-an",
        "APBN-P",
        "Covid-19",
    ],
)
def test_hyphenated_words_stay_whole(text_pipeline, word):
    assert word in toks(text_pipeline, f"Mereka membahas {word} itu kemarin.")


def test_hyphen_between_different_names_splits(text_pipeline):
    tokens = toks(text_pipeline, "Periode Januari-September 2020 dilaporkan Bapepam-LK.")
    assert tokens[:4] == ["Periode", "Januari", "-", "September"]
    assert "Bapepam" in tokens and "LK" in tokens


@pytest.mark.parametrize(
    ("word", "clitic"),
    [
        ("pihaknya", "nya"),
        ("dibelinya", "nya"),
        ("bukuku", "ku"),
        ("rumahmu", "mu"),
        ("benarkah", "kah"),
        ("meskipun", "pun"),
        ("TikTok-nya", "nya"),
    ],
)
def test_clitics_stay_on_the_word_and_are_exposed(text_pipeline, word, clitic):
    art = text_pipeline(f"Kata {word} muncul di sini.")
    tok = next(t for t in art.tokens if t.text == word)
    assert tok.clitic == clitic


@pytest.mark.parametrize(
    "word", ["hanya", "punya", "tanya", "sekolah", "masalah", "telah", "buku", "ilmu", "Bekasi"]
)
def test_words_that_only_look_like_clitics(text_pipeline, word):
    art = text_pipeline(f"Ia {word} datang.")
    tok = next(t for t in art.tokens if t.text == word)
    assert tok.clitic is None


@pytest.mark.parametrize(
    "abbr",
    [
        "Prof.",
        "dr.",
        "H.",
        "Jl.",
        "No.",
        "dkk.",
        "dll.",
        "s.d.",
        "Kec.",
        "Kab.",
        "Dr.",
        "Ir.",
        "Hj.",
        "Tbk.",
        "Pdt.",
        "Mgr.",
        "Rev.",
        "Dsn.",
    ],
)
def test_abbreviations_keep_their_period(text_pipeline, abbr):
    assert abbr in toks(text_pipeline, f"Menurut {abbr} Budi di sana, kata dia.")


def test_initials(text_pipeline):
    tokens = toks(text_pipeline, "Presiden B. J. Habibie dan B.J. Habibie bertemu.")
    assert tokens[1:4] == ["B.", "J.", "Habibie"]
    assert "B.J." in tokens


def test_tokens_are_lossless_and_in_order(text_pipeline, seed_text):
    art = text_pipeline(seed_text)
    assert_offsets(art)
    prev_end = 0
    for tok in art.tokens:
        assert tok.start >= prev_end
        assert not tok.text.isspace()
        # nothing but whitespace between tokens
        assert art.text[prev_end : tok.start].strip() == ""
        prev_end = tok.end
    assert art.text[prev_end:].strip() == ""


def test_space_after(text_pipeline):
    art = text_pipeline("Halo, dunia.")
    assert [(t.text, t.space_after) for t in art.tokens] == [
        ("Halo", False),
        (",", True),
        ("dunia", False),
        (".", False),
    ]


def test_tokens_are_the_same_when_served_from_the_tokenizer_cache():
    # the tokenizer caches every chunk it has cut (up to MAX_CACHE): a second pass, and a chunk
    # seen after thousands of others, must give exactly the tokens of the first cut
    from newsnlp.text.stage import TextStage
    from newsnlp.text.tokenizer import MAX_CACHE

    stage = TextStage(stem=False)
    assert stage.tokenizer.max_cache_size == MAX_CACHE >= 100_000
    text = (
        "TRIBUNJOGJA.COM - Prof. Dr. B. J. Habibie (alm.) di Jl. Malioboro No. 5, Rp1,5 triliun "
        "pada 2/8/2020 pukul 14.20 WIB; mata-mata, pihaknya, s.d. 15 Sept. dkk."
    )
    first = stage.tokenize(text)
    filler = " ".join(f"kata{n}, (x{n}) y-{n}." for n in range(12_000))
    stage.tokenize(filler)
    assert stage.tokenize(text) == first
    assert [text[s:e] for s, e in first][:6] == ["TRIBUNJOGJA.COM", "-", "Prof.", "Dr.", "B.", "J."]


_CHUNK_ALPHABET = st.sampled_from(
    list("aAnyZzéÉñßıİ汉字カタ")
    + list("0123456789")
    + list(".,-–/:;'’\"“”()[]%$@#&_*+=!?…")
    + ["Rp", "US$", "km"]
)


@functools.cache
def _fast_and_full_tokenizers():
    """The news tokenizer, and one that runs every affix and infix rule on letters-only chunks
    too (no cache, so each call cuts afresh)."""
    from newsnlp.text import tokenizer as tk

    def full_rules(string: str):
        return None if len(string) > tk._MAX_MATCH else tk._TOKEN_RE.fullmatch(string)

    return (
        tk.build_tokenizer(Vocab(), max_cache_size=0),
        tk.build_tokenizer(Vocab(), max_cache_size=0, token_match=full_rules),
    )


def test_no_special_case_is_letters_only():
    # the letters-only fast path in TOKEN_MATCH would bypass such a special case
    assert not any(re.fullmatch(r"[^\W\d_]+", abbr) for abbr in abbreviations())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_CHUNK_ALPHABET, min_size=1, max_size=8).map("".join), min_size=1, max_size=12))
def test_letters_only_fast_path_cuts_as_the_full_rules_do(chunks):
    # TOKEN_MATCH answers at once for a chunk of letters only; the full rules must agree on any text
    fast, full = _fast_and_full_tokenizers()
    text = " ".join(chunks)
    assert [(t.idx, t.text) for t in fast(text)] == [(t.idx, t.text) for t in full(text)]


def test_letters_only_chunks_are_one_token():
    fast, _ = _fast_and_full_tokenizers()
    assert [t.text for t in fast("Jakarta İstanbul 汉字 memata-matai")] == [
        "Jakarta",
        "İstanbul",
        "汉字",
        "memata-matai",
    ]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="possessive repeats need Python 3.11")
@pytest.mark.parametrize("unit", ["(", "a-b-", "\u2039"], ids=["parens", "joined", "guillemets"])
def test_long_chunks_are_tokenized_in_memory_independent_of_their_length(unit):
    """A chunk without whitespace of 200,000 characters: the fallback pattern keeps no per-character
    backtracking state (a run of "(" took 100 bytes per character, 20 MB here)."""
    import tracemalloc

    from newsnlp.text.stage import TextStage

    stage = TextStage()
    text = unit * (200_000 // len(unit))
    stage.tokenize(unit * 2000)  # warm-up: caches filled outside the measure
    tracemalloc.start()
    try:
        words = stage.tokenize(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    kept = 120 * len(words)  # the (start, end) tuples returned
    assert peak - kept < 2_000_000, (peak, len(words))
