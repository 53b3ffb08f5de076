"""The header (:mod:`newsnlp.structure.header`): a body paragraph repeated above the article is
boilerplate; a header line that appears nowhere below stays (a teaser). Invented text."""

from __future__ import annotations

from newsnlp.structure.segmenter import segment_text

TITLE = "Warga Desa Sukamaju Gelar Kerja Bakti"
REPEATED = "Warga desa bergotong royong membersihkan saluran air sebelum musim hujan."
LEAD = "SUKAMAJU, KABARCONTOH.COM - Ratusan warga Desa Sukamaju menggelar kerja bakti pada Minggu (3/11/2024) pagi."


def _labels(text: str) -> dict[str, str]:
    r = segment_text(text)
    return {text[s:e]: lab for s, e, lab in r.segments}


def test_body_paragraph_repeated_above_the_article_is_boilerplate():
    text = f"{TITLE}\n\n{REPEATED}\n\n{LEAD}\n\n{REPEATED}\n\nKepala desa mengatakan kegiatan itu digelar setiap bulan."
    r = segment_text(text)
    first = text.index(REPEATED)
    labels = {s: lab for s, e, lab in r.segments}
    assert labels[first] == "boilerplate"
    assert labels[text.index(REPEATED, first + 1)] == "body"


def test_header_line_not_repeated_below_is_kept():
    teaser = "Kegiatan itu melibatkan ratusan warga dari lima dusun di desa tersebut."
    text = f"{TITLE}\n\n{teaser}\n\n{LEAD}\n\nKepala desa mengatakan kegiatan itu digelar setiap bulan."
    assert _labels(text)[teaser] != "boilerplate"
