"""A spaCy tokenizer for Indonesian news.

Built from spaCy's Indonesian punctuation rules, with these news-specific changes:

- URLs, e-mail addresses, domains and outlet names (``TRIBUNJOGJA.COM``, ``techcrunch.com``,
  ``Tribun-Papua.com``), hashtags and @mentions stay whole;
- dates (``2/8/2020``, ``02/07/2025``, ``2020-08-02``), clock times (``14.20``, ``14:20``) and
  Indonesian numbers (``1.500.000,00``, ``3,5``) stay whole;
- currency is split from the amount (``Rp1,5`` -> ``Rp`` ``1,5``; ``US$5`` -> ``US$`` ``5``);
- hyphenated words (reduplication ``mata-mata``, ``memata-matai``, ``ke-21``, ``2000-an``,
  ``APBN-P``) and enclitics (``pihaknya``, ``TikTok-nya``) stay one token;
- abbreviations from ``data/text/abbreviations.txt`` keep their period (``Prof.``, ``dkk.``,
  ``s.d.``) and initials (``B.`` in ``B. J. Habibie``, ``B.J.``) stay whole.

spaCy's stock Indonesian tokenizer carries 16,000 exceptions and takes seconds to build; this one
has a few hundred and builds in milliseconds. It is registered as the spaCy tokenizer factory
``newsnlp.news_tokenizer.v1`` so trained pipelines can name it in their config.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.lang.id import punctuation as id_punct
from spacy.lang.punctuation import TOKENIZER_INFIXES as BASE_INFIXES
from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex
from spacy.vocab import Vocab

from ..data.outlets import tld_alternation
from .resources import abbreviations

__all__ = ["MAX_CACHE", "TOKEN_MATCH", "build_tokenizer"]

#: Web top-level domains, from the one source of outlet knowledge (``data/outlets/outlets.json``).
_TLDS = tld_alternation("all")

# Whole-token patterns. Each alternative is anchored by fullmatch and has no nested quantifiers
# over overlapping characters, so none can backtrack catastrophically.
_TOKEN_RE = re.compile(
    "|".join(
        [
            # e-mail
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
            # domains and outlet names: TRIBUNJOGJA.COM, techcrunch.com, Tribun-Papua.com, www.x.co.id/path
            rf"(?:www\.)?[\w](?:[\w-]*\w)?(?:\.[\w](?:[\w-]*\w)?)*\.(?i:{_TLDS})(?:/[\w./?=&%#-]*[\w/])?",
            # hashtags and mentions
            r"[#@][\w_]+",
            # numeric dates: 2/8/2020, 02/07/2025, 10/06, 2020-08-02, 2/8/20
            r"\d{1,2}/\d{1,2}(?:/\d{2,4})?",
            r"\d{4}-\d{1,2}-\d{1,2}",
            r"\d{1,2}-\d{1,2}-\d{4}",
            # clock times 14.20, 14:20, 14:20:05, 07.05.30
            r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?",
            # Indonesian numbers: 1.500.000,00  3,5  12.000
            r"\d{1,3}(?:\.\d{3})+(?:,\d+)?",
            r"\d+,\d+",
            # roman-numbered periods and one-letter codes: II/2007, S/A, C/D
            r"[IVX]{1,4}/\d{2,4}",
            r"[A-Za-z]/[A-Za-z]",
            # initials and dotted acronyms: B.J., A.S., U.S.A.
            r"(?:[A-Z]\.){2,6}",
            # reduplication, whole or inside a derived word: Hari-Hari, memata-matai, sayur-mayur
            r"(?i:[a-z]{0,6}?([a-z]{2,})-\1[a-z]{0,6})",
        ]
    )
)
_MAX_MATCH = 300  # characters; longer chunks are never one token, and never reach the regex


_LETTERS = re.compile(r"[^\W\d_]+")


def TOKEN_MATCH(string: str):
    """spaCy ``token_match``: the whole ``string`` is one token (a date, URL, number...).

    Fast path: a chunk of letters only is one token. No prefix, suffix or infix rule and no special
    case can split it (each needs a digit, a symbol or punctuation), so answering at once gives the
    same tokens while sparing spaCy its five other callbacks for the most common chunk there is
    (tokenizing news-dev with a cold cache: 0.61 s -> 0.40 s)."""
    if string.isalpha():
        return _LETTERS.fullmatch(string)
    if len(string) > _MAX_MATCH:
        return None
    return _TOKEN_RE.fullmatch(string)


_CURRENCY_PREFIXES = [r"Rp\.?(?=\d)", r"US\$(?=\d)", r"S\$(?=\d)", r"A\$(?=\d)", r"HK\$(?=\d)", r"RM(?=\d)"]

# Infixes: spaCy's base infixes minus the hyphen split between letters (reduplication) and the
# colon/slash split, plus the digit/percent rules that spaCy's Indonesian module adds.
_HYPHEN_INFIX = BASE_INFIXES[-2]
_COLON_SLASH_INFIX = BASE_INFIXES[-1]
_INFIXES = [p for p in BASE_INFIXES if p not in (_HYPHEN_INFIX, _COLON_SLASH_INFIX)] + [
    r"(?<=[0-9])%(?=[A-Za-z0-9/])",
    r'(?<=[0-9)][.,])"(?=[0-9])',
    r"(?<=[A-Za-z0-9])[:<>=](?=[A-Za-z])",
    # a slash between words or numbers: DPR/MPR, dan/atau, Rp9.100/9.105
    r"(?<=[A-Za-z0-9])/(?=[A-Za-z0-9])",
    # a hyphen joining two different capitalised words: Januari-September, Bapepam-LK (but not
    # reduplication such as Hari-Hari, nor APBN-P, E-Net, Covid-19, mata-mata)
    r"(?<=[A-Za-z]{3})-(?=[A-Z][A-Za-z])",
]

# Suffixes: drop spaCy Indonesian's clitic splits (-nya, -ku, -mu) so enclitics stay on the word.
_SUFFIXES = [
    s for s in id_punct.TOKENIZER_SUFFIXES if s not in (r"\-[Nn]ya", "-[KkMm]u", "'s", "'S", "’s", "’S")
] + [r"(?<=[-a-z0-9][A-Z])\."]
_CURRENCY_PREFIXES += [r"IDR(?=\d)", r"USD(?=\d)", r"SGD(?=\d)"]
# spaCy Indonesian's bare currency prefixes split words such as ``Rpm`` or ``USDA``; ours above
# only split before a digit.
_BARE_CURRENCY = {"Rp", "IDR", "RMB", "SGD", "USD", "US\\$", "C\\$", "A\\$", "S\\$", ""}
_PREFIXES = (
    ["``", "''"]
    + _CURRENCY_PREFIXES
    + [p for p in id_punct.TOKENIZER_PREFIXES if p not in ("/",) and p not in _BARE_CURRENCY]
)


def _merge_single_chars(entries: list[str]) -> list[str]:
    """Fold single-character alternatives into one character class (Python's regex engine tries
    alternatives one by one; a class is one step), tried after the longer ones, kept in order."""
    singles, others = [], []
    for entry in entries:
        if len(entry) == 1 and entry not in "^-]\\":
            singles.append(re.escape(entry))
        elif len(entry) == 2 and entry[0] == "\\" and not entry[1].isalnum():
            singles.append(entry)
        else:
            others.append(entry)
    return others + ([f"[{''.join(singles)}]"] if singles else [])


#: Characters before the end of a chunk that the suffix rules look at. spaCy strips suffixes one at a
#: time and searches the whole remaining chunk each time; an end-anchored search scans every start
#: position, so a chunk of 8,000 hyphens took 46 s (cubic). Searching only the tail keeps every
#: step constant-time; no suffix rule matches more than a few characters (a run of dots longer than
#: this is split into runs of at most this length).
SUFFIX_WINDOW = 10


def _tail_search(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """``pattern.search`` restricted to the last :data:`SUFFIX_WINDOW` characters (lookbehinds still
    see the characters before the window: the string is not sliced)."""
    search = pattern.search

    def suffix_search(string: str) -> re.Match[str] | None:
        return search(string, max(0, len(string) - SUFFIX_WINDOW))

    return suffix_search


#: Whitespace-separated chunks whose tokens spaCy's tokenizer caches. spaCy's default (10,000) is
#: full after a few hundred news articles, and every later unseen-in-cache chunk runs the Python affix
#: and ``token_match`` callbacks again (over 7,143 news-raw articles: 0.54 callback calls per token
#: and 8.6 s, against 0.13 and 3.9 s with this size). The text stage rebuilds its tokenizer when
#: the vocabulary reaches ``MAX_VOCAB`` lexemes, which bounds the cache's memory (~10 MB).
MAX_CACHE = 200_000


def build_tokenizer(
    vocab: Vocab,
    max_cache_size: int = MAX_CACHE,
    token_match: Callable[[str], object] = TOKEN_MATCH,
) -> Tokenizer:
    """A news-tuned Indonesian :class:`spacy.tokenizer.Tokenizer` over ``vocab``."""
    rules = {abbr: [{ORTH: abbr}] for abbr in abbreviations()}
    return Tokenizer(
        vocab,
        rules=rules,
        prefix_search=re.compile("^(?:" + "|".join(_merge_single_chars(_PREFIXES)) + ")").search,
        suffix_search=_tail_search(re.compile("(?:" + "|".join(_merge_single_chars(_SUFFIXES)) + ")$")),
        infix_finditer=compile_infix_regex(_INFIXES).finditer,
        token_match=token_match,
        url_match=URL_MATCH,
        max_cache_size=max_cache_size,
    )


@spacy.registry.tokenizers("newsnlp.news_tokenizer.v1")
def create_news_tokenizer() -> Callable[[spacy.Language], Tokenizer]:
    """spaCy registry entry: ``[nlp.tokenizer] @tokenizers = "newsnlp.news_tokenizer.v1"``."""

    def make(nlp: spacy.Language) -> Tokenizer:
        return build_tokenizer(nlp.vocab)

    return make
