"""Name lists for mention replacement, and how often news mentions each name.

Replacement names per label: PER from Indonesian given-name lists (mutiawsr, perlancar) combined into
full names and filtered DBpedia persons; LOC from the Indonesian regions list (wilayah-cahyadsn),
babel's Indonesian country and city names and filtered DBpedia places; ORG from filtered DBpedia
organisations, their acronyms and one-word names. :class:`NamePool` draws half of its names uniformly
and half in proportion to (frequency ** 0.75) of the name in the raw news corpus
(:func:`news_frequencies`), so that the names news mentions most often are seen many times.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter

from corpora import _TOKEN_RE, DATA, HERE

GAZ = DATA / "gazetteers"
RAW = DATA / "news-raw" / "articles.jsonl"
_SCHOOL_RE = re.compile(r"^(SD|SMP|SMA|SMK|SDN|SMPN|SMAN|SMKN|MI|MTs|MTsN|MA|MAN|TK|SLB|SDS|SMPS)\b")


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


def build_pools(
    train: list[list[tuple[str, str]]], countries: list[str], rng: random.Random
) -> tuple[dict[str, NamePool], dict[str, NamePool]]:
    """The replacement pools of PER, ORG and LOC (full names) and of one-token names (``PER``,
    ``ORG`` acronyms, ``ORG_WORD`` one-word organisation names). Names seen in ``train`` (cased
    sentences only) are in every pool, in equal measure with the gazetteer names; countries are
    over-represented among LOC names (the most frequent LOC mentions in news)."""
    from corpora import mentions, tokenize_name

    seen: dict[str, set[tuple[str, ...]]] = {"PER": set(), "ORG": set(), "LOC": set()}
    for s in train:
        for a, b, lab in mentions(s):
            if lab in seen:
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
        pool_lists[lab] = names + seen_l * max(1, len(names) // max(1, len(seen_l)))
        print(f"{lab}: {len(names)} gazetteer names, {len(seen_l)} training names")
    pool_lists["LOC"] += [tokenize_name(c) for c in countries] * 20
    acronyms = sorted(
        {a for n in org_names() if (a := acronym(n))}
        | {"".join(t) for t in seen["ORG"] if len(t) == 1 and t[0].isupper() and len(t[0]) > 1}
    )
    # one-word organisation names (Microsoft, Telkom, Pertamina): without them every unknown
    # capitalised single word looks like a person to the model
    org_words = sorted(
        {n for n in org_names() if " " not in n and n[:1].isupper() and not n.isupper() and len(n) > 2}
        | {t[0] for t in seen["ORG"] if len(t) == 1 and not t[0].isupper()}
    )
    print(f"ORG acronyms: {len(acronyms)}, one-word names: {len(org_words)}")
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
    print(f"replacement names found in news-raw: {len(freq)}")
    pools = {lab: NamePool(names, freq) for lab, names in pool_lists.items()}
    singles = {lab: NamePool(names, freq) for lab, names in single_lists.items()}
    return pools, singles
