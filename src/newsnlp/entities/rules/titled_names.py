"""Names after a title, for the gazetteer-only mode (the model handles these itself):
``Bupati Sleman Kustini Sri Purnomo`` -> PER ``Kustini Sri Purnomo``; one word only after an
honorific (``Pak Harto``)."""

from __future__ import annotations

from ..mention import PRIO_RULE, SCORE_RULE, Mention, overlaps
from ..textutil import norm
from .context import RuleContext

__all__ = ["add_titled_names"]

#: Most capitalised words taken for the rest of a position (``Kepala Dinas Kesehatan Bantul``).
_POSITION_WORDS = 6
#: Most words of a name after a title.
_NAME_WORDS = 4


def add_titled_names(ctx: RuleContext, title_words: frozenset[str]) -> None:
    """PER mentions after titles (an ORG/LOC mention right after the title is part of the title)."""
    text, ps, gaz, starts, spans = ctx.text, ctx.ps, ctx.gaz, ctx.starts, ctx.spans
    norms = ctx.get_norms()
    n = len(ps)
    todo = [k for k, w in enumerate(norms) if w in title_words]
    i = 0
    for i0 in todo:
        if i0 < i:
            continue
        i = i0
        p = ps[i]
        w = text[p.start : p.end]
        if not w[0].isupper() or p.glued or overlaps(spans, p.start, p.end):
            i += 1
            continue
        j = i + 1
        while j < n and not ps[j].newline and norm(text[ps[j].start : ps[j].end]) in title_words:
            j += 1
        honorific = norm(text[ps[j - 1].start : ps[j - 1].end]) in gaz.honorifics
        # skip the rest of the position: capitalised common words and ORG/LOC mentions
        # (Kepala Dinas Kesehatan Bantul | Agus Budi)
        for _ in range(_POSITION_WORDS):
            if j >= n or ps[j].newline:
                break
            after = starts.get(ps[j].start)
            t = text[ps[j].start : ps[j].end]
            if after is not None and after.label in ("ORG", "LOC"):
                while j < n and ps[j].start < after.end:
                    j += 1
            elif (
                t[0].isupper()
                and t.isalpha()
                and (norm(t) in gaz.common or norm(t) in title_words)
                and j + 1 < n
                and not ps[j + 1].newline
            ):
                j += 1
            else:
                break
        words: list[int] = []
        while j < n and len(words) < _NAME_WORDS:
            q = ps[j]
            t = text[q.start : q.end]
            if q.newline or q.glued or not (t[0].isupper() and t.isalpha()) or not ctx.free(q.start, q.end):
                break
            if len(t) > 1 and t.isupper():  # an acronym, not a name
                break
            words.append(j)
            j += 1
        if words and norm(text[ps[words[0]].start : ps[words[0]].end]) not in gaz.common:
            # a trailing common word (Jakarta Kemarin) is not part of the name
            while len(words) > 1 and norm(text[ps[words[-1]].start : ps[words[-1]].end]) in gaz.common:
                words.pop()
            if len(words) < 2 and not honorific:
                i = max(j, i + 1)
                continue
            ctx.add(Mention(ps[words[0]].start, ps[words[-1]].end, "PER", "rule", SCORE_RULE, PRIO_RULE))
        i = max(j, i + 1)
