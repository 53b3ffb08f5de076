"""The shared normalisation for matching (:mod:`newsnlp.textnorm`) and the stages' bindings of it."""

from __future__ import annotations

import pytest

from newsnlp.entities.textutil import norm as entity_norm
from newsnlp.temporal.lexicon import norm as lexicon_norm
from newsnlp.textnorm import fold


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("  Hari \t Ini\n", {}, "hari ini"),
        ("JUM’AT", {}, "jum’at"),
        ("JUM’AT", {"apostrophes": True}, "jum'at"),
        ("Jum`at", {"apostrophes": True}, "jum'at"),
        ("Café  Señor", {"accents": True}, "cafe senor"),
        ("Straße", {"accents": True}, "straße"),  # lower(), not casefold()
        ("", {}, ""),
    ],
)
def test_fold(text, options, expected):
    assert fold(text, **options) == expected


def test_lexicon_key_form_is_fold_with_apostrophes():
    for s in ("Jum’at  Pagi", "HUT RI", "tgl.", " akhir   pekan "):
        assert lexicon_norm(s) == fold(s, apostrophes=True)


def test_piece_key_form_is_fold_with_accents():
    for piece in ("Bekasi", "Sánchez", "ÉCOLE", "TikTok", "2020", "ß"):
        assert entity_norm(piece) == fold(piece, accents=True)
    assert entity_norm("-") == entity_norm("’") == ""  # dropped punctuation has no key
