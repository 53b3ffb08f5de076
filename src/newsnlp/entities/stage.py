"""The ``entities`` stage: named entities from the statistical model and the gazetteer.

The rules that combine the two sources, the title/role handling, the grouping of mentions into
entities and the kb id scheme are described in ``docs/entities.md``; the code follows it section
by section (:func:`combine`, :func:`attach_titles`, :func:`add_rule_mentions`, :func:`group`).
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..record import Article, Entity
from ..registry import BaseStage, register_stage
from .gazetteer import Gazetteer, GazMatch, is_sentence_start
from .textutil import Piece, has_line_break, name_key, norm, piece_norms, pieces

__all__ = ["EntityStage", "Mention", "make_entity_stage"]

#: Source priority at equal span length (higher wins), see docs/entities.md.
PRIO_CURATED, PRIO_GAZ_MULTI, PRIO_MODEL, PRIO_GAZ, PRIO_FUZZY, PRIO_RULE = 6, 5, 4, 3, 2, 1
SCORE_GAZ = {0: 0.95}  # curated; other tiers SCORE_GAZ_OTHER
SCORE_GAZ_OTHER = 0.85
SCORE_RULE = 0.6
#: Gazetteer tiers whose label yields to the model's on the same span (districts).
DISTRICT_TIERS = frozenset({7})

_WS_COMMA = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+\Z")
_ACRONYM = re.compile(r"[A-Z]{3,}")
#: A person's initials after ``inisial``/``berinisial`` (crime and court news): ``VT``, ``Ar``.
_INITIALS = re.compile(r"\b(?:[Bb]er)?[Ii]nisial[ \t\u00a0]+([A-Z]{1,4}|[A-Z][a-z])(?![\w.])")
#: More initials in the same list: ``..., MR dan SN``.
_MORE_INITIALS = re.compile(r"[ \t\u00a0]*(?:,|dan|serta)[ \t\u00a0]+([A-Z]{1,4})(?![\w.])")
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&-]{1,11})\s*\)")


@dataclass(slots=True)
class Mention:
    """A candidate or selected mention, before it becomes an :class:`Entity`."""

    start: int
    end: int
    label: str
    source: str  # model | gazetteer | both | rule
    score: float
    prio: int
    entry: int | None = None
    title: str | None = None
    role: str | None = None
    #: For an acronym defined in the text, the mention of its long form.
    link: Any = field(default=None, repr=False)


class EntityStage(BaseStage):
    """Finds PER, ORG, LOC, PRODUCT, EVENT and MISC mentions and groups them into entities."""

    name = "entities"

    def __init__(
        self,
        model: bool = True,
        model_path: str | None = None,
        gazetteer: bool = True,
        gazetteer_path: str | None = None,
        fuzzy: bool = True,
        batch_size: int = 64,
    ) -> None:
        self.gaz = Gazetteer.load(gazetteer_path)
        self.gaz.fuzzy_lookup("warmup")  # builds the fuzzy blocks now, not on the first article
        self.use_gazetteer = gazetteer
        self.fuzzy = fuzzy
        self.batch_size = batch_size
        self.model = None
        if model:
            self.model = _load_model(model_path)
        self._title_words = frozenset(norm(t.split()[0]) for t in self.gaz.titles)

    # -- stage interface --------------------------------------------------------------------------
    def process(self, article: Article) -> None:
        """Fill ``article.entities``."""
        self.process_batch([article])

    def process_batch(self, articles: list[Article]) -> None:
        """Fill ``entities`` of every article, calling the model once for the whole batch."""
        model_out: list[list[Any]] = [[] for _ in articles]
        if self.model is not None:
            idx = [i for i, a in enumerate(articles) if a.tokens]
            if idx:
                docs = [
                    ([t.text for t in articles[i].tokens], [bool(t.space_after) for t in articles[i].tokens])
                    for i in idx
                ]
                starts = [_line_starts(articles[i]) for i in idx]
                preds = self.model.predict(
                    docs, batch_size=self.batch_size, line_starts=starts, common_words=self.gaz.common
                )
                for i, pred in zip(idx, preds):
                    model_out[i] = pred
        for article, pred in zip(articles, model_out):
            article.entities = self.annotate(article, pred)

    # -- one article -------------------------------------------------------------------------------
    def annotate(self, article: Article, model_mentions: list[Any] | None = None) -> list[Entity]:
        """The entities of one article, given the model's mentions over ``article.tokens``."""
        text = article.text
        ps = pieces(text)
        norms = piece_norms(text, ps)
        gaz_hits = self.gaz.match(text, ps, norms) if self.use_gazetteer else []
        model_cands = self._model_candidates(article, model_mentions or [])
        gaz_cands = self._gaz_candidates(gaz_hits)
        gaz_index = _GazIndex(gaz_cands)
        model_cands = [m for m in model_cands if clean_model_span(text, m, self.gaz, gaz_index)]
        chosen = combine(gaz_cands + model_cands, self.gaz, text)
        if self.use_gazetteer:
            chosen = add_pattern_mentions(text, chosen, self.gaz)
        if self.use_gazetteer and self.fuzzy:
            chosen = self._add_fuzzy(text, ps, chosen, norms)
        chosen = add_rule_mentions(
            text, ps, chosen, self.gaz, self._title_words, title_rule=self.model is None, norms=norms
        )
        chosen = [m for m in chosen if not language_name(text, m)]
        attach_titles(text, chosen, self.gaz)
        return group(text, chosen, self.gaz)

    def _gaz_candidates(self, hits: list[GazMatch]) -> list[Mention]:
        g = self.gaz
        out = []
        for h in hits:
            curated = g.is_curated(h.entry)
            prio = PRIO_CURATED if curated else (PRIO_GAZ_MULTI if h.n_words > 1 else PRIO_GAZ)
            score = h.score if h.kind == "domain" else _gaz_score(g, h.entry)
            out.append(Mention(h.start, h.end, g.labels[h.entry], "gazetteer", score, prio, h.entry))
        return out

    def _model_candidates(self, article: Article, preds: list[Any]) -> list[Mention]:
        toks = article.tokens
        text = article.text
        out = []
        for p in preds:
            if not (0 <= p.start < p.end <= len(toks)):
                continue
            label = p.label if p.label in ("PER", "ORG", "LOC", "PRODUCT", "EVENT", "MISC") else "MISC"
            m = Mention(toks[p.start].start, toks[p.end - 1].end, label, "model", float(p.score), PRIO_MODEL)
            _trim_punct(text, m)
            if m.start < m.end:
                out.append(m)
        return out

    def _add_fuzzy(
        self, text: str, ps: list[Piece], chosen: list[Mention], norms: list[str] | None = None
    ) -> list[Mention]:
        """Link unmatched model mentions and find misspelled names among capitalised words."""
        g = self.gaz
        for m in chosen:
            if m.entry is None and m.source == "model":
                exact = g.lookup(text[m.start : m.end])
                if exact is not None and _label_fits(g.labels[exact], m.label):
                    m.entry = exact
                    continue
                hit = g.fuzzy_lookup(text[m.start : m.end])
                if hit is not None and _label_fits(g.labels[hit[0]], m.label):
                    m.entry = hit[0]
        covered = _coverage(chosen, len(text))
        extra: list[Mention] = []
        for run in capitalised_runs(text, ps, g, norms):
            # longest sub-window first
            n = len(run)
            x = 0
            while x < n:
                found = None
                for y in range(min(n, x + 3), x, -1):
                    s, e = ps[run[x]].start, ps[run[y - 1]].end
                    if _overlaps(covered, s, e):
                        continue
                    hit = g.fuzzy_lookup(text[s:e])
                    if hit is not None:
                        found = (y, s, e, hit)
                        break
                if found is None:
                    x += 1
                    continue
                y, s, e, (entry, sim) = found
                extra.append(
                    Mention(s, e, g.labels[entry], "gazetteer", round(0.9 * sim / 100, 3), PRIO_FUZZY, entry)
                )
                x = y
        return sorted(chosen + extra, key=lambda m: m.start)


