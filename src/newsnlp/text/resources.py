"""Loaders for the text layer's language data (``newsnlp/data/text/``), each read once."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

__all__ = [
    "abbreviations",
    "clitic_exceptions",
    "final_abbreviations",
    "proper_nouns",
    "read_lines",
    "root_words",
    "stem_table",
]


def read_lines(package: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file inside ``package``."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


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
    for abbr in read_lines("newsnlp.data.text", name):
        out.update({abbr, abbr.lower(), abbr.upper(), abbr[:1].upper() + abbr[1:]})
    return frozenset(out)


@cache
def clitic_exceptions() -> frozenset[str]:
    """Words that look like word + enclitic but are not."""
    return frozenset(read_lines("newsnlp.data.text", "clitic_exceptions.txt"))


@cache
def proper_nouns() -> frozenset[str]:
    """Lower-cased proper nouns that the stemmer would mangle (``bekasi`` -> ``bekas``)."""
    return frozenset(read_lines("newsnlp.data.text", "proper_nouns.txt"))


@cache
def stem_table() -> dict[str, str]:
    """Pre-computed PySastrawi stems of the common news vocabulary (``stems.tsv.gz``)."""
    raw = resources.files("newsnlp.data.text").joinpath("stems.tsv.gz").read_bytes()
    table: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, stem = line.partition("\t")
        table[word] = stem or word
    return table


@cache
def root_words() -> frozenset[str]:
    """PySastrawi's dictionary of Indonesian root words."""
    text = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.split() if w.strip())
