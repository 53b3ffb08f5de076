"""The alignment of the extractor's text to newsnlp's lines (:mod:`newsnlp.input.region`)."""

from __future__ import annotations

from newsnlp.input.region import _key, _keys, align


def test_keys_of_all_lines_at_once_equal_each_line_key():
    lines = [
        "JAKARTA, KOMPAS.com - Harga cabai naik 20% (Senin, 2/8/2020).",
        "snake_case_and   spaces\u00a0\u2009 ÖSTERREICH ΟΔΟΣ",  # underscores, odd spaces, final sigma
        "İstanbul — «kutipan»",
        "",
        "!!!",
    ]
    assert _keys(lines) == [_key(t) for t in lines]
    assert _keys(lines)[1] == "snakecaseandspacesösterreichοδος"


def test_align_marks_the_lines_the_main_text_is_made_of():
    lines = [
        "Beranda Nasional Daerah",
        "Harga cabai di pasar induk naik dua kali lipat sejak awal pekan ini.",
        "Baca juga: Harga beras stabil",
        "Pedagang menyebut pasokan dari daerah penghasil berkurang karena hujan.",
    ]
    main = f"{lines[1]}\n{lines[3]}"
    inside, cover = align(lines, main)
    assert inside == [False, True, False, True]
    assert cover == 1.0
