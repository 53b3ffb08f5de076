"""No time expression runs across a line break as ``newsnlp.lines`` defines one (issue #20, item 2):
``\\n``, ``\\r``, VT, FF, ``\\x1c``-``\\x1e``, NEL, U+2028, U+2029."""

from __future__ import annotations

import pytest

from newsnlp.lines import LINE_BREAKS, has_line_break
from newsnlp.temporal import tag_times
from tests.temporal.helpers import check_offsets

#: Texts whose expressions would run across the break if it were a space.
TEMPLATES = [
    "Rapat digelar Senin{br}(2/8/2020) di balai kota.",
    "Banjir terjadi 17 Agustus{br}2020 malam.",
    "Gempa terjadi Minggu (28/12/2014){br}pukul 10.00 WIB.",
    "Ia tiba pukul 10.00{br}WIB di Jakarta.",
    "Harga naik sejak awal{br}2021 hingga{br}2022.",
    "Proyek berjalan tiga{br}tahun lalu, kata dia.",
    "Pelaku ditangkap Jumat (30/5){br}lalu di Bekasi.",
    "Kapal tiba 1{br}-{br}3 Agustus 2020.",
]


@pytest.mark.parametrize("br", [*LINE_BREAKS, "\r\n"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_expression_crosses_a_line_break(template, br):
    text = template.format(br=br)
    times, _ = tag_times(text, "2020-08-03")
    check_offsets(text, times)
    assert not [t.text for t in times if has_line_break(t.text)]
    # with a space instead, the expression is one (the break is what splits it)
    joined, _ = tag_times(template.format(br=" "), "2020-08-03")
    assert any(" " in t.text for t in joined)


def test_a_bracketed_date_that_lost_its_bracket_at_a_line_end():
    for br in ("\n", "\u2028", "\x85"):
        text = f"Rapat digelar Kamis (19/6/2024{br}Lebih lanjut, warga datang."
        times, _ = tag_times(text, "2024-06-20")
        assert times[0].text == "Kamis (19/6/2024" and times[0].value == "2024-06-19"
