"""Build the spaCy training corpora of the NER model from idner-news-2k.

Reads ``../shared/data/ner/idner-news-2k/{train,dev,test}.txt`` (``token POS tag`` lines, BIO tags,
PER/ORG/LOC) and writes ``train.spacy``, ``dev.spacy`` and ``test.spacy`` (DocBin) to ``--out``.

What is done to the data (all of it seeded, so the output is reproducible):

* **Country relabelling** (train and dev only; test is kept exactly as released): idner leaves many
  country mentions unannotated (``penduduk Indonesia/O``, ``pejabat AS/O``), while other annotators tag
  them LOC. Outside existing entities, token runs that match a country name (babel's Indonesian territory
  names plus ``country_aliases.txt``) are relabelled LOC.
* **Mention replacement** (train): each training sentence with entities gets ``--replace-copies`` copies
  in which every mention is swapped, with probability ``--replace-prob``, for another real name of the
  same type: PER from Indonesian given-name lists and filtered DBpedia persons; LOC from the Indonesian
  regions list (wilayah-cahyadsn), babel's Indonesian country and city names and filtered DBpedia places;
  ORG from filtered DBpedia organisations and their acronyms (``PSI`` for ``Partai Solidaritas
  Indonesia``) and one-word names (``ExxonMobil``): one-token ORG mentions are swapped for one-token
  names, acronyms for acronyms. Half the replacements are drawn uniformly, half in proportion to
  (frequency ** 0.75) of the name in the raw news corpus (``news-raw``, unsupervised use), so that the
  names news mentions most often are seen many times. Names seen in the training split
  itself are in every pool.
* **Datelines** (train): a fraction of sentences gets a news dateline prefix, ``JAKARTA, KOMPAS.com -``
  or ``Liputan6.com, Jakarta -`` (outlet ORG from the media-outlets list, city LOC from the regions
  list and babel's city names), as articles start.
* **Case variants** (train): a fraction of sentences is added in ALL CAPS (headlines, bylines), in
  headline Title Case and lower-cased.

Docs are built from the corpus tokens (``Doc(vocab, words=..., spaces=...)``), as at run time.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / ".." / "shared" / "data"
IDNER = DATA / "ner" / "idner-news-2k"
GAZ = DATA / "gazetteers"
RAW = DATA / "news-raw" / "articles.jsonl"

_NO_SPACE_BEFORE = {",", ".", ")", ":", ";", "?", "!", "%", "'s", "]", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "“", "‘"}
_TOKEN_RE = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]", re.UNICODE)
_SCHOOL_RE = re.compile(r"^(SD|SMP|SMA|SMK|SDN|SMPN|SMAN|SMKN|MI|MTs|MTsN|MA|MAN|TK|SLB|SDS|SMPS)\b")
_SMALL_WORDS = {
    "di", "ke", "dari", "dan", "yang", "dengan", "untuk", "pada", "atau", "oleh", "dalam", "itu",
    "ini", "akan", "tak", "tidak", "sebagai", "juga", "ada",
}  # fmt: skip

Sentence = list[tuple[str, str]]  # (word, BIO tag)


def read_conll(path: Path) -> list[Sentence]:
    """Read ``token POS tag`` lines into sentences of (word, tag)."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split()
        word, tag = parts[0], parts[-1]
        if tag != "O" and not re.match(r"^[BI]-(PER|ORG|LOC)$", tag):
            tag = "O"
        cur.append((word, tag))
    if cur:
        sents.append(cur)
    return [_fix_bio(s) for s in sents]


def _fix_bio(sent: Sentence) -> Sentence:
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


def tokenize_name(name: str) -> list[str]:
    """Split a gazetteer name into corpus-style tokens."""
    return _TOKEN_RE.findall(name)


# --------------------------------------------------------------------------------------- names
def _clean(name: str) -> str | None:
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    if not name or len(name) > 40 or "," in name or "?" in name:
        return None
    toks = name.split()
    if not 1 <= len(toks) <= 5 or not toks[0][:1].isupper():
        return None
    if any(ch.isdigit() for ch in name):
        return None
    return name


