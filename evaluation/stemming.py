"""Stemming accuracy: plain PySastrawi beside newsnlp's stemmer, on word -> root gold lists.

Lists (from ``../shared/data/stemming``): UniMorph Indonesian (affixed form -> lemma, unique
forms), PySastrawi's own test pairs (integration tests, full dictionary), and UD form/lemma pairs
(unambiguous forms only). Words are given lower-cased and out of context, so newsnlp's stemmer runs
as for a lower-case word inside a sentence (its proper-noun guards only act on capitalised words;
the enclitic fallback is what differs).

    python evaluation/stemming.py
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "stemming"


def load_lists() -> dict[str, list[tuple[str, str]]]:
    lists: dict[str, list[tuple[str, str]]] = {}
    seen: dict[str, str] = {}
    with open(DATA / "unimorph_ind.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 2 and row[1] != row[0] and " " not in row[1]:
                seen.setdefault(row[1].lower(), row[0].lower())
    lists["UniMorph (affixed forms)"] = sorted(seen.items())
    with open(DATA / "pysastrawi_test_pairs.tsv", encoding="utf-8") as f:
        lists["PySastrawi tests (full dict)"] = [
            (r["word"], r["expected_stem"])
            for r in csv.DictReader(f, delimiter="\t")
            if r["test_suite"].startswith("integration") and r["status"] == "active"
        ]
    with open(DATA / "ud_id_form_lemma_pairs.tsv", encoding="utf-8") as f:
        lists["UD form/lemma (unambiguous)"] = [
            (r["form_lower"], r["lemma_lower"])
            for r in csv.DictReader(f, delimiter="\t")
            if r["form_is_ambiguous"] == "0" and r["form_lower"].replace("-", "").isalpha()
        ]
    return lists


def main() -> int:
    if not DATA.exists():
        print(f"stemming data not found at {DATA}", file=sys.stderr)
        return 2
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from newsnlp.text.stemmer import Stemmer

    plain = StemmerFactory().create_stemmer()
    ours = Stemmer()
    print(
        "| list | pairs | PySastrawi acc | newsnlp acc | PySastrawi words/s | newsnlp words/s (cold cache) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, pairs in load_lists().items():
        t0 = time.perf_counter()
        a = sum(plain.stem(w) == g for w, g in pairs)
        t1 = time.perf_counter()
        ours._cache.clear()
        b = sum(
            ours.stem_token(w, sentence_initial=False, titlecase_sentence=False, caps_sentence=False) == g
            for w, g in pairs
        )
        t2 = time.perf_counter()
        n = len(pairs)
        print(
            f"| {name} | {n} | {100 * a / n:.2f} | {100 * b / n:.2f} | {n / (t1 - t0):,.0f} | {n / (t2 - t1):,.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
