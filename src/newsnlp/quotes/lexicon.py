"""The quotes stage's language knowledge, compiled once: ``data/quotes/lexicon.json`` (reporting
verbs and phrases, cue nouns, pronouns, unnamed-source heads, quotation marks) and the title,
honorific, role and organisation-head lists the entity stage keeps in ``data/gazetteer/curated/``
(read, not copied: each fact once)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..data import load_json, load_lines, read_text
from ..textnorm import fold

__all__ = ["Lexicon", "alternation", "load_lexicon"]

_CURATED = ("gazetteer", "curated")


def alternation(words) -> str:
    """A regex alternation of literal ``words``, longest first, a space matching any run of spaces."""
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _words(values) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


def _phrases(values) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as word tuples, longest first (for matching on word lists)."""
    out = {tuple(fold(v).split()) for v in values if v.strip()}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Lexicon:
    """Every word list of the stage in its matching form (:func:`newsnlp.textnorm.fold`) and the
    compiled patterns built from them."""

    marks_open: frozenset[str]
    marks_close: frozenset[str]
    marks_both: frozenset[str]
    mark_entities: dict[str, str]
    reporting_verbs: frozenset[str]
    bare_predicate_verbs: frozenset[str]
    always_clause_verbs: frozenset[str]
    direct_verbs: frozenset[str]
    postposed: frozenset[str]
    postposed_ambiguous: frozenset[str]
    postposed_direct: frozenset[str]
    passives: frozenset[str]
    agent_markers: frozenset[str]
    back_reference: tuple[tuple[str, ...], ...]
    according_to: frozenset[str]
    cue_nouns: frozenset[str]
    cue_noun_leads: frozenset[str]
    echo: tuple[tuple[str, ...], ...]
    complementisers: frozenset[str]
    directives: frozenset[str]
    coordinators: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    clitic: str
    speaker_stops: frozenset[str]
    subject_adverbs: frozenset[str]
    subject_boundaries: frozenset[str]
    subject_blockers: frozenset[str]
    openers: tuple[tuple[str, ...], ...]
    predicate_markers: frozenset[str]
    nominal_markers: frozenset[str]
    verb_prefixes: tuple[str, ...]
    passive_prefix: str
    passive_suffixes: tuple[str, ...]
    not_verbs: frozenset[str]
    unnamed_heads: frozenset[str]
    organisation_heads: frozenset[str]
    demonstratives: tuple[tuple[str, ...], ...]
    document_heads: frozenset[str]
    naming_nouns: frozenset[str]
    #: Titles, ranks, honorifics and roles as word tuples, by first word, longest first.
    titles: dict[str, tuple[tuple[str, ...], ...]]
    title_words: frozenset[str]
    org_heads: frozenset[str]
    name_particles: frozenset[str]
    #: Lower-case words inside an organisation's name (``dan``, ``untuk``, ``of``).
    name_connectors: frozenset[str]
    limits: dict[str, int]
    #: One pattern over every quotation mark (characters, doubled single quotes, HTML references).
    mark_re: re.Pattern[str]
    #: Every cue word form (lower case) -> its kind and whether it ends in ``-nya``
    #: (see :mod:`newsnlp.quotes.cues`).
    cue_forms: dict[str, tuple[str, bool]]
    #: Long active verbs found glued to the word before them, and their lengths (longest first).
    glued_verbs: frozenset[str]
    glued_lengths: tuple[int, ...]
    #: Their last three letters (a word ending otherwise holds none).
    glued_endings: frozenset[str]

    def vocabulary(self) -> frozenset[str]:
        """The lower-case words of the news vocabulary (the text stage's stem table, read, not
        copied), loaded on first use: a word glued to a name by scraping is one of them."""
        global _VOCABULARY
        if _VOCABULARY is None:
            text = read_text("text", "stems.tsv.gz", cache=False)
            _VOCABULARY = frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line)
        return _VOCABULARY

    def looks_like_verb(self, low: str) -> bool:
        """An affixed verb form (``meN-``, ``ber-``) by its shape: ``mendapat``, ``bertemu``."""
        return len(low) > 5 and low.startswith(self.verb_prefixes) and low not in self.not_verbs

    def looks_like_passive(self, low: str) -> bool:
        """A passive verb form by its shape: ``dilakukan``, ``ditemukan``, ``diakui``."""
        return (
            len(low) > 6
            and low.startswith(self.passive_prefix)
            and low.endswith(self.passive_suffixes)
            and low not in self.not_verbs
        )

    def mark_kind(self, mark: str) -> str:
        """``open``, ``close`` or ``both`` for a mark as written."""
        if mark in self.marks_open:
            return "open"
        if mark in self.marks_close:
            return "close"
        if mark in self.marks_both:
            return "both"
        return self.mark_entities.get(mark.lower(), "both")


_LEXICON: Lexicon | None = None
_VOCABULARY: frozenset[str] | None = None


