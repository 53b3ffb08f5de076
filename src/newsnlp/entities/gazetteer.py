"""The compiled entity gazetteer: loading, exact matching over text and fuzzy lookup.

The gazetteer is compiled by ``scripts/build_gazetteers.py`` into
``newsnlp/data/gazetteer/gazetteer.json.gz`` (see ``docs/entities.md``). Matching runs a spaCy
:class:`~spacy.matcher.PhraseMatcher` over the normalised sub-word pieces of
:mod:`newsnlp.entities.textutil` (one Doc token per piece), so it is independent of the tokeniser
that produced ``article.tokens``. The compiled patterns are the piece sequences each name can be
written as (``Tik Tok``/``TikTok``/``Tiktok``, ``Olah Raga``/``Olahraga``); the case and context
rules then pick leftmost-longest among the candidates.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..data import data_path, load_json
from ..data.outlets import DOMAIN_LABEL, tld_alternation, tld_last_labels
from ..errors import ConfigError
from .resources import RULES
from .textutil import DROPPED, Pieces, name_key, norm, piece_norms, pieces

__all__ = ["DEFAULT_GAZETTEER_PATH", "FUZZY_CUTOFFS", "GazMatch", "Gazetteer"]

DEFAULT_GAZETTEER_PATH = data_path("gazetteer", "gazetteer.json.gz")
#: The format of the compiled gazetteer this code reads (``"version"`` in the file).
FORMAT_VERSION = 1

#: Fuzzy acceptance threshold (rapidfuzz ``fuzz.ratio`` on keys) by key length, longest first;
#: shorter keys are never fuzzy-matched. Chosen with ``benchmarks/entities_stage.py --fuzzy-eval``
#: (``data/entities/rules.json``, ``fuzzy``).
FUZZY_CUTOFFS: tuple[tuple[int, float], ...] = tuple(
    (int(n), float(c)) for n, c in sorted(RULES["fuzzy"]["cutoffs"], reverse=True)
)
FUZZY_MIN_LEN: int = RULES["fuzzy"]["min_chars"]

#: A web domain of the top-level domains outlets use (``data/outlets/outlets.json``, the one source).
_DOMAIN = re.compile(
    rf"(?<![\w@/.-])((?:{DOMAIN_LABEL}\.)+(?:{tld_alternation('outlet')}))(?![\w/.])",
    re.IGNORECASE,
)
#: Where a web domain may end (a fast literal search); :data:`_DOMAIN` runs only around these.
_TLD_HINT = re.compile(rf"\.(?:{tld_last_labels('outlet')})(?![A-Za-z0-9])", re.IGNORECASE)
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_SENT_END = frozenset(".!?")
#: Doc word standing for every piece that is in no pattern (keeps the matcher's vocabulary bounded).
_OTHER = "\x00"
#: Pieces matched per Doc: a long text is matched window by window (each window reaching the longest
#: pattern's length into the next), so the Doc's memory is bounded whatever the length of the text.
MATCH_WINDOW = 10_000
_OPENERS = frozenset("\"'“‘([«—–-•*")


@dataclass(slots=True)
class GazMatch:
    """One gazetteer hit: character span, entry index and how it was found."""

    start: int
    end: int
    entry: int
    #: ``exact``, ``domain``, ``user`` or ``fuzzy``.
    kind: str
    score: float
    #: Number of words in the matched text.
    n_words: int = 1


class Gazetteer:
    """Entries (name, label, kb id, source tier) and the indexes to find them in text."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        if data["version"] != FORMAT_VERSION:
            raise ConfigError(
                "entities",
                f"the gazetteer file has format version {data['version']!r}; this newsnlp reads "
                f"version {FORMAT_VERSION} (rebuild it with scripts/build_gazetteers.py)",
            )
        ent = data["entries"]
        self.names: list[str] = ent["name"]
        self.labels: list[str] = ent["label"]
        self.kbs: list[str | None] = ent["kb"]
        self.tiers: list[int] = ent["tier"]
        self.tier_names: list[str] = data["tiers"]
        self._curated = self.tier_names.index("curated") if "curated" in self.tier_names else -1
        #: The user's own names (:mod:`newsnlp.entities.user_names`), matched first, and the
        #: index of their first entry in this gazetteer's entries.
        self.user: Gazetteer | None = None
        self.user_offset = 0
        self.keys: dict[str, int] = data["keys"]
        self.cased: dict[str, str] = data["cased"]
        self.lc: dict[str, int] = data["lc"]
        self.domains: dict[str, int] = data["domains"]
        self.ambiguous: frozenset[str] = frozenset(data["ambiguous"])
        self.common: frozenset[str] = frozenset(data["common"])
        self.titles: list[str] = sorted(data["titles"], key=len, reverse=True)
        self.roles: list[str] = sorted(data["roles"], key=len, reverse=True)
        #: Lower-cased words of every title and role (``ceo``, ``presiden``, ``wakil``).
        self.title_set: frozenset[str] = frozenset(
            w.lower() for t in (*data["titles"], *data["roles"]) for w in t.split()
        )
        #: First words of every title and role (``menteri``, ``ceo``, ``jaksa``; not ``agung``).
        self.title_heads: frozenset[str] = frozenset(
            norm(t.split()[0]) for t in (*data["titles"], *data["roles"]) if t.split()
        )
        self.particles: frozenset[str] = frozenset(data["particles"])
        #: Titles that only ever precede a person's name (Pak, Dr., Irjen).
        self.honorifics: frozenset[str] = frozenset(norm(t) for t in data.get("honorifics", []))
        #: Keys of phrases that are never entities (Breaking News, All Right Reserved).
        self.not_entities: frozenset[str] = frozenset(data.get("not_entities", []))
        #: First words of names of places and facilities (Jalan, Bandara, Stadion, Gedung).
        self.place_heads: frozenset[str] = frozenset(norm(t) for t in data.get("place_heads", []))
        #: Words that begin (``<``) or end (``>``) an event name, as tuples of normalised words.
        heads = data.get("event_heads", [])
        self.event_first: frozenset[tuple[str, ...]] = frozenset(
            tuple(norm(w) for w in h[1:].split()) for h in heads if h.startswith("<")
        )
        self.event_last: frozenset[tuple[str, ...]] = frozenset(
            tuple(norm(w) for w in h[1:].split()) for h in heads if h.startswith(">")
        )
        self.event_first_by_word: dict[str, list[tuple[str, ...]]] = {}
        for h in self.event_first:
            self.event_first_by_word.setdefault(h[0], []).append(h)
        self.event_last_by_word: dict[str, list[tuple[str, ...]]] = {}
        for h in self.event_last:
            self.event_last_by_word.setdefault(h[-1], []).append(h)
        #: First words of organisation names (Badan, Komisi, Lembaga).
        self.org_heads: frozenset[str] = frozenset(norm(t) for t in data.get("org_heads", []))
        #: Speech verbs of news attribution (``kata``, ``ujar``): ``"...," kata Amin``.
        self.speech_verbs: frozenset[str] = frozenset(data.get("speech_verbs", []))
        #: One-word place names that are also common words (``padang``), key -> entry: a place
        #: only right after a locative word (``di Padang``), see ``locative_words``.
        self.context_places: dict[str, int] = data.get("context_places", {})
        self.locative_words: frozenset[str] = frozenset(data.get("locative_words", []))
        self._fuzzy_keys: list[str] = data["fuzzy"]
        self._build_matcher(data["patterns"])
        self._blocks: dict[tuple[str, int], list[str]] | None = None
        self._person_words: dict[str, int] | None = None
        self._fuzzy_cache: dict[str, tuple[int, float] | None] = {}

    def person_word_count(self, word: str) -> int:
        """How many persons' names of the gazetteer hold ``word`` as one of their words (``jack``:
        Jack Ma, Jack Nicholson ...; ``zionis``: none). Counted on first use."""
        if self._person_words is None:
            counts: dict[str, int] = {}
            for name, label in zip(self.names, self.labels):
                if label == "PER":
                    for w in name.split():
                        k = name_key(w)
                        counts[k] = counts.get(k, 0) + 1
            self._person_words = counts
        return self._person_words.get(name_key(word), 0)

    def _build_matcher(self, patterns: list[str]) -> None:
        """The PhraseMatcher over pieces: every key as one piece, plus the compiled multi-piece
        patterns (space-separated normalised pieces). It has its own small vocabulary: the pieces
        of the patterns and one placeholder for every other piece."""
        words = set(self.keys)
        words.update(" ".join(patterns).split())
        words.add(_OTHER)
        # a Doc token's ORTH is the id of its string: the hash, or the symbol id of the few
        # strings spaCy reserves (``meta``); Docs add their words to the vocabulary themselves
        ids = {w: get_string_id(w) for w in words}
        get = ids.__getitem__
        self._vocab = Vocab()
        self._pattern_words: frozenset[str] = frozenset(words)
        #: The most pieces a pattern holds.
        self._longest = max((len(p.split()) for p in patterns), default=1)
        self.matcher = PhraseMatcher(self._vocab, attr="ORTH")
        self.matcher.add(
            "GAZ", [(ids[k],) for k in self.keys] + [tuple(map(get, p.split())) for p in patterns]
        )

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Load the compiled gazetteer (default: the one shipped in the package); cached."""
        return _load_cached(str(Path(path).resolve() if path else DEFAULT_GAZETTEER_PATH))

    def is_curated(self, entry: int) -> bool:
        """Whether the entry comes from the hand-curated lists (the ``curated`` tier)."""
        return self.tiers[entry] == self._curated

    def is_user(self, entry: int) -> bool:
        """Whether the entry is one of the user's own names."""
        return self.user is not None and entry >= self.user_offset

    def tier_ids(self, *names: str) -> frozenset[int]:
        """The tier numbers of the named source tiers (``"curated"``, ``"district"``...; see
        :attr:`tier_names`); :class:`KeyError` for a name the gazetteer does not have."""
        try:
            return frozenset(self.tier_names.index(n) for n in names)
        except ValueError:
            raise KeyError(f"unknown gazetteer tier in {names!r} (tiers: {self.tier_names})") from None

    def starts_with_head(self, name: str) -> bool:
        """Whether a name starts like an institution or a place (``Universitas``, ``Jalan``)."""
        words = name.split()
        if not words:
            return False
        heads = self.org_heads | self.place_heads
        return norm(words[0]) in heads or norm(" ".join(words[:2])) in heads

    def starts_with_place_head(self, name: str) -> bool:
        """Whether a name starts like a place or facility (``Desa``, ``Jl``, ``Bandara``, ``Pantai``)."""
        words = name.split()
        if not words:
            return False
        return norm(words[0]) in self.place_heads or norm(" ".join(words[:2])) in self.place_heads

    def has_org_head(self, name: str) -> bool:
        """Whether a name starts with an organisation head word (``Badan``, ``Komisi``)."""
        words = name.split()
        return bool(words) and (
            norm(words[0]) in self.org_heads or norm(" ".join(words[:2])) in self.org_heads
        )

    # -- exact matching -------------------------------------------------------------------------
    def match(self, text: str, ps: Pieces | None = None, norms: list[str] | None = None) -> list[GazMatch]:
        """Every gazetteer name in ``text``, leftmost-longest, non-overlapping, by start.

        Web domains of known outlets (``TRIBUNJOGJA.COM``) are found first; then names.
        """
        if ps is None:
            ps = pieces(text)
        out: list[GazMatch] = []
        taken: list[tuple[int, int]] = []
        for start, end in find_domains(text):
            entry = self.domain_entry(text[start:end])
            if entry is not None:
                out.append(GazMatch(start, end, entry, "domain", 0.95, 1))
                taken.append((start, end))
        if self.user is not None:
            # the user's names first: they win over the shipped names they overlap
            for h in self.user.match(text, ps, norms):
                if not any(a < h.end and h.start < b for a, b in taken):
                    out.append(GazMatch(h.start, h.end, h.entry + self.user_offset, "user", 1.0, h.n_words))
                    taken.append((h.start, h.end))
            taken.sort()
        if norms is None:
            norms = piece_norms(text, ps)
        # the Doc has one token per piece with a non-empty key (hyphens and apostrophes drop out);
        # a run of pieces that are in no pattern is one placeholder token, as no match can hold it
        known = self._pattern_words
        idx = array("i")  # the piece of each Doc token (4 bytes each, not an int object)
        words: list[str] = []
        other = False
        for i, k in enumerate(norms):
            if k in known:
                words.append(k)
                idx.append(i)
                other = False
            elif k and not other:
                words.append(_OTHER)
                idx.append(i)
                other = True
        if not idx:
            return out
        ends: dict[int, list[int]] = {}
        reach = max(1, self._longest) - 1
        for w0 in range(0, len(words), MATCH_WINDOW):
            window = words[w0 : w0 + MATCH_WINDOW + reach]
            for _, a, b in self.matcher(Doc(self._vocab, words=window, spaces=[False] * len(window))):
                if a < MATCH_WINDOW:  # a match starting further is the next window's
                    ends.setdefault(w0 + a, []).append(w0 + b)
        keys = self.keys
        ti = 0
        next_free = 0
        for a in sorted(ends):
            i = idx[a]
            if i < next_free:
                continue
            start = ps.starts[i]
            while ti < len(taken) and taken[ti][1] <= start:
                ti += 1
            if ti < len(taken) and taken[ti][0] <= start < taken[ti][1]:
                continue
            if not text[start].isalnum():
                continue
            hit = None
            for b in sorted(ends[a], reverse=True):  # longest first
                j = idx[b - 1] + 1
                # a name never crosses a line break
                if any(ps.newline[x] for x in range(i + 1, j)):
                    continue
                if ti < len(taken) and ps.ends[j - 1] > taken[ti][0]:
                    continue
                key = "".join(norms[i:j])
                entry = keys.get(key)
                if entry is None:
                    continue
                if self._accept(text, ps, norms, i, j, key):
                    hit = (j, entry)
                    break
            if hit is None:
                continue
            j, entry = hit
            n_words = 1 + sum(1 for x in range(i + 1, j) if not ps.glued[x])
            out.append(GazMatch(ps.starts[i], ps.ends[j - 1], entry, "exact", 0.9, n_words))
            next_free = j
        out.sort(key=lambda g: g.start)
        return out

    def _accept(self, text: str, ps: Pieces, norms: list[str], i: int, j: int, key: str) -> bool:
        """Case and context conditions for the window ``ps[i:j]`` whose key is in the index."""
        starts, ends, glued = ps.starts, ps.ends, ps.glued
        first_text = text[starts[i] : ends[i]]
        cased = self.cased.get(key)
        if cased is not None:
            surface = "".join(text[starts[x] : ends[x]] for x in range(i, j))
            surface = "".join(c for c in surface if c not in DROPPED and not c.isspace())
            if surface != cased:
                return False
        # lower-case words inside the window must be allowed by the name itself (iPhone, detikcom)
        lower = 0
        for x in range(i, j):
            if x > i and glued[x]:
                continue
            if text[starts[x]].islower() and norms[x] not in self.particles:
                lower += 1
        if lower > self.lc.get(key, 0):
            return False
        if not (first_text[0].isupper() or first_text[0].isdigit()) and self.lc.get(key, 0) == 0:
            return False
        # camel-case word continued on either side (Byte|Dance): not a boundary, unless the
        # other side is an ordinary word glued on by scraping (Juga|Israel, Jakarta|Menyiapkan)
        if i > 0 and glued[i] and first_text[0].isupper():
            prev = text[starts[i - 1] : ends[i - 1]]
            if prev[0].isupper() and prev.isalpha() and not self._glued_word(norms[i - 1]):
                return False
        if j < len(ps) and glued[j]:
            nxt = text[starts[j] : ends[j]]
            last = text[starts[j - 1] : ends[j - 1]]
            if nxt[0].isupper() and last.isalpha() and not last.isupper() and not self._glued_word(norms[j]):
                return False
        # a lone common word at the start of a sentence is the word, not the name
        single = j - i == 1 or all(glued[x] for x in range(i + 1, j))
        if single:
            if key in self.ambiguous:
                return False
            if key in self.common and is_sentence_start(text, ps, i):
                return False
        return True

    def _glued_word(self, key: str) -> bool:
        """Whether a piece glued to a name is an ordinary word (from the common-word list, at
        least 4 letters, not itself a name), so the glue is scraping damage, not a camel-case
        name."""
        return len(key) >= 4 and key in self.common and key not in self.keys

    def domain_entry(self, domain: str) -> int | None:
        """The outlet entry of a web domain (``TRIBUNJOGJA.COM``, ``travel.detik.com``)."""
        d = domain.lower()
        if d.startswith("www."):
            d = d[4:]
        while True:
            if d in self.domains:
                return self.domains[d]
            if d.count(".") <= 1 or (
                d.endswith((".co.id", ".go.id", ".or.id", ".ac.id", ".co.uk")) and d.count(".") <= 2
            ):
                return None
            d = d.split(".", 1)[1]

    def lookup(self, surface: str) -> int | None:
        """Entry whose name or alias has the same key as ``surface`` (case rules apply)."""
        key = name_key(surface)
        entry = self.keys.get(key)
        if entry is None:
            return None
        cased = self.cased.get(key)
        if cased is not None:
            flat = "".join(c for c in surface if c not in DROPPED and not c.isspace())
            if flat != cased:
                return None
        return entry

    # -- fuzzy ------------------------------------------------------------------------------------
    def _build_blocks(self) -> dict[tuple[str, int], list[str]]:
        blocks: dict[tuple[str, int], list[str]] = {}
        for k in self._fuzzy_keys:
            blocks.setdefault((k[0], len(k)), []).append(k)
        return blocks

    def fuzzy_lookup(self, surface: str) -> tuple[int, float] | None:
        """Best entry for a misspelled ``surface`` and its similarity (0-100), or ``None``.

        Exact and alias hits never come here. Candidates are blocked by first character and
        length (+-2), so a lookup compares against a few hundred keys, not the whole index.
        """
        key = name_key(surface)
        if len(key) < FUZZY_MIN_LEN or key in self.common:
            return None
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        if self._blocks is None:
            self._blocks = self._build_blocks()
        cutoff = next(c for n, c in FUZZY_CUTOFFS if len(key) >= n)
        best: tuple[str, float] | None = None
        for length in range(len(key) - 2, len(key) + 3):
            block = self._blocks.get((key[0], length))
            if not block:
                continue
            res = process.extractOne(key, block, scorer=fuzz.ratio, score_cutoff=cutoff)
            if res is not None and (best is None or res[1] > best[1]):
                best = (res[0], res[1])
        result = None
        if best is not None and best[0] != key and not is_derived(key, best[0]):
            result = (self.keys[best[0]], float(best[1]))
        if len(self._fuzzy_cache) > 50000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[key] = result
        return result


