"""Sub-word pieces and name keys shared by the gazetteer compiler and the matcher."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsnlp.entities.textutil import (
    _ascii_pieces,
    _general_pieces,
    name_key,
    piece_norms,
    piece_variants,
    pieces,
)

_BITS = ["a", "B", "Byte", "Dance", "iPhone", "URLs", "2025", "x9", "-", " ", "\n", "  \n ", "“", "."]
_BITS += ["KPKnya", "McD", "G20", "diPiala", "\t", "\r\n", "\x00", "JAKARTA–", "'"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=14))
def test_ascii_fast_path_cuts_as_the_general_path(bits):
    text = "".join(bits)
    assert _ascii_pieces(text) == _general_pieces(text)


def test_pieces_of_news_text():
    text = "ByteDance (pemilik TikTok) diPiala G20, 2/8/2020.\nURLs KPKnya"
    got = [(text[p.start : p.end], p.glued, p.newline) for p in pieces(text)]
    assert got[:3] == [("Byte", False, False), ("Dance", True, False), ("(", False, False)]
    assert ("di", False, False) in got and ("Piala", True, False) in got
    assert ("G", False, False) in got and ("20", True, False) in got
    assert ("URLs", False, True) in got and ("KPKnya", False, False) in got
    # text with letters outside ASCII, or underscores, takes the general path
    text = "Café Müller_x di São Paulo"
    assert [text[p.start : p.end] for p in pieces(text)] == ["Café", "Müller", "x", "di", "São", "Paulo"]


def test_keys_ignore_case_spacing_hyphens_and_accents():
    assert name_key("Tik-Tok") == name_key("Tik Tok") == name_key("TikTok") == "tiktok"
    assert name_key("Ma’ruf Amin") == name_key("Ma'ruf Amin") == "marufamin"
    assert name_key("São Paulo") == "saopaulo"
    text = "Tik-Tok dan PDI-P"
    assert "".join(piece_norms(text, pieces(text))) == "tiktokdanpdip"


def test_piece_variants_of_a_name():
    assert piece_variants("TikTok") == [("tik", "tok"), ("tiktok",)]
    assert piece_variants("Amerika Serikat") == [("amerika", "serikat")]
    assert ("iphone", "12") in piece_variants("iPhone 12")
