"""The quotes stage stays linear on sentences of thousands of cues (#20's adversarial class).

Each pattern once took time quadratic in the sentence's length: every cue looked back to the start
of its sentence (openers, clause starts, the subject, coordinated cues) or searched the whole text
(an acronym spelt out). The guard compares the stage's own CPU time on an input and on one four
times as long, best of two: linear work gives a ratio near 4, the quadratic steps gave 12-16. It is
a guard against quadratic steps, not a speed figure (benchmarks/quotes_stage.py measures speed).
"""

from __future__ import annotations

import time

import pytest

from newsnlp import Pipeline

PATTERNS = {
    "cue and NBSP, ZWSP": "kata\u00a0\u200b",
    "cue and comma": "kata, ",
    "opening mark and cue": '"kata ',
    "passive with agent": "disampaikan oleh Budi ",
    "cue, speaker and quoted word": 'kata Budi, "ya" ',
    "pronoun and active cue": "Ia mengatakan bahwa ",
}


@pytest.fixture(scope="module")
def parts():
    nlp = Pipeline(stages=("text", "entities", "structure", "quotes"), config={"entities": {"model": False}})
    stage = nlp.get_stage("quotes")
    before = Pipeline(stages=("text", "entities", "structure"), config={"entities": {"model": False}})
    return before, stage


def _quotes_cpu(parts, text: str) -> float:
    before, stage = parts
    best = float("inf")
    for _ in range(2):
        art = before(text)
        t = time.process_time()
        stage.process(art)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("pattern", list(PATTERNS.values()), ids=list(PATTERNS))
def test_quotes_stage_is_linear_on_a_sentence_of_cues(parts, pattern):
    small = _quotes_cpu(parts, pattern * 1500)
    large = _quotes_cpu(parts, pattern * 6000)
    assert large < 8 * max(small, 0.01), (small, large)
