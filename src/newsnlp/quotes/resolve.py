"""Who the speaker is: each speaker mention tied to an entity group and its fullest name.

- A **name** or an **organisation** goes to the names of the article that hold all its words (the
  entity groups' mentions and the other speakers' names): ``Kristomei`` -> ``Kristomei Sianturi``;
  a one-word name may also be a short or misspelt form of one name (``Suki`` -> ``Sukiratnasari``,
  ``Ahmad`` -> ``Achmad Fauzy``) when no name holds it exactly.
- A **pronoun** or the clitic ``-nya`` goes to the last source quoted or person named as the
  subject of a sentence before it, within reach (``antecedent_chars``); ``mereka`` only to an
  organisation quoted last; else nothing.
- A **title** alone (``Kapolda``) goes to the person the article names with that title (an entity's
  ``title`` or ``role``, or the title written before a name), the nearest before the quote, else
  the first after; else nothing.
- An unnamed source has no entity, unless a demonstrative makes it point back
  (``organisasi tersebut``: the last organisation quoted or named).

Unsure means ``None``: a speaker is never given to a person the rules cannot find.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from rapidfuzz.fuzz import ratio

from ..textnorm import fold
from .draft import Draft
from .lexicon import Lexicon
from .speakers import CLITIC, NAME, ORG, PRONOUN, SOURCE, TITLE
from .view import ArticleView

__all__ = ["resolve_speakers"]

_FUZZY = 88.0
#: Above this many names, a one-word speaker is not compared with every name (time stays linear).
_MAX_FUZZY = 400


class _Names:
    """The article's names: entity groups (mention texts) and speakers' names outside them."""

    def __init__(self, view: ArticleView, lex: Lexicon, drafts: list[Draft]) -> None:
        self.lex = lex
        self.names: list[tuple[tuple[str, ...], str, int | None, str | None]] = []
        self.by_token: dict[str, list[int]] = defaultdict(list)
        self.label: dict[int, str] = {}
        self._cache: dict[tuple[str, int | None], tuple[str, int | None]] = {}
        seen: set[tuple[str, int | None]] = set()
        for e in view.entities:
            if e.entity_id is None:
                continue
            self.label.setdefault(e.entity_id, e.label)
            self._add(e.text, e.entity_id, e.label, seen)
            if e.canonical and e.canonical in view.text:
                self._add(e.canonical, e.entity_id, e.label, seen)
        for d in drafts:
            sp = d.speaker
            if sp is not None and sp.kind in (NAME, ORG):
                ent = sp.entity
                self._add(view.text[sp.start : sp.end], ent.entity_id if ent else None, ent.label if ent else None, seen)

    def _add(self, text: str, entity_id: int | None, label: str | None, seen: set) -> None:
        toks = self.tokens(text)
        if toks and (toks, entity_id) not in seen:
            seen.add((toks, entity_id))
            for t in set(toks):
                self.by_token[t].append(len(self.names))
            self.names.append((toks, " ".join(text.split()), entity_id, label))

    def tokens(self, text: str) -> tuple[str, ...]:
        toks = [t.strip(".,") for t in fold(text).split()]
        while len(toks) > 1 and toks[0] in self.lex.title_words:
            toks = toks[1:]
        return tuple(t for t in toks if t)

    def lookup(self, text: str, entity_id: int | None) -> tuple[str, int | None]:
        """The fullest name holding ``text``'s words, and its entity group."""
        key = (text, entity_id)
        if key not in self._cache:
            self._cache[key] = self._lookup(text, entity_id)
        return self._cache[key]

    def _lookup(self, text: str, entity_id: int | None) -> tuple[str, int | None]:
        toks = self.tokens(text)
        if not toks:
            return " ".join(text.split()), entity_id
        want = set(toks)
        rarest = min(toks, key=lambda t: len(self.by_token.get(t, ())))
        found = [self.names[i] for i in self.by_token.get(rarest, ()) if want <= set(self.names[i][0])]
        if not found and len(toks) == 1 and len(self.names) <= _MAX_FUZZY:
            t = toks[0]
            found = [
                n
                for n in self.names
                if any(len(t) >= 4 and (u.startswith(t) or (u[0] == t[0] and ratio(t, u) >= _FUZZY)) for u in n[0])
            ]
            if len({n[1].casefold() for n in found if len(n[0]) == max(len(m[0]) for m in found)}) > 1:
                found = []
        if not found:
            return " ".join(text.split()), entity_id
        if entity_id is not None:
            groups = {n[2] for n in found}
            if entity_id in groups:
                best_len = max(len(n[0]) for n in found)
                same = [n for n in found if n[2] == entity_id and len(n[0]) == best_len]
                if same:
                    found = same
        best = max(found, key=lambda n: (len(n[0]), len(n[1])))
        return best[1], entity_id if entity_id is not None else best[2]


def resolve_speakers(view: ArticleView, lex: Lexicon, drafts: list[Draft]) -> None:
    """Fill ``entity_id``, ``canonical`` and ``label`` of every draft (in text order)."""
    names = _Names(view, lex, drafts)
    history = _History(_subject_events(view, drafts, names))
    titles = _TitleIndex(view, lex, names)
    limit = lex.limits["antecedent_chars"]
    for d in sorted(drafts, key=lambda d: d.start):
        if d.source is not None and d.source.resolved:
            d.entity_id, d.canonical, d.label = d.source.entity_id, d.source.canonical, d.source.label
        else:
            _resolve_one(view, lex, d, names, titles, history, limit)
        d.resolved = True
        if d.canonical is not None:
            pos = d.speaker.start if d.speaker is not None else d.start
            history.add_quoted((pos, d.entity_id, d.canonical, d.label or "PER", True))


