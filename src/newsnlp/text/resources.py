"""The text layer's language data (``newsnlp/data/text/``) in the forms the stage uses.

Files are read through :mod:`newsnlp.data` (one loader, one cache); the sets built from them here
are built once.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..data import load_lines, read_text

__all__ = [
    "abbreviations",
    "clitic_exceptions",
    "final_abbreviations",
    "proper_nouns",
    "root_words",
    "stem_table",
]


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that keep their final period, with Title, lower and UPPER variants."""
    return _case_variants("abbreviations.txt")


@cache
def final_abbreviations() -> frozenset[str]:
    """Abbreviations that can close a sentence (``dll.``, ``Tbk.``), with the same case variants."""
    return _case_variants("final_abbreviations.txt")


def _case_variants(name: str) -> frozenset[str]:
    out: set[str] = set()
    for abbr in load_lines("text", name):
        out.update({abbr, abbr.lower(), abbr.upper(), abbr[:1].upper() + abbr[1:]})
    return frozenset(out)


@cache
def clitic_exceptions() -> frozenset[str]:
    """Words that look like word + enclitic but are not."""
    return frozenset(load_lines("text", "clitic_exceptions.txt"))


@cache
def proper_nouns() -> frozenset[str]:
    """Lower-cased proper nouns that the stemmer would mangle (``bekasi`` -> ``bekas``)."""
    return frozenset(load_lines("text", "proper_nouns.txt"))


@cache
def stem_table() -> dict[str, str]:
    """Pre-computed PySastrawi stems of the common news vocabulary (``stems.tsv.gz``)."""
    table: dict[str, str] = {}
    for line in read_text("text", "stems.tsv.gz", cache=False).splitlines():
        word, _, stem = line.partition("\t")
        table[word] = stem or word
    return table


@cache
def root_words() -> frozenset[str]:
    """PySastrawi's dictionary of Indonesian root words."""
    text = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.split() if w.strip())
