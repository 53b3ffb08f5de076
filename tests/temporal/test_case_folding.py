"""Case-folding-unstable letters (issue #20, item 1): the patterns match case-insensitively, so every
lookup of a matched text must fold it the same way. ``İ`` (U+0130) and ``ı`` match ``i``, ``ſ``
(U+017F) matches ``s``, the Kelvin sign (U+212A) matches ``k``; ``ß`` and ``ﬁ`` match nothing."""

from __future__ import annotations

import json
import re
import string

import pytest

from newsnlp import enrich
from newsnlp.data import read_text
from newsnlp.temporal import tag_times
from newsnlp.temporal.lexicon import IGNORECASE_ASCII, norm

#: (letter, look-alike that re.IGNORECASE matches to it or that str.lower() changes, same case as the
#: letter: then the look-alike must read exactly as the letter; otherwise only "no crash" holds)
UNSTABLE = [
    ("i", "\u0131", True),
    ("I", "\u0130", True),
    ("s", "\u017f", True),
    ("K", "\u212a", True),
    ("i", "\u0130", False),
    ("S", "\u017f", False),
    ("k", "\u212a", False),
    ("ss", "\u00df", False),
    ("fi", "\ufb01", False),
]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Hari İni", "Hari İni", "2020-08-03"),
        ("pukul 10.00 WİB", "pukul 10.00 WİB", "2020-08-03T10:00+07:00"),
        ("17 Aguſtus 2020", "17 Aguſtus 2020", "2020-08-17"),
        ("Rapat digelar Senin (3/8/2020) ſore.", "Senin (3/8/2020) ſore", "2020-08-03TAF"),
        ("Warga pulang \u212aemarin.", "\u212aemarin", "2020-08-02"),
    ],
)
def test_unstable_letters_resolve_like_their_plain_form(text, span, value):
    times, _ = tag_times(text, "2020-08-03")
    assert [(t.text, t.value) for t in times] == [(span, value)]


@pytest.mark.parametrize("text", ["Hari İni", "pukul 10.00 WİB", "17 Aguſtus 2020"])
def test_enrich_does_not_crash(text):
    art = enrich(text, published="2020-08-03")
    assert [t.text for t in art.times] == [text]


def test_the_key_form_folds_as_the_patterns_match():
    assert norm("Hari İni") == norm("HARı INI") == "hari ini"
    assert norm("Aguſtus") == "agustus" and norm("WİB") == "wib" and norm("\u212aamis") == "kamis"
    assert norm("Jum’at") == "jum'at" and norm("ß") == "ß"


def _lexicon_phrases() -> list[str]:
    lex = json.loads(read_text("temporal", "lexicon.json"))
    out = set()
    for value in lex.values():
        keys = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        out.update(
            k for k in keys if isinstance(k, str) and not k.startswith("_") and k.isascii() and k.isalpha()
        )
    return sorted(out)


@pytest.mark.parametrize(("plain", "odd", "same"), UNSTABLE)
def test_every_lexicon_word_with_unstable_letters_never_crashes(plain, odd, same):
    """Every word of the lexicon, alone and in a date context, with the letter replaced: no
    exception, and where the word is still found its value is the plain word's value."""
    for word in _lexicon_phrases():
        for template in ("{w}", "pada {w} 2020", "17 {w} 2020", "pukul 10.00 {w}", "Senin (3/8/2020) {w}"):
            for w in (word, word.capitalize(), word.upper()):
                text = template.format(w=w)
                if plain not in text:
                    continue
                odd_text = text.replace(plain, odd)
                got = tag_times(odd_text, "2020-08-03")[0]
                if same:  # otherwise a change of case, or no match at all: only "no crash" holds
                    want = tag_times(text, "2020-08-03")[0]
                    assert [(t.start, t.end, t.value) for t in got] == [
                        (t.start, t.end, t.value) for t in want
                    ], (
                        text,
                        odd_text,
                    )


def test_the_fold_table_is_complete_for_the_regex_engine():
    """Every character of the Basic Multilingual Plane outside ASCII that ``re.IGNORECASE`` matches to
    an ASCII letter is in the table, mapped to that letter."""
    found = {}
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        if not ch.isalpha():
            continue
        low, up = ch.lower(), ch.upper()
        if not (low[:1].isascii() or up[:1].isascii()):
            continue
        for letter in string.ascii_lowercase:
            if re.fullmatch(letter, ch, re.IGNORECASE):
                found[cp] = ord(letter)
    assert found == {k: ord(v) for k, v in IGNORECASE_ASCII.items()}
