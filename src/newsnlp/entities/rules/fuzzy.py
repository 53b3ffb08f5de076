"""Misspelled and variant names (``Micosoft``, ``Satya Nadela``) against the gazetteer, with
rapidfuzz (:meth:`newsnlp.entities.gazetteer.Gazetteer.fuzzy_lookup`)."""

from __future__ import annotations

from ..gazetteer import Gazetteer, is_sentence_start
from ..mention import PRIO_FUZZY, Mention, coverage, label_fits, overlaps
from ..resources import RULES
from ..textutil import Pieces, piece_norms

__all__ = ["add_fuzzy", "capitalised_runs"]

_FUZZY = RULES["fuzzy"]
#: Score of a fuzzy mention: this factor times the similarity (0-1).
SCORE_FACTOR: float = RULES["scores"]["fuzzy_factor"]
#: Most words of a capitalised run, and of a window of it looked up.
RUN_WORDS: int = _FUZZY["run_words"]
WINDOW_WORDS: int = _FUZZY["window_words"]


def add_fuzzy(
    text: str, ps: Pieces, chosen: list[Mention], gaz: Gazetteer, norms: list[str] | None = None
) -> list[Mention]:
    """Link unmatched model mentions and find misspelled names among capitalised words."""
    for m in chosen:
        if m.entry is None and m.source == "model":
            exact = gaz.lookup(text[m.start : m.end])
            if exact is not None and label_fits(gaz.labels[exact], m.label):
                m.entry = exact
                continue
            hit = gaz.fuzzy_lookup(text[m.start : m.end])
            if hit is not None and label_fits(gaz.labels[hit[0]], m.label):
                m.entry = hit[0]
    covered = coverage(chosen, len(text))
    extra: list[Mention] = []
    for run in capitalised_runs(text, ps, gaz, norms):
        # longest sub-window first
        n = len(run)
        x = 0
        while x < n:
            found = None
            for y in range(min(n, x + WINDOW_WORDS), x, -1):
                s, e = ps.starts[run[x]], ps.ends[run[y - 1]]
                if overlaps(covered, s, e):
                    continue
                hit = gaz.fuzzy_lookup(text[s:e])
                if hit is not None:
                    found = (y, s, e, hit)
                    break
            if found is None:
                x += 1
                continue
            y, s, e, (entry, sim) = found
            extra.append(
                Mention(
                    s,
                    e,
                    gaz.labels[entry],
                    "gazetteer",
                    round(SCORE_FACTOR * sim / 100, 3),
                    PRIO_FUZZY,
                    entry,
                )
            )
            x = y
    return sorted(chosen + extra, key=lambda m: m.start)


def capitalised_runs(
    text: str, ps: Pieces, gaz: Gazetteer, norms: list[str] | None = None
) -> list[list[int]]:
    """Runs of capitalised word pieces (max :data:`RUN_WORDS` words) that may be names.

    Sentence-initial common words, titles and lone ambiguous words are left out.
    """
    if norms is None:
        norms = piece_norms(text, ps)
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, start in enumerate(ps.starts):  # the column: most pieces stop at the first test
        if not text[start].isupper():
            if cur:
                runs.append(cur)
                cur = []
            continue
        p = ps[i]
        t = text[p.start : p.end]
        ok = t.isalpha() and not (p.glued and cur == [] and i > 0 and text[ps.starts[i - 1]].isalpha())
        if ok:
            k = norms[i]
            if k in gaz.common and (is_sentence_start(text, ps, i) or (not cur and len(t) < 4)):
                ok = False
        if (
            ok
            and (not cur or (not p.newline and not p.glued and ps.ends[i - 1] + 1 >= p.start))
            and len(cur) < RUN_WORDS
        ):
            cur.append(i)
            continue
        if cur:
            runs.append(cur)
        cur = [i] if ok else []
    if cur:
        runs.append(cur)
    return runs
