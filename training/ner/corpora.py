"""The Indonesian NER corpora, read and harmonised to newsnlp's annotation contract.

Every reader returns sentences as lists of ``(word, BIO tag)`` with the labels of the contract:
``PER``, ``ORG``, ``LOC`` and, where a corpus has them, ``EVENT`` and ``PRODUCT``
(``evaluation/ner/GUIDELINES.md``). What each corpus does differently, and what is done about it:

* **idner-news-2k** (cased news, ``token POS tag``, PER/ORG/LOC): our reference convention; read as
  released (countries are relabelled later, in ``prepare.py``, on train and dev only).
* **NERGrit** (IndoNLU train split, cased, mostly encyclopedic, PERSON/PLACE/ORGANISATION):
  lower-case administrative heads inside places (``desa Suren``) move outside the span (our
  guidelines keep only capitalised heads); schools, universities and hospitals tagged as places
  become ORG; a language after ``bahasa`` (``bahasa Arab``) is not an entity.
* **NERP** (Prosa, IndoNLU, news, lower-cased, PPL/PLC/IND/EVT/FNB): PPL -> PER, PLC -> LOC,
  IND -> ORG, EVT -> EVENT except generic or holiday names alone (``konser``, ``piala``, ``natal``;
  ``generic_events.txt``), FNB (food and beverages: ``roti``, ``nasi goreng``, common nouns, not
  products in our sense) -> O. Sentences sharing a 6-token shingle with any idner-news-2k sentence
  are dropped (1,303 of 8,400: the two corpora share source articles, 565 of them with idner's
  dev/test). The text is restored to news casing by ``recase.py``.
* **Luthfi et al. 2014** (Indonesian Wikipedia, IO tags Person/Place/Organisation, 100 documents
  without sentence breaks): cut into sentences at sentence-final periods; a run of one IO tag is one
  mention (two adjacent names of the same type merge, an unavoidable loss of IO tagging); the same
  NERGrit fixes for languages and schools. Documents alternate between two halves: ``A`` (even
  documents) may be trained on, ``B`` (odd documents) is kept for measurement.

In every corpus, ORG mentions that are a curated product name (``products.tsv`` of the gazetteer:
``Instagram``, ``WhatsApp``, ``Android``) become PRODUCT, as our gold annotates them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT / ".." / "shared" / "data"
NER = DATA / "ner"
IDNER = NER / "idner-news-2k"
NERGRIT = NER / "nergrit-train" / "train.txt"
NERP = NER / "nerp-prosa"
LUTHFI = NER / "luthfi-2014-gold" / "goldstandard.txt"
PRODUCTS = ROOT / "src" / "newsnlp" / "data" / "gazetteer" / "curated" / "products.tsv"

LABELS = ("PER", "ORG", "LOC", "EVENT", "PRODUCT")
Sentence = list[tuple[str, str]]  # (word, BIO tag)

_NO_SPACE_BEFORE = {",", ".", ")", ":", ";", "?", "!", "%", "'s", "]", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "“", "‘"}
_TOKEN_RE = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]", re.UNICODE)
#: Heads of school, university and hospital names (ORG in our contract, places in NERGrit).
_INSTITUTION_RE = re.compile(
    r"^(SD|SMP|SMA|SMK|SDN|SMPN|SMAN|SMKN|MI|MTs|MTsN|MA|MAN|TK|SLB|SDS|SMPS|SMU|SMEA|STM|Sekolah|"
    r"Madrasah|Pondok|Pesantren|Universitas|Institut|Akademi|Politeknik|STIE|STT|STIKES|Rumah|RS|RSUD|"
    r"RSUP)$"
)
_NERGRIT_MAP = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
_NERP_MAP = {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "EVT": "EVENT"}
_LUTHFI_MAP = {"Person": "PER", "Place": "LOC", "Organisation": "ORG"}
_YEAR_RE = re.compile(r"^(\d{2,4}|\d{4}/\d{2,4}|[ivxlc]+)$", re.IGNORECASE)


# ------------------------------------------------------------------------------- BIO helpers
def mentions(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIO sentence."""
    out = []
    i = 0
    while i < len(sent):
        t = sent[i][1]
        if t.startswith("B-"):
            j = i + 1
            while j < len(sent) and sent[j][1] == "I-" + t[2:]:
                j += 1
            out.append((i, j, t[2:]))
            i = j
        else:
            i += 1
    return out