class _History:
    """Antecedents in text order: persons named as subjects (fixed) and the sources quoted so far
    (added in text order), walked back from a position."""

    def __init__(self, subjects: list[tuple]) -> None:
        self.subjects = subjects
        self.s_pos = [e[0] for e in subjects]
        self.quoted: list[tuple] = []
        self.q_pos: list[int] = []

    def add_quoted(self, event: tuple) -> None:
        k = bisect.bisect_right(self.q_pos, event[0])
        self.quoted.insert(k, event)
        self.q_pos.insert(k, event[0])

    def before(self, pos: int):
        """Events before ``pos``, nearest first."""
        i = bisect.bisect_left(self.s_pos, pos) - 1
        j = bisect.bisect_left(self.q_pos, pos) - 1
        while i >= 0 or j >= 0:
            if j < 0 or (i >= 0 and self.s_pos[i] > self.q_pos[j]):
                yield self.subjects[i]
                i -= 1
            else:
                yield self.quoted[j]
                j -= 1


def _resolve_one(view, lex, d: Draft, names: _Names, titles, history: _History, limit: int) -> None:
    sp = d.speaker
    if sp is None:
        return
    text = view.text[sp.start : sp.end]
    if sp.kind in (NAME, ORG):
        ent = sp.entity
        d.canonical, d.entity_id = names.lookup(text, ent.entity_id if ent else None)
        d.label = (ent.label if ent else None) or names.label.get(d.entity_id) or ("ORG" if sp.kind == ORG else "PER")
        return
    if sp.kind == TITLE:
        found = titles.find(text, d.start)
        if found is not None:
            d.entity_id, d.canonical, d.label = found
        return
    low = text.lower()
    if sp.kind == SOURCE:
        if not (sp.anaphoric or sp.organisation):
            return
        want = "ORG" if sp.organisation else "PER"
    elif sp.kind == CLITIC or low in lex.person_pronouns:
        want = "PER"
    elif low == "pihaknya":
        want = None
    elif sp.kind == PRONOUN:
        want = "ORG"
    else:
        return
    for pos, entity_id, canonical, label, quoted in history.before(sp.start):
        if sp.start - pos > limit:
            return
        if want is None or label == want or (want == "PER" and quoted and label == "ORG" and sp.kind == CLITIC):
            d.entity_id, d.canonical, d.label = entity_id, canonical, label
            return
        if want == "ORG" and sp.kind == PRONOUN:
            return


def _subject_events(view: ArticleView, drafts: list[Draft], names: _Names) -> list[tuple]:
    """Persons named near the start of a sentence outside quotation content (the subjects a
    pronoun may point back to): ``(pos, entity_id, canonical, label, quoted)``."""
    directs = sorted((d.start, d.end) for d in drafts if d.type == "direct")
    starts = [s for s, _ in directs]
    out = []
    for e in view.entities:
        k = bisect.bisect_right(starts, e.start) - 1
        if k >= 0 and e.start < directs[k][1]:
            continue
        s_start, _ = view.sentence(e.start)
        s_start = view.after_dateline(s_start)
        if e.start - s_start > 60:
            continue
        canonical, entity_id = names.lookup(e.text, e.entity_id)
        out.append((e.start, entity_id, canonical, e.label, False))
    return sorted(out, key=lambda x: x[0])


class _TitleIndex:
    """Persons the article names with a title (``Kapolda DIY Irjen Anggoro Sukartono``)."""

    def __init__(self, view: ArticleView, lex: Lexicon, names: _Names) -> None:
        self.view, self.lex, self.names = view, lex, names
        self.by_title: dict[str, list[tuple[int, int | None, str, str]]] = defaultdict(list)
        for e in view.entities:
            if e.label != "PER":
                continue
            for t in (e.title, e.role):
                if t:
                    canonical, entity_id = names.lookup(e.text, e.entity_id)
                    self.by_title[fold(t)].append((e.start, entity_id, canonical, "PER"))

    def find(self, title: str, pos: int) -> tuple[int | None, str, str] | None:
        key = fold(title)
        cands = []
        for t, items in self.by_title.items():
            if t == key or t.startswith(key + " ") or key.startswith(t + " "):
                cands.extend(items)
        text = self.view.text
        window = self.lex.limits["antecedent_chars"] * 2
        for m in re.finditer(re.escape(title), text[max(0, pos - window) : pos + window]):
            m_end = m.end() + max(0, pos - window)
            for e in self.view.entities_in(m_end, m_end + 60):
                if e.label == "PER" and text[m_end : e.start].strip(" ,").count(" ") <= 3:
                    canonical, entity_id = self.names.lookup(e.text, e.entity_id)
                    cands.append((e.start, entity_id, canonical, "PER"))
                    break
        if not cands:
            return None
        before = [c for c in cands if c[0] < pos]
        best = max(before, key=lambda c: c[0]) if before else min(cands, key=lambda c: c[0])
        distinct = {c[2] for c in cands}
        if len(distinct) > 1 and not before:
            return None
        return best[1], best[2], best[3]
