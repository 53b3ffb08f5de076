"""A person's name at the end of an organisation or place span: the model runs a role's
organisation into the name after it (``Analis [PT Mirae Asset Sekuritas Indonesia Tasrul Tanar]``,
``Kadis [Bandar Lampung Dedi Sutiyoso]``). When the words at the end of a model ORG or LOC span
are, or begin, a person's name of at least two words that the article writes as a PER mention
elsewhere (``kata Tasrul``, ``Tasrul Tanar``), the span is cut before them and they become a PER
mention. Spans opening with a place head (``Bandara Frans Seda``, ``Jalan Margonda Raya``: a
place named after a person) are left whole, and at least two words must stay before the name
(``Universitas Yamaguci``, ``Iran Khodro`` stay whole).

Without the name written elsewhere, the span's position is the evidence: a model ORG or LOC span
of four words or more after a role (a title or role word among the capitalised words before it)
and right before an active reporting verb (``Presiden Direktur [PT Doo Financial Futures Ariston
Tjendra] mengatakan``, the verbs of ``data/quotes/lexicon.json``) is a role's organisation and
the subject's name. The name is what follows the organisation's last legal suffix or acronym
(``PT Timah Tbk | Suhendra Ratuprawiranegara``) when that leaves two or three name words, else the
last two words (``PT Bukit Energi Investama | Biverli Binanga``): a longer name may lose its first
word, never gain a word of the organisation. Never after an organisation head (``Universitas | Gadjah Mada`` names the
university).
"""

from __future__ import annotations

import re

from ...data import load_json
from ..mention import PRIO_RULE, SCORE_RULE, Mention
from ..resources import RULES
from ..textutil import norm
from .context import RuleContext

_VERBS = load_json("quotes", "lexicon.json")["verbs"]
#: Active reporting verbs (the quotes stage's list, read, not copied): a subject stands before them.
_REPORTING = frozenset(w for k in ("reporting", "bare_predicate", "always_clause") for w in _VERBS[k])
#: Legal suffixes of company names (``Tbk``): the organisation's name ends there.
_LEGAL = frozenset(w for p in RULES["legal_suffixes"] for w in p.split())
_NEXT_WORD = re.compile(r"[ \u00a0]*,?[ \u00a0]*([a-z]+)")
#: Capitalised words before a span searched for a title or role word.
_ROLE_WORDS = 5

__all__ = ["split_name_tails"]


def split_name_tails(ctx: RuleContext) -> None:
    """Cut person names off the end of model ORG/LOC spans (module docstring)."""
    text, gaz = ctx.text, ctx.gaz
    persons: dict[str, list[tuple[str, ...]]] = {}
    for m in ctx.chosen:
        if m.label == "PER":
            words = tuple(text[m.start : m.end].split())
            persons.setdefault(words[0], []).append(words)
    for m in ctx.chosen:
        if m.label not in ("ORG", "LOC") or m.source != "model" or m.entry is not None:
            continue
        span = text[m.start : m.end]
        words = span.split()
        if len(words) < 3 or gaz.starts_with_place_head(span):
            continue
        j = _subject_name(text, m, words, gaz)
        if j is not None:
            _cut(ctx, m, span, j)
            continue
        if not persons:
            continue
        for j in range(2, len(words)):
            tail = tuple(words[j:])
            if tail[0] not in persons or not _name_words(tail, gaz):
                continue
            if not any(_fits(tail, p) for p in persons[tail[0]]):
                continue
            _cut(ctx, m, span, j)
            break


def _cut(ctx: RuleContext, m: Mention, span: str, j: int) -> None:
    """Words ``j`` on of ``m`` become a PER mention, ``m`` ends before them."""
    text = ctx.text
    cut = m.start + _offset(span, j)
    end = cut
    while end > m.start and text[end - 1] in " \u00a0":
        end -= 1
    ctx.add(Mention(cut, m.end, "PER", "rule", SCORE_RULE, PRIO_RULE, evidence=True))
    m.end = end


def _subject_name(text: str, m: Mention, words: list[str], gaz) -> int | None:
    """Index of the first word of a subject's name at the end of ``m``, by position (module
    docstring), or ``None``."""
    if len(words) < 4:
        return None
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None or nxt.group(1) not in _REPORTING:
        return None
    before = text[max(0, m.start - 80) : m.start].split()
    k = len(before)
    while k > 0 and len(before) - k < _ROLE_WORDS and before[k - 1][:1].isupper():
        k -= 1
    if not any(norm(w) in gaz.title_set for w in before[k:]):
        return None
    marker = 0
    for i, w in enumerate(words):
        if w in _LEGAL or (w.isupper() and len(w) > 1):
            marker = i + 1
    j = marker if 2 <= len(words) - marker <= 3 else len(words) - 2
    if j < 2 or not _name_words(tuple(words[j:]), gaz) or norm(words[j - 1]) in gaz.org_heads:
        return None
    return j


def _fits(tail: tuple[str, ...], person: tuple[str, ...]) -> bool:
    """Whether the tail and a person's name written elsewhere are one name of 2+ words."""
    short, full = sorted((tail, person), key=len)
    return len(full) >= 2 and full[: len(short)] == short


def _name_words(words: tuple[str, ...], gaz) -> bool:
    """Capitalised words, none an ordinary word or a known place's or organisation's name."""
    for w in words:
        if not (w.isalpha() and w[0].isupper() and not w.isupper()) or norm(w) in gaz.common:
            return False
        entry = gaz.lookup(w)
        if entry is not None and gaz.labels[entry] != "PER":
            return False
    return True


def _offset(span: str, j: int) -> int:
    """Character offset of word ``j`` in ``span`` (words split on whitespace)."""
    pos = 0
    for _ in range(j):
        while span[pos].isspace():
            pos += 1
        while not span[pos].isspace():
            pos += 1
    while span[pos].isspace():
        pos += 1
    return pos