def with_spans(words: list[str], spans: Iterable[tuple[int, int, str]]) -> Sentence:
    """A BIO sentence from words and (start, end, label) spans."""
    tags = ["O"] * len(words)
    for a, b, lab in spans:
        for k in range(a, b):
            tags[k] = ("B-" if k == a else "I-") + lab
    return list(zip(words, tags))


def fix_bio(sent: Sentence) -> Sentence:
    """Turn a stray ``I-X`` (after O or another type) into ``B-X``."""
    out: Sentence = []
    prev = "O"
    for w, t in sent:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append((w, t))
        prev = t
    return out


def spaces_for(words: list[str]) -> list[bool]:
    """Heuristic ``space_after`` for corpus tokens (no space before closing punctuation)."""
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER)
    return spaces


def tokenize_name(name: str) -> list[str]:
    """Split a name into corpus-style tokens."""
    return _TOKEN_RE.findall(name)


def _read_columns(path: Path) -> list[list[tuple[str, str]]]:
    """Blank-line separated sentences of ``token ... tag`` lines (tab or space separated)."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        cur.append((parts[0].strip(), parts[-1].strip() if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def _map_labels(sent: list[tuple[str, str]], mapping: dict[str, str]) -> Sentence:
    out = []
    for w, t in sent:
        prefix, _, lab = t.partition("-")
        out.append((w, f"{prefix}-{mapping[lab]}" if lab in mapping and prefix in "BI" else "O"))
    return fix_bio(out)


# ------------------------------------------------------------------------------- conventions
def _load_list(name: str) -> set[str]:
    path = HERE / name
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"}


def product_names() -> set[str]:
    """Lower-cased curated product names and aliases (the gazetteer's ``products.tsv``)."""
    out = set()
    with PRODUCTS.open(encoding="utf-8") as fh:
        for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            if row.get("label") == "PRODUCT":
                out.add(row["name"].lower())
                out.update(a.lower() for a in (row.get("aliases") or "").split("|") if a)
    return out


def products_as_product(sent: Sentence, products: set[str]) -> Sentence:
    """ORG mentions whose text is a curated product name become PRODUCT."""
    words = [w for w, _ in sent]
    spans = [
        (a, b, "PRODUCT" if lab == "ORG" and " ".join(words[a:b]).lower() in products else lab)
        for a, b, lab in mentions(sent)
    ]
    return with_spans(words, spans)


def harmonise_places(sent: Sentence) -> Sentence:
    """NERGrit/Luthfi conventions -> ours: lower-case heads leave LOC/ORG spans (``desa Suren`` ->
    ``Suren``); schools, universities and hospitals tagged as places are ORG; ``bahasa X`` is no entity."""
    words = [w for w, _ in sent]
    spans = []
    for a, b, lab in mentions(sent):
        if a > 0 and words[a - 1].lower() == "bahasa" and lab == "LOC":
            continue
        if lab in ("LOC", "ORG"):
            while a < b - 1 and words[a][:1].islower():
                a += 1
            if words[a][:1].islower():
                continue
        if lab == "LOC" and _INSTITUTION_RE.match(words[a]):
            lab = "ORG"
        spans.append((a, b, lab))
    return with_spans(words, spans)


def drop_generic_events(sent: Sentence, generic: set[str]) -> Sentence:
    """EVENT mentions made only of generic event or holiday words and no year (``konser``,
    ``piala``, ``tahun baru imlek``) are no named event: O. ``pemilu 2014`` stays."""
    words = [w for w, _ in sent]
    spans = []
    for a, b, lab in mentions(sent):
        if lab == "EVENT":
            low = [w.lower() for w in words[a:b]]
            if all(w in generic for w in low) and not any(_YEAR_RE.match(w) for w in low):
                continue
        spans.append((a, b, lab))
    return with_spans(words, spans)


# ------------------------------------------------------------------------------------ readers
def read_idner(split: str) -> list[Sentence]:
    """An idner-news-2k split (``train``, ``dev``, ``test``) as released."""
    return [
        _map_labels(s, {"PER": "PER", "ORG": "ORG", "LOC": "LOC"})
        for s in _read_columns(IDNER / f"{split}.txt")
    ]


def read_nergrit() -> list[Sentence]:
    """The NERGrit train split, harmonised (see the module docstring)."""
    products = product_names()
    out = []
    for s in _read_columns(NERGRIT):
        out.append(products_as_product(harmonise_places(_map_labels(s, _NERGRIT_MAP)), products))
    return out


def _shingles(sent: Iterable[tuple[str, str]], n: int = 6) -> set[tuple[str, ...]]:
    toks = [k for w, _ in sent if (k := re.sub(r"\W", "", w.lower()))]
    return {tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1))}