def _gaz_score(gaz: Gazetteer, entry: int) -> float:
    """The score of an exact gazetteer mention of ``entry``: by the entry's source tier."""
    return SCORE_GAZ.get(gaz.tiers[entry], SCORE_GAZ_OTHER)


_LANGUAGE_BEFORE = re.compile(r"\bbahasa[ \t\u00a0]+\Z", re.IGNORECASE)
_LANGUAGE_SPAN = re.compile(r"bahasa[ \t\u00a0]+\S", re.IGNORECASE)


def language_name(text: str, m: Mention) -> bool:
    """Whether a place mention names a language (``bahasa Inggris``, ``Bahasa Indonesia``): not an
    entity (the place is not meant; school subjects are not entities either)."""
    if m.label != "LOC":
        return False
    if _LANGUAGE_SPAN.match(text, m.start):
        return True
    return _LANGUAGE_BEFORE.search(text, max(0, m.start - 12), m.start) is not None


def _line_starts(article: Article) -> set[int]:
    """Indices of the tokens that begin a new line (the text before them, after the previous
    token, holds a line break): the model tags each line on its own."""
    text = article.text
    toks = article.tokens
    out: set[int] = set()
    for i in range(1, len(toks)):
        a, b = toks[i - 1].end, toks[i].start
        if b > a and has_line_break(text[a:b]):
            out.add(i)
    return out


def _load_model(path: str | None):
    try:
        from .model import NerModel
    except Exception as err:
        warnings.warn(
            f"newsnlp entities: NER model not importable ({err}); running gazetteer-only", stacklevel=3
        )
        return None
    try:
        return NerModel.load(path)
    except Exception as err:
        warnings.warn(
            f"newsnlp entities: NER model not available ({err}); running gazetteer-only", stacklevel=3
        )
        return None


def _label_fits(gaz_label: str, model_label: str) -> bool:
    if gaz_label == model_label:
        return True
    return {gaz_label, model_label} <= {"ORG", "PRODUCT", "MISC", "EVENT"}


class _Cover:
    """Covered character positions of a text, for fast overlap tests."""

    __slots__ = ("bits",)

    def __init__(self, n: int, spans=()) -> None:
        self.bits = bytearray(n + 1)
        for s, e in spans:
            self.append((s, e))

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.bits[s:e] = b"\x01" * (e - s)

    def hit(self, s: int, e: int) -> bool:
        return self.bits.find(1, s, e) != -1


def _coverage(ms: list[Mention], n: int | None = None) -> _Cover:
    n = max((m.end for m in ms), default=0) if n is None else n
    return _Cover(n, [(m.start, m.end) for m in ms])


def _overlaps(spans, s: int, e: int) -> bool:
    if isinstance(spans, _Cover):
        return spans.hit(s, e)
    return any(a < e and s < b for a, b in spans)


