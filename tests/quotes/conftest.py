"""Fixtures of the quotes tests: the default pipeline (session-wide) and a short form of quotes."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from newsnlp.api import get_default_pipeline

    return get_default_pipeline()


@pytest.fixture(scope="session")
def quotes(nlp):
    """``quotes(text)`` -> the article's quotes as dicts with the text of content, cue and speaker."""

    def run(text: str, **kwargs):
        art = nlp(text, **kwargs)
        out = []
        for q in art.quotes:
            assert text[q.start : q.end] == q.text
            out.append(
                {
                    "type": q.type,
                    "text": q.text,
                    "cue": q.cue.text if q.cue else None,
                    "speaker": q.speaker.text if q.speaker else None,
                    "canonical": q.speaker_canonical,
                    "entity_id": q.speaker_entity_id,
                    "segment": q.segment,
                }
            )
        return out

    return run