def read_nerp(splits: tuple[str, ...] = ("train", "valid")) -> tuple[list[Sentence], int]:
    """NERP sentences (lower-cased, as released) of ``splits``, harmonised, without those sharing a
    6-token shingle with idner-news-2k; returns (sentences, number dropped as overlapping)."""
    seen: set[tuple[str, ...]] = set()
    for split in ("train", "dev", "test"):
        for s in _read_columns(IDNER / f"{split}.txt"):
            seen |= _shingles(s)
    generic = _load_list("generic_events.txt")
    products = product_names()
    out, dropped = [], 0
    for split in splits:
        for s in _read_columns(NERP / f"{split}.txt"):
            if _shingles(s) & seen:
                dropped += 1
                continue
            sent = drop_generic_events(_map_labels(s, _NERP_MAP), generic)
            out.append(products_as_product(sent, products))
    return out, dropped


def read_luthfi(half: str | None = None) -> list[Sentence]:
    """The Luthfi 2014 gold, cut into sentences and harmonised; ``half`` ``"A"`` (even documents),
    ``"B"`` (odd documents) or None (all)."""
    products = product_names()
    out = []
    for n, doc in enumerate(_read_columns(LUTHFI)):
        if half is not None and (n % 2 == 0) != (half == "A"):
            continue
        cur: list[tuple[str, str]] = []
        for w, t in doc:
            cur.append((w, t))
            if w in (".", "!", "?") and len(cur) > 3:
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
    return [products_as_product(harmonise_places(_io_to_bio(s)), products) for s in out]


def _io_to_bio(sent: list[tuple[str, str]]) -> Sentence:
    """IO tags (``Person``/``Place``/``Organisation``/``O``) -> BIO of our labels."""
    out: Sentence = []
    prev = "O"
    for w, t in sent:
        lab = _LUTHFI_MAP.get(t)
        if lab is None:
            out.append((w, "O"))
            prev = "O"
            continue
        out.append((w, ("I-" if prev == lab else "B-") + lab))
        prev = lab
    return out


# ------------------------------------------------------------------------------ unlabelled text
def kumparan_path() -> Path | None:
    """``nlp_id/data/dataset_postag.txt`` of the installed ``nlp-id`` package (kumparan's POS-tagged
    news corpus, MIT; install it with ``pip install --no-deps nlp-id``), or None. The package is
    located, never imported (its pinned dependencies are not needed)."""
    import importlib.util

    spec = importlib.util.find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset_postag.txt"
    return path if path.exists() else None


def read_kumparan() -> list[list[tuple[str, str]]]:
    """The kumparan corpus as sentences of (word, POS tag); ``NNP`` marks proper-name words."""
    path = kumparan_path()
    if path is None:
        raise FileNotFoundError("the kumparan corpus needs the nlp-id package: pip install --no-deps nlp-id")
    return _read_columns(path)