# ---------------------------------------------------------------------------------------------
# combination
# ---------------------------------------------------------------------------------------------
def combine(cands: list[Mention], gaz: Gazetteer, text: str = "") -> list[Mention]:
    """Merge model and gazetteer candidates into non-overlapping mentions (docs/entities.md).

    1. Same span from both sources: one mention, ``source="both"``, with the gazetteer's label
       (the model's when the entry is a district, whose names are often also person names
       or words); the kb entry is kept when the labels fit.
    2. A model span that contains a curated PER, PRODUCT or EVENT name or a multiword person name
       with another label, or a model PER span that contains a curated ORG name, is dropped,
       unless it starts with an institution or place head word (``Universitas``, ``Jalan``); a
       model PER span that ends with a known person's name is cut to that name;
       a model PER span removes every overlapping gazetteer span that is neither curated nor PER.
    3. The remaining overlaps are resolved greedily: longer span first, then source priority
       (curated gazetteer > multiword gazetteer > model > single-word gazetteer > fuzzy > rule).
    4. Everything that overlaps nothing is kept (each source fills the other's gaps).
    """
    by_span: dict[tuple[int, int], Mention] = {}
    rest: list[Mention] = []
    for c in cands:
        key = (c.start, c.end)
        other = by_span.get(key)
        if other is None:
            by_span[key] = c
            continue
        model, g = (c, other) if c.source == "model" else (other, c)
        if model.source != "model" or g.source == "model":
            rest.append(c)
            continue
        label = g.label if gaz.tiers[g.entry] not in DISTRICT_TIERS else model.label
        entry = g.entry if _label_fits(gaz.labels[g.entry], label) else None
        by_span[key] = Mention(
            g.start, g.end, label, "both", max(model.score, g.score), max(model.prio, g.prio), entry
        )
    pool = list(by_span.values()) + rest
    # a model span around a known name of another kind is a model error: a curated PER, PRODUCT
    # or EVENT name (Ikuti Whatsapp Channel), or any multiword person name (DPR Jafar Hafsah);
    # LOC and ORG nest in each other naturally (Gedung DPR), and names of streets, buildings and
    # institutions may contain a person's name (Gelora Bung Karno, Universitas Gadjah Mada)
    vetoes = [
        m
        for m in pool
        if m.source == "gazetteer"
        and (
            (m.prio == PRIO_CURATED and m.label in ("PER", "PRODUCT", "EVENT", "ORG"))
            or (m.label == "PER" and m.prio == PRIO_GAZ_MULTI)
        )
    ]
    if vetoes:
        vetoes.sort(key=lambda c: c.start)
        veto_starts = [c.start for c in vetoes]
        keep = []
        for m in pool:
            if m.source == "model":
                inner = []
                for k in range(bisect_left(veto_starts, m.start), len(vetoes)):
                    c = vetoes[k]
                    if c.start >= m.end:
                        break
                    if c.end <= m.end and (c.start, c.end) != (m.start, m.end):
                        # a curated organisation inside vetoes only a person span (Cukai
                        # [Kemenkeu], Haji [DPR RI]); places and organisations nest
                        if c.label != "ORG" or m.label == "PER":
                            inner.append(c)
                if inner and m.label == "PER":
                    # a PER span with words before a known person's name (DKPP Jimly Asshiddiqie)
                    last = [
                        c
                        for c in inner
                        if c.label == "PER" and c.end == m.end and len(text[c.start : c.end].split()) >= 2
                    ]
                    if last:
                        continue  # the gazetteer's person name says the same, without the prefix
                if (
                    inner
                    and any(c.label != m.label for c in inner)
                    and not _starts_with_head(text[m.start : m.end], gaz)
                ):
                    continue
            keep.append(m)
        pool = keep
    model_per = _Cover(
        max((m.end for m in pool), default=0),
        [(m.start, m.end) for m in pool if m.source == "model" and m.label == "PER"],
    )
    if model_per.bits.find(1) != -1:
        pool = [
            m
            for m in pool
            if not (
                m.source == "gazetteer"
                and m.prio != PRIO_CURATED
                and m.label != "PER"
                and _overlaps(model_per, m.start, m.end)
            )
        ]
    pool.sort(key=lambda m: (-(m.end - m.start), -m.prio, m.start))
    chosen: list[Mention] = []
    spans = _Cover(max((m.end for m in pool), default=0))
    for m in pool:
        if not _overlaps(spans, m.start, m.end):
            chosen.append(m)
            spans.append((m.start, m.end))
    chosen.sort(key=lambda m: m.start)
    return chosen


# ---------------------------------------------------------------------------------------------
# titles and roles
# ---------------------------------------------------------------------------------------------
_LEN_TABLES: dict[int, tuple[list[str], list[tuple[int, frozenset[str]]] | None]] = {}


def _len_table(words: list[str]) -> list[tuple[int, frozenset[str]]] | None:
    """``words`` lower-cased and grouped by length, longest first (``None`` when lower-casing
    changes a word's length); cached per list, the gazetteer's lists never change."""
    hit = _LEN_TABLES.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    table: list[tuple[int, frozenset[str]]] | None = None
    if all(len(w.lower()) == len(w) for w in words):
        by_len: dict[int, set[str]] = {}
        for w in words:
            by_len.setdefault(len(w), set()).add(w.lower())
        table = [(n, frozenset(ws)) for n, ws in sorted(by_len.items(), reverse=True)]
    _LEN_TABLES[id(words)] = (words, table)
    return table


def _title_before(text: str, end: int, words: list[str]) -> str | None:
    """The longest entry of ``words`` that ends at ``end`` on a word boundary (any case).

    ``words`` is sorted longest first (as the gazetteer's lists are)."""
    head = text[max(0, end - 40) : end]
    low = head.lower()
    table = _len_table(words)
    if table is None:
        lengths = [(len(w), w.lower()) for w in words]
    else:
        # one set lookup per distinct length instead of one endswith per word: same result,
        # since the outcome depends only on the length of the matching entry
        lengths = [
            (n, low[len(low) - n :]) for n, keys in table if n <= len(low) and low[len(low) - n :] in keys
        ]
    for n, wl in lengths:
        if low.endswith(wl):
            s = len(head) - n
            if s == 0 and end - 40 > 0:
                continue
            if s > 0 and head[s - 1].isalnum():
                continue
            return head[s:]
    return None


def strip_title(text: str, m: Mention, gaz: Gazetteer) -> None:
    """Move titles at the start of a model PER span (``Presiden Donald Trump``,
    ``Dr Ir Mochamad Wahyudi``) out of it; the title keeps every stripped word."""
    if m.label != "PER":
        return
    start0 = m.start
    stripped = True
    while stripped:
        stripped = False
        span = text[m.start : m.end]
        low = span.lower()
        table = _len_table(gaz.titles)
        if table is None:
            cands = [(len(t), t.lower()) for t in gaz.titles]
        else:  # one set lookup per distinct title length (see _title_before)
            cands = [(n, low[:n]) for n, keys in table if low[:n] in keys]
        for n, tl in cands:
            if low.startswith(tl) and len(span) > n and span[n] in " \u00a0":
                rest = span[n:].lstrip(" \u00a0")
                if rest and rest[0].isupper():
                    m.start = m.end - len(rest)
                    stripped = True
                    break
    if m.start != start0:
        m.title = text[start0 : m.start].rstrip(" \u00a0")


def _trim_punct(text: str, m: Mention) -> None:
    """Strip punctuation and spaces at the edges of a span (an unmatched ``)`` too)."""
    s, e = m.start, m.end
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and (
        text[e - 1].isspace()
        or text[e - 1] in ".,;:!?\"'”’"
        or (text[e - 1] == ")" and text[s:e].count("(") < text[s:e].count(")"))
    ):
        e -= 1
    m.start, m.end = s, e


_LOWER_EDGE_OK = frozenset({"bin", "binti", "van", "von", "de", "da", "al", "el"})


class _GazIndex:
    """Gazetteer candidates indexed by span and by start, for :func:`clean_model_span`."""

    __slots__ = ("by_start", "spans")

    def __init__(self, cands: list[Mention]) -> None:
        self.spans = {(g.start, g.end) for g in cands}
        self.by_start: dict[int, list[Mention]] = {}
        for g in cands:
            self.by_start.setdefault(g.start, []).append(g)


