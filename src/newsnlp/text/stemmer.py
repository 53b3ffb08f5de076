"""Stems and enclitics: PySastrawi behind a shared cache, with the guards news text needs.

PySastrawi stems ordinary words well but turns place and person names into words
(``Bekasi`` -> ``bekas``, ``Kediri`` -> ``diri``, ``Terawan`` -> ``awan``), so :class:`Stemmer`
decides first whether a token should be stemmed at all: never proper nouns, acronyms, URLs,
numbers or tokens inside entity spans (the caller passes those).
"""

from __future__ import annotations

import threading

from .resources import clitic_exceptions, proper_nouns, root_words, stem_table

__all__ = ["CLITICS", "Stemmer", "split_clitic"]

#: Enclitics, longest first. ``-nya`` is by far the most common in news.
CLITICS = ("nya", "lah", "kah", "pun", "tah", "ku", "mu")


def split_clitic(word: str, roots: frozenset[str], exceptions: frozenset[str]) -> str | None:
    """The enclitic at the end of ``word`` (``nya`` for ``pihaknya``), or ``None``.

    A word ending like an enclitic has one when it is not itself a root word or a listed
    exception and what remains is a plausible word (three letters or more; for the short ``ku``
    and ``mu``, a root word). A hyphenated enclitic (``TikTok-nya``) always counts.
    """
    lower = word.lower()
    for clitic in CLITICS:
        if not lower.endswith(clitic):
            continue
        base = lower[: -len(clitic)]
        if base.endswith("-") and len(base) > 1:
            return clitic
        if lower in roots or lower in exceptions or len(base) < 3 or not base[-1].isalpha():
            return None
        if clitic in ("ku", "mu", "tah", "kah", "lah", "pun") and base not in roots:
            # short or rare enclitics only on a known root (bukuku, apakah, adalah is a root)
            if not (clitic in ("kah", "lah", "pun") and len(base) >= 4 and base.isalpha()):
                return None
        return clitic
    return None


class Stemmer:
    """Cached PySastrawi stemming with proper-noun, acronym and reduplication handling.

    One instance is shared by a pipeline (and may be shared by threads: the cache is a plain dict
    whose updates are atomic under the GIL; the underlying Sastrawi stemmer is guarded by a lock).
    """

    def __init__(self, max_cache: int = 500_000) -> None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        self._sastrawi = StemmerFactory().create_stemmer()
        self._lock = threading.Lock()
        self._max_cache = max_cache
        self._seed = stem_table()
        self._cache: dict[str, str] = dict(self._seed)
        self._clitic_cache: dict[str, str | None] = {}
        self.roots = root_words()
        self.proper = proper_nouns()
        self.clitic_exceptions = clitic_exceptions()

    def compute_stem(self, lower: str) -> str:
        """PySastrawi stem of a lower-cased word, uncached, with the enclitic fallback."""
        with self._lock:
            stem = self._sastrawi.stem(lower) or lower
            # Sastrawi sometimes strips too much from word + enclitic (dibelinya -> bel): stem the
            # word without its enclitic too, and keep the longer root.
            for clitic in CLITICS:
                if lower.endswith(clitic) and len(lower) - len(clitic) >= 4:
                    alt = self._sastrawi.stem(lower[: -len(clitic)])
                    if alt in self.roots and len(alt) > len(stem):
                        stem = alt
                    break
        if not stem.isalpha() and lower.isalpha():
            stem = lower
        return stem

    def stem_word(self, lower: str) -> str:
        """Stem of a lower-cased word, from the shared cache (seeded with ``stems.tsv.gz``)."""
        hit = self._cache.get(lower)
        if hit is not None:
            return hit
        stem = self.compute_stem(lower)
        if len(self._cache) >= self._max_cache:
            self._cache = dict(self._seed)
        self._cache[lower] = stem
        return stem

    def clitic(self, word: str) -> str | None:
        """The enclitic carried by ``word``, if any (cached per word)."""
        if len(word) < 5 or not word[-1].isalpha():
            return None
        try:
            return self._clitic_cache[word]
        except KeyError:
            pass
        found = split_clitic(word, self.roots, self.clitic_exceptions)
        if len(self._clitic_cache) >= self._max_cache:
            self._clitic_cache.clear()
        self._clitic_cache[word] = found
        return found

    def stem_token(
        self, text: str, *, sentence_initial: bool, titlecase_sentence: bool, caps_sentence: bool
    ) -> str:
        """Stem for one token in context; tokens that must not be stemmed keep their form.

        ``sentence_initial``: the token opens its sentence; ``titlecase_sentence``: most words of
        the sentence are capitalised (a headline); ``caps_sentence``: the sentence is in capitals.
        """
        if text.islower() and text.isalpha():
            return self.stem_word(text)  # the common case: an ordinary lower-case word
        core = text.replace("-", "")
        if not core.isalpha():
            return text  # numbers, URLs, punctuation, symbols, mixed codes
        if text.isupper():
            if len(core) == 1:
                return text
            if not caps_sentence or text.lower() in self.proper:
                return text  # acronym
            lower = text.lower()
            stem = self.stem_word(lower)
            return stem if (lower in self.roots or stem in self.roots) else text
        if text[0].isupper():
            lower = text.lower()
            if lower in self.proper:
                return text
            if not (sentence_initial or titlecase_sentence):
                return text  # a capitalised word inside a sentence: a name
            if not text[1:].islower() and not text[1:].replace("-", "").islower():
                return text  # CamelCase such as TikTok, YouTube
            stem = self.stem_word(lower)
            if lower in self.roots or stem in self.roots:
                return stem
            return text  # an unknown capitalised word: probably a name
        if not text.islower():
            head, _, tail = text.rpartition("-")
            if head.islower() and tail in ("Nya", "Mu", "Ku"):  # capitalised enclitic for God
                return self.stem_word(text.lower())
            return text  # mixed case such as iPhone, eKTP
        return self.stem_word(text)
