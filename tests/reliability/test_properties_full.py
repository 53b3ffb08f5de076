"""Property-based tests through the FULL default pipeline over generated Indonesian-like text with
every oddity of ``strategies.py`` (CRLF, lone CR, tabs, NBSP, zero-width and control characters,
emoji and ZWJ sequences, combining marks, Arabic, Chinese and Javanese script, HTML entities...).

``check_record`` asserts: exact offsets for every span; tokens and sentences in order, not
overlapping and covering the text; every token inside its sentence; segments not overlapping except
a ``credit`` or ``dateline`` inside another segment; closed label sets; JSON round trip.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.invariants import check_record
from tests.reliability.strategies import articles, html_pages

_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    "database": None,
}


@settings(max_examples=100, **_SETTINGS)
@given(text=articles(80))
def test_full_pipeline_plain_text(default_pipeline, text):
    art = default_pipeline(text, html=False)
    check_record(art, text)


@settings(max_examples=40, **_SETTINGS)
@given(
    text=articles(80),
    published=st.one_of(
        st.none(), st.dates(dt.date(1000, 1, 1), dt.date(9000, 12, 31)).map(lambda d: d.isoformat())
    ),
)
def test_full_pipeline_with_published(default_pipeline, text, published):
    art = default_pipeline(text, published=published, html=False)
    check_record(art, text)
    if published:
        assert art.metadata.published == published and art.metadata.published_source == "given"


@settings(max_examples=40, **_SETTINGS)
@given(text=articles(60))
def test_full_pipeline_bytes_and_auto_html(default_pipeline, text):
    art = default_pipeline(text.encode("utf-8"), html=False)
    check_record(art, text)
    auto = default_pipeline(text)  # html detection may kick in: offsets refer to art.text
    check_record(auto)


@settings(max_examples=40, **_SETTINGS)
@given(page=html_pages())
def test_full_pipeline_html(default_pipeline, page):
    art = default_pipeline(page, html=True)
    check_record(art)
    assert "root:x:0:0" not in art.text


@settings(max_examples=10, **_SETTINGS)
@given(texts=st.lists(articles(40), min_size=1, max_size=6))
def test_pipe_equals_call(default_pipeline, texts):
    one_by_one = [default_pipeline(t).to_json() for t in texts]
    assert [a.to_json() for a in default_pipeline.pipe(texts, batch_size=3)] == one_by_one