def clean_model_span(text: str, m: Mention, gaz: Gazetteer, gaz_cands: list[Mention] | _GazIndex) -> bool:
    """Tidy a model span; ``False`` when nothing name-like is left (docs/entities.md, step 0).

    * an unbalanced ``(`` cuts the span before it (``Komisi Yudisial (KY``), an unbalanced ``)``
      starts it after (``RUPST) PT Sarana``);
    * lower-case words at either edge go (``citra Angel Lelga``, ``Ani cocok``; glued words are
      cut at their camel-case boundary: ``disapaBro`` -> ``Bro``);
    * a single ordinary word (``Begini``, ``Jadwal``: in the common-word list) or a span made of
      titles only (``CEO``) is dropped;
    * capitalised ordinary words after a name of 3+ words go (``Siti Nurjanah Sidang``);
    * titles at the start of a PER span move to ``title``;
    * a PER span after a title that starts with a known place or organisation loses it
      (``Presiden [Perancis Jacques Chirac]`` -> ``Jacques Chirac``, title ``Presiden Perancis``).
    """
    index = gaz_cands if isinstance(gaz_cands, _GazIndex) else _GazIndex(gaz_cands)
    span = text[m.start : m.end]
    if "\n" in span:
        # a span across a line break: keep its longest line (BBC INDONESIA)\n\nPihaknya)
        best = None
        off = 0
        for line in span.split("\n"):
            stripped = line.strip()
            if stripped and (best is None or len(stripped.split()) > len(best[2].split())):
                best = (m.start + off + line.index(stripped[0]), 0, stripped)
            off += len(line) + 1
        if best is None:
            return False
        m.start = best[0]
        m.end = best[0] + len(best[2])
        _trim_punct(text, m)
        span = text[m.start : m.end]
    if name_key(span) in gaz.not_entities:
        return False
    if span.count("(") > span.count(")"):
        cut = span.rfind("(")
        m.end = m.start + len(span[:cut].rstrip(" \u00a0"))
    elif span.count(")") > span.count("("):
        # an unbalanced ``)`` starts the span after it (``RUPST) PT Sarana`` -> ``PT Sarana``)
        cut = span.find(")") + 1
        rest = span[cut:]
        m.start += cut + len(rest) - len(rest.lstrip(" \u00a0"))
        if m.start >= m.end:
            return False
    ps = [p for p in pieces(text[m.start : m.end])]
    if not ps:
        return False
    base = m.start
    seg = text[m.start : m.end]
    i, j = 0, len(ps)
    while i < j and _lower_word(seg, ps, i):
        i += 1
    while j > i and _lower_word(seg, ps, j - 1):
        j -= 1
    if i >= j:
        return False
    m.start, m.end = base + ps[i].start, base + ps[j - 1].end
    if not any(c.isupper() or c.isdigit() for c in text[m.start : m.end]):
        return False
    words = text[m.start : m.end].split()
    if len(words) == 1 and name_key(words[0]) in gaz.common:
        return False  # a capitalised ordinary word (Begini, Jadwal); the gazetteer knows the rest
    if all(w.lower() in gaz.title_set for w in words):
        return False  # a title or role alone (CEO, Presiden) is not a name
    if m.label == "PER" and len(words) >= 3 and (m.start, m.end) not in index.spans:
        # a headline-cased word after a name (Siti Nurjanah Sidang)
        while len(words) > 2 and words[-1].isalpha() and name_key(words[-1]) in gaz.common:
            m.end = m.start + text[m.start : m.end].rstrip().rfind(words[-1])
            m.end = m.start + len(text[m.start : m.end].rstrip(" \u00a0"))
            words.pop()
    if len(words) >= 2 and (m.start, m.end) not in index.spans and _headline_line(text, m.start, m.end):
        # a known name followed by headline-cased ordinary words (Microsoft Diskusi dengan ...)
        for g in index.by_start.get(m.start, ()):
            rest = text[g.end : m.end].split()
            if g.end < m.end and rest and all(w.isalpha() and name_key(w) in gaz.common for w in rest):
                m.end = g.end
                m.label = g.label
                break
    strip_title(text, m, gaz)
    before = m.start
    while before > 0 and text[before - 1] in " \u00a0":
        before -= 1
    if m.label == "PER" and _title_before(text, before, gaz.titles):
        for g in index.by_start.get(m.start, ()):
            if g.end < m.end and g.label in ("LOC", "ORG"):
                rest = text[g.end : m.end]
                if rest[:1] in (" ", "\u00a0") and rest.strip()[:1].isupper():
                    m.start = m.end - len(rest.lstrip(" \u00a0"))
                break
    if m.label == "PER" and m.start < m.end:
        span = text[m.start : m.end]
        if any(c.isdigit() for c in span):
            return False  # no personal name holds a digit (Covid-19, MERS-CoV 2)
        if _ACRONYM.fullmatch(span):
            entry = gaz.lookup(span)
            if entry is None or gaz.labels[entry] != "PER":
                # an acronym the model alone calls a person is an organisation or a stock
                # ticker (SMIL, LSIP, YLBHI); persons known by initials (SBY) are in the gazetteer
                m.label = "ORG"
    return m.start < m.end


@lru_cache(maxsize=4)
def _speech_pattern(verbs: frozenset[str]) -> re.Pattern[str]:
    """The attribution pattern over the speech verbs (``gaz.speech_verbs``): a closing quote (group
    ``quote``) or a comma, a speech verb (``kata``, ``ujarnya``), then 1-4 capitalised words
    (``Amin``, ``Djaka Budi Utama``) that end the clause (punctuation, a lower-case word, the end of
    the text) and are not followed by an English ``of``/``for`` (``Head of Marketing``) or a number."""
    alternatives = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True)) or "(?!)"
    word = r"[A-Z][a-z]+(?:['\u2019-][A-Za-z]+)*"
    return re.compile(
        r"(?:(?P<quote>[\"\u201d'\u2019])|,)[ \u00a0]*(?:" + alternatives + r")(?:nya)?[ \u00a0]+"
        r"(?P<name>" + word + r"(?:[ \u00a0]" + word + r"){0,3})"
        r"(?![\w\u00a0]|[ \u00a0]+(?:of|for|\d)\b|[ \u00a0]+[A-Z])"
    )


#: Longest line (characters) taken for a headline by :func:`_headline_line`.
_HEADLINE_MAX = 250


