"""Restore news casing to a lower-cased corpus (NERP) from word-case counts of raw news.

NERP is lower-cased; cased news is what the model meets. A word's most frequent spelling in the
raw news corpus (``news-raw``, not counting sentence-initial positions; counts only, no text is
kept) gives its case: ``kpk`` -> ``KPK``, ``jokowi`` -> ``Jokowi``, ``senin`` -> ``Senin``,
``presiden`` -> ``presiden``. Inside a mention a word is written with a capital unless it is a
connector that names keep in lower case (``dan``, ``of``, ``de``): ``bea dan cukai`` -> ``Bea dan
Cukai``; its all-capitals spelling is kept when news writes it so (``PDI Perjuangan``). The first
word of a sentence gets a capital. The result is only as good as the counts: a word never seen in
news-raw keeps lower case outside mentions and gets a capital inside one.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from corpora import DATA, Sentence, mentions

RAW = DATA / "news-raw" / "articles.jsonl"
_WORD_RE = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]", re.UNICODE)
_OPENERS = {".", "!", "?", '"', "“", ":", "-", "—", "("}
#: Words that stay lower case inside names.
CONNECTORS = frozenset(
    {"dan", "di", "ke", "dari", "untuk", "of", "the", "and", "for", "de", "la", "van", "von", "der",
     "bin", "binti", "al", "el", "da", "dos", "y", "on", "in", "yang"}
)  # fmt: skip


class Truecaser:
    """Most frequent spelling of each lower-cased word in running (not sentence-initial) text."""

    def __init__(self, counts: dict[str, Counter[str]]) -> None:
        self.best: dict[str, str] = {}
        self.best_cap: dict[str, str] = {}
        for low, forms in counts.items():
            self.best[low] = forms.most_common(1)[0][0]
            caps = [(n, f) for f, n in forms.items() if f[:1].isupper()]
            if caps:
                self.best_cap[low] = max(caps)[1]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Truecaser:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for line in text.split("\n"):
                toks = _WORD_RE.findall(line)
                for i, tok in enumerate(toks):
                    if i == 0 or toks[i - 1] in _OPENERS or not tok[:1].isalpha():
                        continue
                    counts[tok.lower()][tok] += 1
        return cls(counts)

    @classmethod
    def from_news_raw(cls, path: Path = RAW) -> Truecaser:
        """Counts over the raw news corpus (empty when it is missing)."""
        if not path.exists():
            return cls({})
        with path.open(encoding="utf-8") as fh:
            return cls.from_texts(json.loads(line)["text"] for line in fh)

    def word(self, w: str, in_name: bool, name_start: bool = False) -> str:
        """The news spelling of ``w`` outside or inside a name (at its start or not)."""
        low = w.lower()
        if not in_name:
            return self.best.get(low, w)
        if low in CONNECTORS and not name_start:
            return low
        if low in self.best_cap:
            return self.best_cap[low]
        return w[:1].upper() + w[1:]

    def sentence(self, sent: Sentence) -> Sentence:
        """A copy of a lower-cased sentence in news casing (tags unchanged)."""
        inside = set()
        starts = set()
        for a, b, _ in mentions(sent):
            inside.update(range(a, b))
            starts.add(a)
        out = []
        for i, (w, t) in enumerate(sent):
            w2 = self.word(w, i in inside, i in starts)
            if i == 0 or sent[i - 1][0] in _OPENERS:
                w2 = w2[:1].upper() + w2[1:]
            out.append((w2, t))
        return out