def country_names() -> list[str]:
    """babel's Indonesian territory names (countries only) plus the alias list."""
    from babel import Locale

    skip = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
    names = {v for k, v in Locale("id").territories.items() if k.isalpha() and len(k) == 2 and k not in skip}
    for line in (HERE / "country_aliases.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.add(line)
    return sorted(n for n in names if "(" not in n)


def city_names() -> list[str]:
    """Foreign city names as babel writes them in Indonesian (time-zone exemplar cities)."""
    from babel import Locale

    out = set()
    for info in Locale("id").time_zones.values():
        city = info.get("city")
        if city and re.fullmatch(r"[A-Z][\w .'-]+", city):
            out.add(city)
    return sorted(out)


def region_names() -> list[str]:
    """Indonesian provinces, regencies/cities (with and without their ``Kabupaten``/``Kota``) and districts."""
    out = set()
    with (GAZ / "wilayah-cahyadsn" / "wilayah_kepmendagri_2025.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            level = row["level"]
            name = row["nama"].strip()
            if level in ("1", "3"):
                out.add(name)
            elif level == "2":
                out.add(name)
                out.add(re.sub(r"^(Kabupaten|Kota)\s+", "", name))
    return sorted(n for n in (_clean(x) for x in out) if n)


def person_names(rng: random.Random) -> tuple[list[str], list[str]]:
    """(full names, single-token names) for PER replacement."""
    gn = GAZ / "given-names-mutiawsr"
    first = set()
    last = set()
    for f in ("first-female.csv", "first-male.csv", "first-neutral.csv"):
        first.update(x.strip() for x in (gn / f).read_text(encoding="utf-8").splitlines() if x.strip())
    for f in ("last-female.csv", "last-male.csv", "last-neutral.csv"):
        last.update(x.strip() for x in (gn / f).read_text(encoding="utf-8").splitlines() if x.strip())
    with (GAZ / "given-names-perlancar" / "common_first_names_gender.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("not_a_name_flag") == "0" and len(row["first_name"]) >= 3:
                first.add(row["first_name"].capitalize())
    first_l = sorted(x for x in first if x.isalpha())
    last_l = sorted(x for x in last if x.isalpha())
    full = set()
    for line in (
        (GAZ / "dbpedia-id-ialfina" / "original-dbpedia" / "person.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        n = _clean(line)
        if n and 2 <= len(n.split()) <= 4 and all(t[:1].isupper() for t in n.split()):
            full.add(n)
    for _ in range(5000):
        parts = [rng.choice(first_l)]
        if rng.random() < 0.7:
            parts.append(rng.choice(last_l))
        if rng.random() < 0.2:
            parts.append(rng.choice(last_l))
        full.add(" ".join(parts))
    single = set(first_l) | set(last_l)
    single.update(n.split()[-1] for n in full if len(n.split()[-1]) > 2)
    return sorted(full), sorted(single)


def org_names() -> list[str]:
    """Filtered DBpedia organisations (schools dropped: they swamp the list)."""
    out = set()
    for f in ("original-dbpedia", "expanded-mdee_gazetteer"):
        path = GAZ / "dbpedia-id-ialfina" / f / "organization.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if _SCHOOL_RE.match(line):
                continue
            n = _clean(line)
            if n:
                out.add(n)
    return sorted(out)


def place_names() -> list[str]:
    """Filtered DBpedia places (one to three tokens, no comma-qualified villages)."""
    out = set()
    path = GAZ / "dbpedia-id-ialfina" / "original-dbpedia" / "place.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        n = _clean(line)
        if n and len(n.split()) <= 3:
            out.add(n)
    return sorted(out)


_ACRONYM_SKIP = {"dan", "di", "ke", "dari", "untuk", "of", "the", "and", "for", "de", "la", "&", "-"}


def acronym(name: str) -> str | None:
    """Initials of a multi-word name (``Partai Solidaritas Indonesia`` -> ``PSI``), or None."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    if not 2 <= len(words) <= 6 or not all(w[:1].isalpha() and w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def outlet_names() -> list[str]:
    """Spellings of Indonesian news outlets as they appear in datelines (``KOMPAS.com``, ``TEMPO.CO``).

    Built from the media-outlets list (domains) plus the regional sites of the Tribun network.
    """
    text = (GAZ / "media-outlets" / "commoncrawl_web-languages_indonesian.md").read_text(encoding="utf-8")
    news = text.split("News:", 1)[1].split("\n\n", 1)[0]
    out = set()
    for dom in re.findall(r"https?://(?:www\.)?([\w.-]+)/", news):
        name, _, tld = dom.partition(".")
        out.update(
            {dom, dom.upper(), f"{name.upper()}.{tld}", f"{name.capitalize()}.{tld}", name.capitalize()}
        )
    for region in (
        "JOGJA",
        "JATENG",
        "BALI",
        "MEDAN",
        "PEKANBARU",
        "BATAM",
        "PAPUA",
        "KALTIM",
        "MAKASSAR",
        "JAMBI",
    ):
        out.update({f"TRIBUN{region}.COM", f"Tribun{region.capitalize()}.com"})
    return sorted(out)


class NamePool:
    """Replacement names of one kind; half the draws uniform, half weighted by news frequency.

    The weighted half makes the model meet the names that news actually mentions often (``Microsoft``,
    ``Telkom``, ``Jokowi``, ``Amerika Serikat``) many times, the uniform half keeps the variety.
    """

    def __init__(self, names: list[list[str]], freq: Counter[tuple[str, ...]] | None = None) -> None:
        self.names = names
        weighted = [(n, freq[tuple(n)] ** 0.75) for n in names if freq and freq[tuple(n)] >= 3]
        self.weighted = [n for n, _ in weighted]
        self.cum: list[float] = []
        total = 0.0
        for _, w in weighted:
            total += w
            self.cum.append(total)

    def draw(self, rng: random.Random) -> list[str]:
        if self.weighted and rng.random() < 0.5:
            return rng.choices(self.weighted, cum_weights=self.cum, k=1)[0]
        return rng.choice(self.names)


def news_frequencies(candidates: set[tuple[str, ...]], ambiguous: set[tuple[str, ...]]) -> Counter:
    """How often each candidate name occurs (case-sensitive, longest match first) in the raw news corpus.

    Left out (count 0): names listed under two labels; words of ``not_names.txt``, month and day
    names; and one-word names that are mostly not names in running text: more often lower-cased,
    mostly first in their line (capitalised anyway), or mostly part of a longer capitalised run
    (``Serikat``, ``United``, ``City``).
    """
    from babel import Locale

    counts: Counter[tuple[str, ...]] = Counter()
    lower: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    if not RAW.exists():
        return counts
    skip = {ln.strip() for ln in (HERE / "not_names.txt").read_text(encoding="utf-8").splitlines()}
    loc = Locale("id")
    for width in ("wide", "abbreviated"):
        skip.update(loc.months["format"][width].values())
        skip.update(loc.days["format"][width].values())
    maxlen = max((len(c) for c in candidates), default=1)

    def cap(tok: str) -> bool:
        return tok[:1].isupper()

    with RAW.open(encoding="utf-8") as fh:
        for line in fh:
            for par in json.loads(line)["text"].split("\n"):
                toks = _TOKEN_RE.findall(par)
                i = 0
                while i < len(toks):
                    if not cap(toks[i]):
                        lower[toks[i]] += 1
                        i += 1
                        continue
                    for n in range(min(maxlen, len(toks) - i), 0, -1):
                        key = tuple(toks[i : i + n])
                        if key in candidates:
                            counts[key] += 1
                            if n == 1:
                                if i == 0 or toks[i - 1] in {".", "!", "?", '"', "“"}:
                                    initial[key[0]] += 1
                                elif cap(toks[i - 1]) or (i + 1 < len(toks) and cap(toks[i + 1])):
                                    inside[key[0]] += 1
                            i += n
                            break
                    else:
                        i += 1
    for key in list(counts):
        c = counts[key]
        if key in ambiguous or (any(w in skip for w in key[:1]) and len(key) == 1):
            del counts[key]
        elif len(key) == 1:
            w = key[0]
            if lower[w.lower()] >= c or 2 * initial[w] >= c or 2 * inside[w] >= c:
                del counts[key]
    return counts


# --------------------------------------------------------------------------------- transforms
def relabel_countries(sent: Sentence, countries: dict[tuple[str, ...], int]) -> tuple[Sentence, int]:
    """Tag unannotated country-name runs (outside entities) as LOC; return the count changed."""
    tags = [t for _, t in sent]
    words = [w for w, _ in sent]
    maxlen = max(countries.values())
    changed = 0
    i = 0
    while i < len(words):
        done = False
        for n in range(min(maxlen, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in countries and all(t == "O" for t in tags[i : i + n]):
                # do not start inside a capitalised run that continues (e.g. "Bank Indonesia" w/o tag)
                nxt = words[i + n] if i + n < len(words) else ""
                prev = words[i - 1] if i > 0 else ""
                if (nxt[:1].isupper() and nxt.isalpha()) or (
                    prev[:1].isupper() and prev.isalpha() and i > 0 and tags[i - 1] != "O"
                ):
                    break
                tags[i] = "B-LOC"
                for k in range(i + 1, i + n):
                    tags[k] = "I-LOC"
                changed += 1
                i += n
                done = True
                break
        if not done:
            i += 1
    return list(zip(words, tags)), changed


def replace_mentions(
    sent: Sentence,
    pools: dict[str, NamePool],
    singles: dict[str, NamePool],
    prob: float,
    rng: random.Random,
) -> Sentence:
    """Swap each mention, with probability ``prob``, for a random name of the same label."""
    out: Sentence = []
    spans = {s: (e, lab) for s, e, lab in mentions(sent)}
    i = 0
    while i < len(sent):
        if i in spans:
            e, lab = spans[i]
            if rng.random() < prob:
                orig = "".join(w for w, _ in sent[i:e])
                p_single = 0.6 if lab == "PER" else 0.8
                if e - i == 1 and lab in singles and rng.random() < p_single:
                    # acronyms stay acronyms; other one-word ORGs become one-word names or acronyms
                    key = "ORG_WORD" if lab == "ORG" and not orig.isupper() and rng.random() < 0.7 else lab
                    name = singles[key].draw(rng)
                else:
                    name = pools[lab].draw(rng)
                out.extend((w, ("B-" if k == 0 else "I-") + lab) for k, w in enumerate(name))
            else:
                out.extend(sent[i:e])
            i = e
        else:
            out.append(sent[i])
            i += 1
    return out


def add_dateline(sent: Sentence, outlets: list[str], cities: list[str], rng: random.Random) -> Sentence:
    """Prefix a news dateline (``JAKARTA, KOMPAS.com -``, ``Liputan6.com, Jakarta -``, ``TEMPO.CO -``)."""
    outlet = [
        (w, ("B-" if k == 0 else "I-") + "ORG") for k, w in enumerate(tokenize_name(rng.choice(outlets)))
    ]
    city_name = rng.choice(cities)
    r = rng.random()
    if r < 0.4:
        city = [
            (w.upper(), ("B-" if k == 0 else "I-") + "LOC") for k, w in enumerate(tokenize_name(city_name))
        ]
        head = [*city, (",", "O"), *outlet]
    elif r < 0.75:
        city = [(w, ("B-" if k == 0 else "I-") + "LOC") for k, w in enumerate(tokenize_name(city_name))]
        head = [*outlet, (",", "O"), *city]
    else:
        head = outlet
    return [*head, (rng.choice(["-", "--", "—"]), "O"), *sent]


def case_variant(sent: Sentence, mode: str) -> Sentence:
    """ALL CAPS, headline Title Case or lower-cased copy of a sentence (tags unchanged)."""
    if mode == "upper":
        return [(w.upper(), t) for w, t in sent]
    if mode == "lower":
        return [(w.lower(), t) for w, t in sent]
    out = []
    for k, (w, t) in enumerate(sent):
        if t == "O" and w.isalpha() and w.islower() and (k == 0 or w not in _SMALL_WORDS):
            w = w[:1].upper() + w[1:]
        out.append((w, t))
    return out


def to_doc(nlp, sent: Sentence) -> Doc:
    """Build a Doc from corpus tokens with gold entities."""
    words = [w for w, _ in sent]
    doc = Doc(nlp.vocab, words=words, spaces=spaces_for(words))
    biluo = iob_to_biluo([t for _, t in sent])
    doc.ents = biluo_tags_to_spans(doc, biluo)
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "build" / "corpus")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--replace-copies", type=int, default=2)
    ap.add_argument("--replace-prob", type=float, default=0.6)
    ap.add_argument("--upper", type=float, default=0.12, help="fraction of sentences added in ALL CAPS")
    ap.add_argument("--dateline", type=float, default=0.08, help="fraction given a dateline prefix")
    ap.add_argument("--title", type=float, default=0.15, help="fraction added in headline Title Case")
    ap.add_argument("--lower", type=float, default=0.03, help="fraction added lower-cased")
    ap.add_argument("--no-relabel", action="store_true", help="keep idner's country labels as released")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    nlp = spacy.blank("xx")
    train = read_conll(IDNER / "train.txt")
    dev = read_conll(IDNER / "dev.txt")
    test = read_conll(IDNER / "test.txt")

    countries = country_names()
    ckeys = {tuple(tokenize_name(c)): 1 for c in countries}
    ckeys = {k: len(k) for k in ckeys}
    if not args.no_relabel:
        n_changed = [0, 0]
        for idx, split in enumerate((train, dev)):
            for i, s in enumerate(split):
                split[i], c = relabel_countries(s, ckeys)
                n_changed[idx] += c
        print(f"relabelled country mentions as LOC: train {n_changed[0]}, dev {n_changed[1]}")

    # name pools
    seen: dict[str, set[tuple[str, ...]]] = {"PER": set(), "ORG": set(), "LOC": set()}
    for s in train:
        for a, b, lab in mentions(s):
            seen[lab].add(tuple(w for w, _ in s[a:b]))
    full, single = person_names(rng)
    loc_names = region_names() + countries + city_names() + place_names()
    pools_raw = {
        "PER": [tokenize_name(n) for n in full],
        "ORG": [tokenize_name(n) for n in org_names()],
        "LOC": [tokenize_name(n) for n in loc_names],
    }
    pool_lists: dict[str, list[list[str]]] = {}
    for lab, names in pools_raw.items():
        names = [n for n in names if n]
        seen_l = sorted(list(t) for t in seen[lab])
        # gazetteer names and names seen in training, in equal measure
        pool_lists[lab] = names + seen_l * max(1, len(names) // max(1, len(seen_l)))
        print(f"{lab}: {len(names)} gazetteer names, {len(seen_l)} training names")
    # countries are over-represented among LOC replacements (the most frequent LOC mentions in news)
    pool_lists["LOC"] += [tokenize_name(c) for c in countries] * 20
    acronyms = sorted(
        {a for n in org_names() if (a := acronym(n))}
        | {"".join(t) for t in seen["ORG"] if len(t) == 1 and t[0].isupper() and len(t[0]) > 1}
    )
    print(f"ORG acronyms: {len(acronyms)}")
    # one-word organisation names (Microsoft, Telkom, Pertamina): without them every unknown
    # capitalised single word looks like a person to the model
    org_words = sorted(
        {n for n in org_names() if " " not in n and n[:1].isupper() and not n.isupper() and len(n) > 2}
        | {t[0] for t in seen["ORG"] if len(t) == 1 and not t[0].isupper()}
    )
    print(f"ORG one-word names: {len(org_words)}")
    single_lists = {
        "PER": [[n] for n in single],
        "ORG": [[a] for a in acronyms],
        "ORG_WORD": [[w] for w in org_words],
    }
    by_label: dict[str, set[tuple[str, ...]]] = {"PER": set(), "ORG": set(), "LOC": set()}
    for key, lists in (*pool_lists.items(), *single_lists.items()):
        by_label[key[:3]].update(tuple(n) for n in lists)
    ambiguous = {n for a in by_label for b in by_label if a < b for n in by_label[a] & by_label[b]}
    freq = news_frequencies(set().union(*by_label.values()), ambiguous)
    print(
        f"replacement names found in news-raw: {len(freq)}; most frequent: {[' '.join(k) for k, _ in freq.most_common(200)]}"
    )
    pools = {lab: NamePool(names, freq) for lab, names in pool_lists.items()}
    singles = {lab: NamePool(names, freq) for lab, names in single_lists.items()}
    outlets = outlet_names()
    cities = sorted({re.sub(r"^(Kabupaten|Kota)\s+", "", n) for n in region_names()} | set(city_names()))

    aug: list[Sentence] = list(train)
    for s in train:
        if mentions(s):
            for _ in range(args.replace_copies):
                aug.append(replace_mentions(s, pools, singles, args.replace_prob, rng))
    for i, s in enumerate(aug):
        if rng.random() < args.dateline:
            aug[i] = add_dateline(s, outlets, cities, rng)
    base = list(aug)
    for s in base:
        r = rng.random()
        if r < args.upper:
            aug.append(case_variant(s, "upper"))
        elif r < args.upper + args.title:
            aug.append(case_variant(s, "title"))
        elif r < args.upper + args.title + args.lower:
            aug.append(case_variant(s, "lower"))
    rng.shuffle(aug)

    args.out.mkdir(parents=True, exist_ok=True)
    for name, split in (("train", aug), ("dev", dev), ("test", test)):
        db = DocBin(store_user_data=False)
        counts: Counter[str] = Counter()
        for s in split:
            doc = to_doc(nlp, s)
            counts.update(e.label_ for e in doc.ents)
            db.add(doc)
        db.to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(split)} sentences, {sum(len(s) for s in split)} tokens, {dict(counts)}")


if __name__ == "__main__":
    main()
