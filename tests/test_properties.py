"""Property tests: exact offsets on generated Indonesian-like text with odd characters."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import assert_offsets

WORDS = [
    "Presiden",
    "Joko",
    "Widodo",
    "mengatakan",
    "pihaknya",
    "mata-mata",
    "Rp1,5",
    "triliun",
    "(2/8/2020)",
    "pukul",
    "14.20",
    "WIB",
    "Prof.",
    "dkk.",
    "KPK",
    "TRIBUNJOGJA.COM",
    "-",
    "Baca",
    "juga:",
    '"Kami',
    'siap."',
    "https://kompas.com/a",
    "#TikTok",
    "3,5%",
    "B.",
    "J.",
    "Habibie",
    "Jum'at",
    "…",
    "😀",
    "👩‍👩‍👧",
    "é",
    "ملك",
    "中国",
    "ꦗꦮ",
    "\u200b",
    "\u00a0",
    "\x00",
    "\x07",
    "\ufeff",
    "a\u0301",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "  ", "\u00a0", "\u2028", ". ", ", "]


@st.composite
def articles(draw):
    n = draw(st.integers(min_value=0, max_value=60))
    parts = []
    for _ in range(n):
        parts.append(draw(st.sampled_from(WORDS) | st.text(min_size=1, max_size=6)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_span_points_at_its_text(text_pipeline, text):
    art = text_pipeline(text)
    assert_offsets(art)
    # tokens in order, non-overlapping, covering all non-space text
    prev = 0
    for tok in art.tokens:
        assert tok.start >= prev and tok.end > tok.start
        assert text[prev : tok.start].strip() == "" or text[prev : tok.start].isspace()
        prev = tok.end
    # sentences in order, non-overlapping, each token inside its sentence
    prev = 0
    for sent in art.sentences:
        assert sent.start >= prev
        prev = sent.end
    for tok in art.tokens:
        sent = art.sentences[tok.sentence]
        assert sent.start <= tok.start and tok.end <= sent.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_full_pipeline_offsets(default_pipeline, text):
    art = default_pipeline(text)
    assert_offsets(art)
    assert art.to_dict()["text"] == text