def _headline_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``text[start:end]`` is a headline in Title Case: at most
    ``_HEADLINE_MAX`` characters, 4+ words, and 70 % or more of its words capitalised."""
    a = text.rfind("\n", max(0, start - _HEADLINE_MAX), start)
    if a < 0 and start > _HEADLINE_MAX:
        return False
    b = text.find("\n", end, end + _HEADLINE_MAX)
    if b < 0:
        if len(text) - end > _HEADLINE_MAX:
            return False
        b = len(text)
    words = [w for w in text[a + 1 : b].split() if w[:1].isalpha()]
    if len(words) < 4 or b - a > _HEADLINE_MAX:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _lower_word(seg: str, ps: list[Piece], k: int) -> bool:
    w = seg[ps[k].start : ps[k].end]
    return w[0].islower() and w.isalpha() and w not in _LOWER_EDGE_OK


def attach_titles(text: str, ms: list[Mention], gaz: Gazetteer) -> None:
    """Set ``title`` and ``role`` of PER mentions from the words just before them.

    ``CEO Microsoft, Satya Nadella`` -> role ``CEO Microsoft`` (a role word, then an ORG/LOC
    mention, then an optional comma); ``Gubernur Jawa Tengah Ganjar`` -> title
    ``Gubernur Jawa Tengah``; ``Presiden Donald Trump`` -> title ``Presiden``.
    """
    by_end = {m.end: m for m in ms}
    org_loc: _Cover | None = None
    for m in ms:
        if m.label != "PER" or m.title or m.role:
            continue
        gap = _WS_COMMA.search(text, max(0, m.start - 4), m.start)
        if gap is not None and gap.end() == m.start:
            prev = by_end.get(gap.start())
            if prev is not None and prev.label in ("ORG", "LOC"):
                gap2 = _WS_COMMA.search(text, max(0, prev.start - 4), prev.start)
                if (
                    gap2 is not None
                    and gap2.end() == prev.start
                    and "," not in text[gap2.start() : gap2.end()]
                ):
                    role = _title_before(text, gap2.start(), gaz.roles) if prev.label == "ORG" else None
                    if role is not None:
                        m.role = text[gap2.start() - len(role) : prev.end]
                        continue
                    title = _title_before(text, gap2.start(), gaz.titles)
                    if title is not None and "," not in text[prev.end : m.start]:
                        m.title = text[gap2.start() - len(title) : prev.end]
                        continue
            if "," not in text[gap.start() : gap.end()]:
                title = _title_before(text, gap.start(), gaz.titles)
                if title is not None:
                    m.title = title
                else:
                    if org_loc is None:
                        org_loc = _Cover(
                            len(text), [(o.start, o.end) for o in ms if o.label in ("ORG", "LOC")]
                        )
                    m.title = _long_title_before(text, gap.start(), ms, gaz, org_loc)


def _long_title_before(
    text: str, end: int, ms: list[Mention], gaz: Gazetteer, spans: _Cover | None = None
) -> str | None:
    """A title followed by capitalised common words or ORG/LOC mentions ending at ``end``
    (``Menteri Keuangan``, ``Kepala Dinas Kesehatan Bantul``). ``spans``: the ORG/LOC mentions
    of ``ms`` (built once by the caller; built here when missing)."""
    head_start = max(0, end - 80)
    words = list(re.finditer(r"[^\s,;:()]+", text[head_start:end]))
    if spans is None:
        spans = _Cover(len(text), [(m.start, m.end) for m in ms if m.label in ("ORG", "LOC")])
    for k in range(len(words) - 1, max(-1, len(words) - 7), -1):
        w = words[k].group()
        ws = head_start + words[k].start()
        if (
            k < len(words) - 1
            and text[head_start + words[k].end() : head_start + words[k + 1].start()].strip()
        ):
            return None
        if k < len(words) - 1:
            t = _title_before(text, head_start + words[k].end(), gaz.titles)
            if t is not None and len(t) >= len(w):
                return text[head_start + words[k].end() - len(t) : end].rstrip()
        if not w[0].isupper():
            return None
        if norm(w) not in gaz.common and not _overlaps(spans, ws, ws + len(w)):
            return None
    return None


# ---------------------------------------------------------------------------------------------
# rule mentions: titled names, in-article names, acronyms
# ---------------------------------------------------------------------------------------------
def capitalised_runs(
    text: str, ps: list[Piece], gaz: Gazetteer, norms: list[str] | None = None
) -> list[list[int]]:
    """Runs of capitalised word pieces (max 4 words) that may be names.

    Sentence-initial common words, titles and lone ambiguous words are left out.
    """
    if norms is None:
        norms = piece_norms(text, ps)
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, p in enumerate(ps):
        if not text[p[0]].isupper():
            if cur:
                runs.append(cur)
                cur = []
            continue
        t = text[p.start : p.end]
        ok = t.isalpha() and not (p.glued and cur == [] and i > 0 and text[ps[i - 1].start].isalpha())
        if ok:
            k = norms[i]
            if k in gaz.common and (is_sentence_start(text, ps, i) or (not cur and len(t) < 4)):
                ok = False
        if (
            ok
            and (not cur or (not p.newline and not p.glued and ps[i - 1].end + 1 >= p.start))
            and len(cur) < 4
        ):
            cur.append(i)
            continue
        if cur:
            runs.append(cur)
        cur = [i] if ok else []
    if cur:
        runs.append(cur)
    return runs


def add_rule_mentions(
    text: str,
    ps: list[Piece],
    chosen: list[Mention],
    gaz: Gazetteer,
    title_words: frozenset[str],
    title_rule: bool = True,
    norms: list[str] | None = None,
) -> list[Mention]:
    """Add mentions the sources missed, from evidence inside the article.

    * Acronym definitions: ``Komisi Pemberantasan Korupsi (KPK)``; the acronym's other
      occurrences become mentions of the same entity. A long form that no source found becomes
      an ORG mention when its initials spell the acronym and it starts with an organisation
      head word (``Lembaga``, ``Badan``: ``org_heads.txt``).
    * Names after a title (only when ``title_rule``, i.e. without the model):
      ``Bupati Sleman Kustini Sri Purnomo`` -> PER ``Kustini Sri Purnomo``; a single word only
      after an honorific (``Pak Harto``).
    * A first or last word of a multiword PER name standing alone elsewhere in the article
      (``Nadella`` for ``Satya Nadella``).
    """
    spans = _coverage(chosen, len(text))
    extra: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not _overlaps(spans, s, e)

    def add(m: Mention) -> None:
        extra.append(m)
        spans.append((m.start, m.end))

    starts = {m.start: m for m in chosen}
    ends = {m.end: m for m in chosen}
    # acronyms
    acr_links: dict[str, Mention] = {}
    for am in _ACRONYM_DEF.finditer(text):
        acr = am.group(1)
        letters = [c for c in acr if c.isalpha()]
        short_name = False  # PT Pintu Kemana Saja (Pintu): a word of the name, not its initials
        if sum(c.isupper() for c in letters) < max(2, len(letters) - 2):
            short_name = True
        long_m = None
        before_end = am.start()  # len(text[: am.start()].rstrip(" \u00a0")), without the copy
        while before_end > 0 and text[before_end - 1] in " \u00a0":
            before_end -= 1
        if short_name:
            long_m = ends.get(before_end) if before_end < am.start() else None
            if long_m is None or long_m.label not in ("ORG", "PRODUCT"):
                continue
            if acr not in text[long_m.start : long_m.end].split()[1:]:
                continue
        elif before_end < am.start():
            long_m = ends.get(before_end)
            if long_m is not None and long_m.label == "LOC" and acr[0].lower() != text[long_m.start].lower():
                # a place name right before the brackets is not what they abbreviate when the
                # initial differs: it ends a longer name (Kawasan Industri Indonesia (HKI))
                continue
            if long_m is None:
                long_m = _initials_mention(text, before_end, acr, gaz)
                if long_m is not None and not _has_org_head(text[long_m.start : long_m.end], gaz):
                    long_m = None
                if long_m is not None and free(long_m.start, long_m.end):
                    add(long_m)
                else:
                    long_m = None
        if long_m is None or long_m.label not in ("ORG", "LOC", "EVENT", "PRODUCT", "MISC"):
            continue
        s, e = am.start(1), am.end(1)
        inner = starts.get(s)
        if inner is not None and inner.end == e:
            inner.link = long_m
        elif free(s, e):
            add(Mention(s, e, long_m.label, "rule", SCORE_RULE, PRIO_RULE, long_m.entry, link=long_m))
        if not (short_name and name_key(acr) in gaz.common):
            acr_links[acr] = long_m  # later mentions; an ordinary word (pintu) only in brackets
    for acr, long_m in acr_links.items():
        for a, b in _word_spans(text, acr, long_m.start):
            inner = starts.get(a)
            if inner is not None and inner.end == b:
                if inner.link is None:
                    inner.link = long_m
            elif free(a, b):
                add(Mention(a, b, long_m.label, "rule", SCORE_RULE, PRIO_RULE, long_m.entry, link=long_m))
    if norms is None:
        norms = piece_norms(text, ps)
    # one-word places that are also common words, after a locative word: di Padang, ke Palu
    if gaz.context_places:
        for k, w in enumerate(norms):
            entry = gaz.context_places.get(w)
            if entry is None or k == 0:
                continue
            p = ps[k]
            t = text[p.start : p.end]
            prev = ps[k - 1]
            if not t.istitle() or p.glued or p.newline or norms[k - 1] not in gaz.locative_words:
                continue
            if prev.glued or not text[prev.start].isalpha() or not free(p.start, p.end):
                continue
            add(Mention(p.start, p.end, "LOC", "gazetteer", _gaz_score(gaz, entry), PRIO_GAZ, entry))
    # the speaker after a quotation: "...," kata Amin.
    for sm in _speech_pattern(gaz.speech_verbs).finditer(text):
        s, e = sm.span("name")
        words = sm.group("name").split()
        if words[0].lower() in gaz.title_set or not free(s, e):
            continue  # a position first (kata Menteri Keuangan ...): the title rules handle it
        if sm.group("quote") is None and text[e : e + 1] != ",":
            continue  # after a comma only as an aside: ..., kata Amin, ...
        add(Mention(s, e, "PER", "rule", SCORE_RULE, PRIO_RULE))
    # initials of a suspect, victim or witness: "pria berinisial VT", "inisial MR dan SN"
    for im in _INITIALS.finditer(text) if "nisial" in text else ():
        found = [im.span(1)]
        pos = im.end()
        while (more := _MORE_INITIALS.match(text, pos)) is not None:
            found.append(more.span(1))
            pos = more.end()
        for s, e in found:
            initials = text[s:e]
            later = []
            if len(initials) >= 2 and name_key(initials) not in gaz.keys:
                later = _word_spans(text, initials, e)
            for a, b in [(s, e), *later]:
                m = starts.get(a)
                if m is not None and m.end == b:
                    if m.label != "PER":
                        m.label, m.entry, m.link = "PER", None, None
                elif free(a, b):
                    add(Mention(a, b, "PER", "rule", SCORE_RULE, PRIO_RULE))
    # names after a title (an ORG/LOC mention right after the title is part of the title)
    n = len(ps)
    todo = [k for k, w in enumerate(norms) if w in title_words] if title_rule else []
    i = 0
    for i0 in todo:
        if i0 < i:
            continue
        i = i0
        p = ps[i]
        w = text[p.start : p.end]
        if not w[0].isupper() or p.glued or _overlaps(spans, p.start, p.end):
            i += 1
            continue
        j = i + 1
        while j < n and not ps[j].newline and norm(text[ps[j].start : ps[j].end]) in title_words:
            j += 1
        honorific = norm(text[ps[j - 1].start : ps[j - 1].end]) in gaz.honorifics
        # skip the rest of the position: capitalised common words and ORG/LOC mentions
        # (Kepala Dinas Kesehatan Bantul | Agus Budi)
        for _ in range(6):
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
        while j < n and len(words) < 4:
            q = ps[j]
            t = text[q.start : q.end]
            if q.newline or q.glued or not (t[0].isupper() and t.isalpha()) or not free(q.start, q.end):
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
            add(Mention(ps[words[0]].start, ps[words[-1]].end, "PER", "rule", SCORE_RULE, PRIO_RULE))
        i = max(j, i + 1)
    # parts of multiword PER names
    per_parts: dict[str, Mention] = {}
    for m in chosen + extra:
        if m.label != "PER":
            continue
        words = text[m.start : m.end].split()
        if len(words) < 2:
            continue
        if not all(w.isalpha() for w in words):
            continue
        for w in (words[0], words[-1]):
            if w.isupper() or norm(w) in gaz.common or norm(w) in title_words:
                continue
            if len(w) >= 3 and w[0].isupper():
                per_parts.setdefault(w, m)
    if per_parts:
        for i, p in enumerate(ps):
            w = text[p.start : p.end]
            if w in per_parts and free(p.start, p.end):
                if p.glued or (i + 1 < len(ps) and ps[i + 1].glued and text[ps[i + 1].start].isalpha()):
                    continue
                # standing alone: no other name word right before or after it (Once | Mekel)
                if _name_word(text, ps, i - 1, gaz) and not ps[i].newline:
                    continue
                if i + 1 < len(ps) and not ps[i + 1].newline and _name_word(text, ps, i + 1, gaz):
                    continue
                add(Mention(p.start, p.end, "PER", "rule", 0.7, PRIO_RULE))
    return sorted(chosen + extra, key=lambda m: m.start)


def _word_spans(text: str, word: str, pos: int = 0) -> list[tuple[int, int]]:
    """Spans of ``word`` standing as a whole word (not inside a longer word or hyphenated
    compound) in ``text`` from ``pos`` on."""
    return [m.span() for m in re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])").finditer(text, pos)]


def _name_word(text: str, ps: list[Piece], k: int, gaz: Gazetteer) -> bool:
    """Whether piece ``k`` is a capitalised word that could be part of a name."""
    if k < 0 or k >= len(ps):
        return False
    w = text[ps[k].start : ps[k].end]
    return w[0].isupper() and w.isalpha() and norm(w) not in gaz.common


def _starts_with_head(name: str, gaz: Gazetteer) -> bool:
    """Whether a name starts like an institution or a place (``Universitas``, ``Jalan``)."""
    words = name.split()
    if not words:
        return False
    heads = gaz.org_heads | gaz.place_heads
    return norm(words[0]) in heads or norm(" ".join(words[:2])) in heads


def _has_org_head(name: str, gaz: Gazetteer) -> bool:
    words = name.split()
    return bool(words) and (norm(words[0]) in gaz.org_heads or norm(" ".join(words[:2])) in gaz.org_heads)


_PHRASE_WORD = r"(?:[A-Z][\w'’-]*|\d{1,4}|&|of|to|the|de|ke-\d+)"
_PHRASE = re.compile(rf"[A-Z][\w'’-]*(?:[ \u00a0]+{_PHRASE_WORD})*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MODEL_NO = re.compile(r"[ \u00a0]([A-Z]{0,4}\d{1,4}[A-Za-z]{0,3})(?![\w-])")
_LOWER_TAIL = frozenset({"of", "to", "the", "de", "&"})
#: A school's type and number, up to where the place name starts (``SMAN 1 ``, ``SMP Negeri 3 ``).
_SCHOOL = re.compile(
    r"(?<![\w-])(?:SDN?|SMPN?|SMAN?|SMKN?|SLBN?|MTsN?|MAN|MIN)(?:[ \u00a0]+(?:Negeri|Swasta))?"
    r"[ \u00a0]+\d{1,3}[ \u00a0]+(?=[A-Z])"
)


def add_pattern_mentions(text: str, chosen: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """EVENT names from head words, PRODUCT models from a brand and a model number.

    * A capitalised phrase (capitalised words, numbers, a few particles) that starts with an
      event head (``Piala``, ``Liga``, ``Kejuaraan``, ``Festival`` ...) and has at least two
      words, or that ends with a tail head (``Games``, ``Cup``, ``Festival``, ``Expo`` ...) and
      an optional year, is an EVENT (``Kejuaraan Dunia Basket Polisi 2025``, ``Liga Malaysia``,
      ``World Police & Fire Games 2025``); heads are data (``curated/event_heads.txt``). Mentions
      inside it are absorbed; a mention crossing its edge cancels it.
    * A school's type and number before a place mention is an ORG (``SMAN 1 Bandung``).
    * A known company followed by a model number is a PRODUCT (``Xpeng G6``, ``Boeing 737``).
    """
    # the mentions overlapping a phrase are found by bisection over the mentions sorted by start
    # (looking back by the longest mention); phrases come in text order and never overlap, so
    # an EVENT added for one phrase never overlaps a later one
    by_start = sorted(chosen, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    longest = max((m.end - m.start for m in by_start), default=0)
    removed: set[int] = set()
    added: list[Mention] = []
    for pm in _PHRASE.finditer(text):
        if " " not in pm.group() and "\u00a0" not in pm.group():
            continue
        words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", pm.group())]
        keys = [norm(w[2]) for w in words]
        span = _event_span(keys, gaz)
        if span is None:
            continue
        a, b = span
        s, e = pm.start() + words[a][0], pm.start() + words[b - 1][1]
        inside = [
            by_start[k]
            for k in range(bisect_left(starts, s - longest), bisect_left(starts, e))
            if s < by_start[k].end and id(by_start[k]) not in removed
        ]
        if any(m.start < s or m.end > e for m in inside):
            continue
        if any(m.label == "EVENT" and (m.start, m.end) == (s, e) for m in inside):
            continue
        removed.update(id(m) for m in inside)
        added.append(Mention(s, e, "EVENT", "rule", SCORE_RULE, PRIO_RULE, None))
    out = [m for m in chosen if id(m) not in removed] + added
    # a school: its type and number before a place (SMAN 1 Bandung, SMP Negeri 3 Kota Malang)
    if "SD" in text or "SM" in text or "MTs" in text or "MAN" in text or "MIN" in text:
        loc_at = {m.start: m for m in out if m.label == "LOC"}
        for sm in _SCHOOL.finditer(text):
            place = loc_at.get(sm.end())
            if place is None or place not in out:
                continue
            # mentions over the type and number go too (SMP Negeri, Perwakilan SMAN)
            out = [m for m in out if not (m.start < place.end and sm.start() < m.end)]
            out.append(Mention(sm.start(), place.end, "ORG", "rule", SCORE_RULE, PRIO_RULE))
    for m in list(out):
        if m.source == "model":
            # the model's own span over a brand and a model number (Xpeng X9 as PER or ORG)
            span = text[m.start : m.end]
            head, _, last = span.rpartition(" ")
            brand = gaz.lookup(head) if head else None
            if (
                brand is not None
                and gaz.labels[brand] == "ORG"
                and gaz.tiers[brand] in (0, 5)
                and _MODEL_NO.fullmatch(" " + last)
                and any(c.isdigit() for c in last)
                and not _YEAR.fullmatch(last)
            ):
                m.label, m.entry = "PRODUCT", None
            continue
        if m.label != "ORG" or m.entry is None or gaz.tiers[m.entry] not in (0, 5):
            continue
        mm = _MODEL_NO.match(text, m.end)
        if mm is None or not any(c.isdigit() for c in mm.group(1)) or _YEAR.fullmatch(mm.group(1)):
            continue
        e = mm.end(1)
        if any(o is not m and o.start < e and m.start < o.end for o in out):
            continue
        out.remove(m)
        out.append(Mention(m.start, e, "PRODUCT", "rule", SCORE_RULE, PRIO_RULE))
    out.sort(key=lambda m: m.start)
    return out


def _event_span(keys: list[str], gaz: Gazetteer) -> tuple[int, int] | None:
    """Word range of an event name in a capitalised phrase, or ``None``.

    A tail head with words before it wins (``East Jakarta Agricilture Festival 2025``); else the
    first head followed by at least one more word (``Festival Film Indonesia``)."""
    n = len(keys)
    last_by, first_by = gaz.event_last_by_word, gaz.event_first_by_word
    for b in range(n, 0, -1):
        for head in last_by.get(keys[b - 1], ()):
            k = len(head)
            if b - k >= 1 and tuple(keys[b - k : b]) == head:
                end = b + 1 if b < n and _YEAR.fullmatch(keys[b]) else b
                # one leading ordinary word is a category noun (Ajang, Gelaran), not the name
                a = 1 if b - k >= 2 and keys[0] in gaz.common else 0
                if a < b - k:
                    return a, end
    for a in range(n):
        for head in first_by.get(keys[a], ()):
            if tuple(keys[a : a + len(head)]) == head:
                b = n
                while b > a and keys[b - 1] in _LOWER_TAIL:
                    b -= 1
                if b - a > len(head):
                    return a, b
                return None
    return None


def _initials_mention(text: str, end: int, acr: str, gaz: Gazetteer) -> Mention | None:
    """An ORG mention for the capitalised words before ``end`` whose initials spell ``acr``."""
    head = text[max(0, end - 200) : end]
    words = list(re.finditer(r"[\w'’-]+", head))
    target = acr.upper()
    letters: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group()
        if w.lower() in gaz.particles:
            continue
        if not w[0].isupper():
            break
        letters.insert(0, w[0])
        got = "".join(letters)
        if got == target:
            s = max(0, end - 200) + words[k].start()
            return Mention(s, end, "ORG", "rule", SCORE_RULE, PRIO_RULE)
        if not target.endswith(got):
            # allow acronyms built from syllables (Kemenkes): stop when initials stop matching
            break
    return None


# ---------------------------------------------------------------------------------------------
# grouping
# ---------------------------------------------------------------------------------------------
def group(text: str, ms: list[Mention], gaz: Gazetteer) -> list[Entity]:
    """Group mentions into entities and build the :class:`Entity` list (docs/entities.md)."""
    n = len(ms)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    pos = {id(m): i for i, m in enumerate(ms)}
    first_by_key: dict[Any, int] = {}
    for i, m in enumerate(ms):
        surface = text[m.start : m.end]
        if m.entry is not None:
            key: Any = ("e", m.entry)
        else:
            key = ("t", m.label, name_key(surface))
        if key in first_by_key:
            union(first_by_key[key], i)
        else:
            first_by_key[key] = i
        if m.link is not None and id(m.link) in pos:
            union(pos[id(m.link)], i)
    # PER names: a shorter mention whose words are the first or last words of a fuller one
    # (the fuller mentions are found through an index of every proper prefix and suffix of
    # every PER mention, so this is linear in the number of mentions, not quadratic)
    pers = [(i, tuple(text[m.start : m.end].split())) for i, m in enumerate(ms) if m.label == "PER"]
    fuller: dict[tuple, list[int]] = {}  # (words) and (words, entry) -> mention indices, in order
    for j, full in pers:
        entry_j = ms[j].entry
        parts = {full[:k] for k in range(1, len(full))} | {full[-k:] for k in range(1, len(full))}
        for part in parts:
            fuller.setdefault((part,), []).append(j)
            fuller.setdefault((part, entry_j), []).append(j)
    for i, words in pers:
        own = ms[i].entry
        # "Trump" linked to Donald Trump never joins "Ivanka Trump"
        cands = fuller.get((words,) if own is None else (words, own))
        if not cands:
            continue
        k = bisect_left(cands, i)  # the nearest fuller name before, else the nearest after
        union(cands[k - 1] if k > 0 else cands[k], i)
    # acronyms spelled by the initials of an ORG in the article
    orgs = [(i, m) for i, m in enumerate(ms) if m.label == "ORG"]
    by_initials: dict[tuple[str, int], list[int]] = {}
    for j, o in orgs:
        words = [w for w in text[o.start : o.end].split() if w.lower() not in gaz.particles]
        if 2 <= len(words) <= 8:
            by_initials.setdefault(("".join(w[0] for w in words).upper(), len(words)), []).append(j)
    for i, m in orgs:
        s = text[m.start : m.end]
        if not (s.isupper() and 2 <= len(s) <= 8 and s.isalpha()):
            continue
        js = [j for j in by_initials.get((s, len(s)), [])[:2] if j != i]
        if js:
            union(js[0], i)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    entities: list[Entity] = []
    for gid, (_root, members) in enumerate(sorted(groups.items(), key=lambda kv: min(kv[1]))):
        entries = Counter(ms[i].entry for i in members if ms[i].entry is not None)
        # (ties in set order, which for ints is deterministic)
        entry = max(set(entries), key=lambda e: (entries[e], -gaz.tiers[e])) if entries else None
        if entry is not None:
            label = gaz.labels[entry]
            canonical = gaz.names[entry]
            kb = gaz.kbs[entry]
            # a person's fullest name in the article wins over a shorter KB name
            if label == "PER":
                fullest = max(
                    (text[ms[i].start : ms[i].end] for i in members), key=lambda s: (len(s.split()), len(s))
                )
                if len(fullest.split()) > len(canonical.split()):
                    canonical = fullest
        else:
            # a tie goes to PER, else to the label seen first (not to set order, which
            # depends on the process's string hash seed)
            labels = Counter(ms[i].label for i in members)
            label = max(labels, key=lambda lab: (labels[lab], lab == "PER"))
            canonical = max(
                (" ".join(text[ms[i].start : ms[i].end].split()) for i in members),
                key=lambda s: (len(s.split()), len(s)),
            )
            kb = None
        for i in members:
            m = ms[i]
            entities.append(
                Entity(
                    start=m.start,
                    end=m.end,
                    text=text[m.start : m.end],
                    label=label,
                    canonical=canonical,
                    entity_id=gid,
                    kb_id=kb,
                    score=round(m.score, 3),
                    title=m.title,
                    role=m.role,
                    source=m.source,
                )
            )
    entities.sort(key=lambda e: e.start)
    return entities


@register_stage("entities", requires=("text", "tokens"), assigns=("entities",))
def make_entity_stage(**options: Any) -> EntityStage:
    """Factory of the ``entities`` stage. Options: ``model`` (bool, default True),
    ``model_path``, ``gazetteer`` (bool), ``gazetteer_path``, ``fuzzy`` (bool), ``batch_size``.
    ``use_model`` is accepted as another name of ``model``."""
    if "use_model" in options:
        options["model"] = options.pop("use_model")
    return EntityStage(**options)
