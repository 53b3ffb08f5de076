"""Transforms of BIO training sentences: country relabelling, mention replacement, datelines, case.

* :func:`relabel_countries`: idner leaves many country mentions unannotated (``penduduk
  Indonesia/O``); token runs outside entities that match a country name become LOC.
* :func:`replace_mentions`: each mention is swapped, with a probability, for another real name of the
  same label (labels without a name pool, EVENT and PRODUCT, are kept).
* :func:`add_dateline`: a news dateline prefix, ``JAKARTA, KOMPAS.com -`` or ``Liputan6.com, Jakarta -``.
* :func:`case_variant`: ALL CAPS, headline Title Case or lower-cased copies.
"""

from __future__ import annotations

import random

from corpora import Sentence, mentions, tokenize_name
from names import NamePool

_SMALL_WORDS = {
    "di", "ke", "dari", "dan", "yang", "dengan", "untuk", "pada", "atau", "oleh", "dalam", "itu",
    "ini", "akan", "tak", "tidak", "sebagai", "juga", "ada",
}  # fmt: skip


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
            if lab in pools and rng.random() < prob:
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
