"""No regular expression of newsnlp backtracks catastrophically.

Each regex family (the tokenizer, the sentence splitter, the time patterns, the structure patterns,
the entity rules and gazetteer matcher) is run on adversarial inputs of 100,000 characters: long
runs of digits, dots, slashes, dashes, spaces, capitalised words, ``Baca juga:``, ``(((((``,
``1/1/1/...``, ``pukul pukul``, ``Rp Rp``... Linear code takes well under a second on each; the
limit of 10 s per call is only reached by a blow-up (quadratic or worse). The limit is enforced with
SIGALRM, which Python's regex engine honours while matching.

The statistical NER model is left out of the entity family (its cost is linear in the number of
tokens and measured in ``benchmarks/large_input.py``); the full pipeline is run on a shorter
version of every input at the end.
"""

from __future__ import annotations

import itertools

import pytest

from newsnlp.record import Article
from newsnlp.text.sentences import split_sentences
from tests.reliability.conftest import time_limit
from tests.reliability.invariants import check_record

SIZE = 100_000
LIMIT = 10.0  # seconds per call; linear code needs < 1 s


def _rep(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


ADVERSARIAL = {
    "digits": "1",
    "dots": ".",
    "slashes": "/",
    "dashes": "-",
    "spaces_between_words": None,  # "a" + 100k spaces + "a"
    "capitalised_words": "Budi ",
    "all_caps_words": "JAKARTA, ",
    "baca_juga_inline": "Baca juga: ",
    "baca_juga_lines": "Baca juga: Trump Ancam TikTok\n",
    "open_parens": "(",
    "paren_pairs": "()",
    "slashed_ones": "1/",
    "pukul": "pukul ",
    "rupiah": "Rp ",
    "initials": "A.",
    "hyphen_words": "a-",
    "at_signs": "a@",
    "dated_days": "Senin (1/1/2020) ",
    "pukul_times": "pukul 10.00 WIB ",
    "foto": "Foto: ",
    "mixed_punct": "1.2/3-4:5 ",
    "nbsp_zwsp": "a\u00a0\u200b",
    "url_like": "https://a.b/",
}
# Whitespace-only runs (``"\n" * 100_000``): they used to be quadratic in the entity rules
# (entities.textutil's token pattern retried ``\s*`` from every position); now linear.
WHITESPACE_RUNS = {"newlines": "\n", "tabs": "\t", "space_newline": " \n"}


def _text(name: str) -> str:
    unit = ADVERSARIAL.get(name) or WHITESPACE_RUNS.get(name)
    if unit is None:
        return "a" + " " * (SIZE - 2) + "a"
    return _rep(unit)


@pytest.fixture(scope="module")
def tokenized(stages):
    cache: dict[str, tuple[str, list[tuple[int, int]]]] = {}

    def get(name: str):
        if name not in cache:
            text = _text(name)
            with time_limit(LIMIT, f"tokenizer on {name}"):
                cache[name] = (text, stages["text"].tokenize(text))
        return cache[name]

    return get


ALL = sorted(ADVERSARIAL) + sorted(WHITESPACE_RUNS)


@pytest.mark.parametrize("name", ALL)
def test_tokenizer_and_sentences(tokenized, name):
    text, words = tokenized(name)  # the tokenizer itself ran under the limit
    with time_limit(LIMIT, f"sentence splitter on {name}"):
        sentences = split_sentences(text, [s for s, _ in words], [e for _, e in words])
    covered = "".join(text[s:e] for s, e in words)
    assert covered == "".join(text.split())  # every non-space character is in a token
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(sentences))


@pytest.mark.parametrize("name", ALL)
def test_text_stage(stages, name):
    art = Article(text=_text(name))
    with time_limit(LIMIT, f"text stage on {name}"):
        stages["text"].process(art)
        stages["stems"].process(art)


@pytest.mark.parametrize("name", ALL)
def test_time_patterns(stages, name):
    art = Article(text=_text(name))
    with time_limit(LIMIT, f"time stage on {name}"):
        stages["time"].process(art)
    for t in art.times:
        assert art.text[t.start : t.end] == t.text


@pytest.mark.parametrize("name", ALL)
def test_structure_patterns(stages, name):
    art = Article(text=_text(name))
    with time_limit(LIMIT, f"structure stage on {name}"):
        stages["structure"].process(art)
    for s in art.segments:
        assert art.text[s.start : s.end] == s.text


@pytest.mark.parametrize("name", ALL)
def test_entity_rules_and_gazetteer(stages, tokenized, name):
    text, _ = tokenized(name)
    art = Article(text=text)
    stages["text"].process(art)
    with time_limit(LIMIT, f"entity rules on {name}"):
        entities = stages["entities"].annotate(art, [])  # everything but the statistical model
    for e in entities:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("name", ["capitalised_words", "baca_juga_lines", "slashed_ones", "rupiah"])
def test_full_pipeline_on_adversarial_input(default_pipeline, name):
    text = _text(name)[:20_000]
    with time_limit(4 * LIMIT, f"full pipeline on {name}"):
        art = default_pipeline(text)
    check_record(art, text)