#: Suffixes that derive a word from a name (``Indonesian``, ``Jepangnya``): not misspellings.
_SUFFIXES: tuple[str, ...] = tuple(RULES["derivational_suffixes"])


def is_derived(query: str, name: str) -> bool:
    """A word related to the name, not a misspelling of it: the name plus a derivational suffix
    (``Indonesian`` for ``Indonesia``) or the first words of a longer name (``Kementerian`` for
    ``Kementerian PU``)."""
    if any(query == name + suf for suf in _SUFFIXES):
        return True
    return len(name) - len(query) >= 2 and name.startswith(query)


def find_domains(text: str) -> list[tuple[int, int]]:
    """Spans of the web domains in ``text`` (``TRIBUNJOGJA.COM``, ``travel.detik.com``), by start.

    The same spans as ``_DOMAIN.finditer(text)``, but the regular expression only runs on the
    run of domain characters before each top-level-domain hint, not at every position.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    done = 0
    for h in _TLD_HINT.finditer(text):
        if h.start() < done:
            continue
        lo = h.start()
        while lo > 0 and text[lo - 1] in _DOMAIN_CHARS:
            lo -= 1
        hi = h.end()
        while hi < n and text[hi] in _DOMAIN_CHARS:
            hi += 1
        done = hi
        for m in _DOMAIN.finditer(text, lo, min(n, hi + 1)):
            spans.append(m.span(1))
    return spans


def is_sentence_start(text: str, ps: Pieces, i: int) -> bool:
    """Whether piece ``i`` begins a sentence or a line (opening quotes and brackets skipped)."""
    x = i - 1
    newline, starts, ends = ps.newline, ps.starts, ps.ends
    while x >= 0:
        if newline[x + 1]:
            return True
        t = text[starts[x] : ends[x]]
        if t in _OPENERS:
            x -= 1
            continue
        return t in _SENT_END or t == ":"
    return True


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Gazetteer:
    # the raw data is not kept in the data cache: the compiled Gazetteer is what is cached
    return Gazetteer(load_json(path, cache=False))