def load_lexicon() -> Lexicon:
    """The compiled lexicon (built once per process from the shared data cache)."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = build_lexicon(load_json("quotes", "lexicon.json"))
    return _LEXICON


def build_lexicon(raw: dict[str, Any]) -> Lexicon:
    """Compile the raw lexicon dict (the JSON file's content) with the curated title lists."""
    marks = raw["marks"]
    verbs = raw["verbs"]
    post = raw["postposed"]
    passives = raw["passives"]
    nouns = raw["cue_nouns"]
    pron = raw["pronouns"]
    subject = raw["subject"]
    pred = raw["predicate_markers"]
    sources = raw["sources"]
    titles = load_lines(*_CURATED, "titles.txt") + load_lines(*_CURATED, "honorifics.txt")
    titles += load_lines(*_CURATED, "roles.txt") + tuple(raw["titles"]["words"])
    title_phrases = _phrases(t.rstrip(".") for t in titles)
    lex_args: dict[str, Any] = {
        "marks_open": frozenset(marks["open"]),
        "marks_close": frozenset(marks["close"]),
        "marks_both": frozenset(marks["both"]),
        "mark_entities": {k.lower(): v for k, v in marks["entities"].items()},
        "reporting_verbs": _words(verbs["reporting"]),
        "bare_predicate_verbs": _words(verbs["bare_predicate"]),
        "always_clause_verbs": _words(verbs["always_clause"]),
        "direct_verbs": _words(verbs["direct_only"]),
        "postposed": _words(post["reporting"]),
        "postposed_ambiguous": _words(post["ambiguous"]),
        "postposed_direct": _words(post["direct_only"]),
        "passives": _words(passives["verbs"]),
        "agent_markers": _words(passives["agent_marker"]),
        "back_reference": _phrases(passives["back_reference"]),
        "according_to": _words(raw["according_to"]),
        "cue_nouns": _words(nouns["nouns"]),
        "cue_noun_leads": _words(nouns["lead"]),
        "echo": _phrases(nouns["echo"]),
        "complementisers": _words(raw["complementisers"]),
        "directives": _words(raw["directives"]),
        "coordinators": _words(raw["coordinators"]),
        "person_pronouns": _words(pron["person"]),
        "group_pronouns": _words(pron["group"]),
        "clitic": pron["clitic"],
        "speaker_stops": _words(raw["speaker_stops"]["words"]),
        "subject_adverbs": _words(subject["adverbs"]),
        "subject_boundaries": _words(subject["boundaries"]),
        "subject_blockers": _words(subject["blockers"]),
        "openers": _phrases(subject["openers"]),
        "predicate_markers": _words(pred["words"]),
        "nominal_markers": _words(pred["nominal"]),
        "verb_prefixes": tuple(pred["verb_prefixes"]),
        "passive_prefix": pred["passive_prefix"],
        "passive_suffixes": tuple(pred["passive_suffixes"]),
        "not_verbs": _words(pred["not_verbs"]),
        "unnamed_heads": _words(sources["unnamed"]),
        "organisation_heads": _words(sources["organisation_heads"]),
        "demonstratives": _phrases(sources["demonstratives"]),
        "document_heads": _words(sources["documents"]),
        "naming_nouns": _words(raw["not_own_words"]["words"]),
        "titles": _by_first(title_phrases),
        "title_words": frozenset(w for p in title_phrases for w in p),
        "org_heads": _words(load_lines(*_CURATED, "org_heads.txt")),
        "name_particles": _words(load_lines(*_CURATED, "name_particles.txt")),
        "name_connectors": _words(raw["name_connectors"]["words"]),
        "limits": {k: int(v) for k, v in raw["limits"].items() if not k.startswith("_")},
    }
    mark_strings = set(marks["open"]) | set(marks["close"]) | set(marks["both"])
    mark_re = re.compile(
        alternation(mark_strings) + "|" + alternation(marks["entities"]).replace("(?:", "(?i:", 1)
    )
    lex_args["mark_re"] = mark_re
    lex_args["cue_forms"] = _cue_forms(lex_args)
    glued = frozenset(v for v in lex_args["reporting_verbs"] | lex_args["direct_verbs"] if len(v) >= 8)
    lex_args["glued_verbs"] = glued
    lex_args["glued_lengths"] = tuple(sorted({len(v) for v in glued}, reverse=True))
    lex_args["glued_endings"] = frozenset(v[-3:] for v in glued)
    return Lexicon(**lex_args)


def _cue_forms(lx: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """Every written form of a cue word, lower case: ``kata``, ``katanya``, ``mengatakan``,
    ``dikatakannya``, ``menurutnya``, ``pernyataan``; the first kind listed wins."""
    nya = lx["clitic"]
    out: dict[str, tuple[str, bool]] = {}
    for kind, forms, with_nya in (
        ("menurut", lx["according_to"], True),
        ("active", lx["reporting_verbs"] | lx["direct_verbs"], False),
        ("post", lx["postposed"] | lx["postposed_direct"], True),
        ("passive", lx["passives"], True),
        ("noun", lx["cue_nouns"], False),
    ):
        for form in forms:
            out.setdefault(form, (kind, False))
            if with_nya:
                out.setdefault(form + nya, (kind, True))
    return out
