"""Hypothesis strategies for Indonesian-like news text full of odd characters.

Shared by the property tests and by ``fuzz/fuzz_enrich.py``. The vocabulary mixes ordinary
Indonesian news words, names, dates and clock times, outlet datelines, bylines, captions and
``Baca juga:`` links (so that every stage has something to find) with the oddities a scraper
brings in: CRLF and lone CR, tabs, NBSP, zero-width characters, control characters, emoji and ZWJ
sequences, combining marks, Arabic, Chinese and Javanese script, HTML entities left in plain text.
"""

from __future__ import annotations

from hypothesis import strategies as st

from newsnlp.lines import LINE_BREAKS

__all__ = [
    "LINES",
    "ODD",
    "SEPARATORS",
    "UNSTABLE_LETTERS",
    "WORDS",
    "articles",
    "html_pages",
    "words_to_text",
]

WORDS = [
    # ordinary news words
    "Presiden",
    "Joko",
    "Widodo",
    "Jokowi",
    "mengatakan",
    "pihaknya",
    "bahwa",
    "pemerintah",
    "akan",
    "menggelar",
    "rapat",
    "di",
    "Istana",
    "Negara",
    "Jakarta",
    "Yogyakarta",
    "Sleman",
    "Bantul",
    "Kementerian",
    "Kesehatan",
    "Microsoft",
    "TikTok",
    "Donald",
    "Trump",
    "Amerika",
    "Serikat",
    "Polda",
    "DIY",
    "KPK",
    "DPR",
    "mata-mata",
    "memata-matai",
    "ke-21",
    "tahun",
    "lalu",
    "kemarin",
    "besok",
    "sore",
    "pagi",
    "malam",
    "Senin",
    "Minggu",
    "Jumat",
    "Jum'at",
    "Agustus",
    "Januari",
    "Desember",
    "2020",
    "2021",
    "1998",
    "(2/8/2020)",
    "2/8/2020",
    "31/2/2020",
    "2020-08-02",
    "pukul",
    "14.20",
    "09:30",
    "WIB",
    "WITA",
    "WIT",
    "Rp1,5",
    "Rp",
    "1.500.000,00",
    "triliun",
    "miliar",
    "3,5%",
    "US$5",
    "sekitar",
    "awal",
    "akhir",
    "pekan",
    "depan",
    "bulan",
    "hari",
    "yang",
    "sama",
    "saat",
    "ini",
    "itu",
    "selama",
    "dua",
    "minggu",
    "beberapa",
    "bertahun-tahun",
    "setiap",
    "musim",
    "hujan",
    "Prof.",
    "Dr.",
    "dkk.",
    "dll.",
    "B.",
    "J.",
    "Habibie",
    "B.J.",
    "S.H.",
    "M.Si.",
    "Gubernur",
    "Sri",
    "Sultan",
    "Hamengku",
    "Buwono",
    "X",
    "CEO",
    "Satya",
    "Nadella",
    "kata",
    "ujarnya",
    "ungkapnya",
    "Kamis",
    "Rabu",
    "Selasa",
    "Sabtu",
    # structure cues
    "TRIBUNJOGJA.COM",
    "KOMPAS.com",
    "-",
    "–",
    "—",
    "Baca",
    "juga:",
    "BACA",
    "JUGA",
    "Penulis:",
    "Editor:",
    "Sumber:",
    "Foto:",
    "(ANTARA/Hafidz",
    "Mubarak)",
    "Halaman",
    "1",
    "2",
    "Selanjutnya",
    "Copyright",
    "©",
    "Artikel",
    "ini",
    "telah",
    "tayang",
    "di",
    "dengan",
    "judul",
    "|",
    # punctuation, quotes, brackets, URLs and tags
    '"Kami',
    'siap."',
    "“Kami",
    "siap,”",
    "‘ya’",
    "(",
    ")",
    "[",
    "]",
    "((((",
    "))",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "...",
    "…",
    "https://jogja.tribunnews.com/2020/08/02/a",
    "www.kompas.com",
    "redaksi@tribun.co.id",
    "#TikTok",
    "@jokowi",
    "1/1/1/1",
    "…..",
    "---",
    "<p>",
    "</p>",
    "<br>",
    # HTML entities left in plain text
    "&amp;",
    "&nbsp;",
    "&quot;Kami&quot;",
    "&#8211;",
    "&lt;b&gt;",
    "&#x1F600;",
]

ODD = [
    "😀",
    "👩‍👩‍👧",
    "🇮🇩",
    "👍🏽",
    "é",
    "a\u0301",
    "e\u0308\u0323",
    "\u0301",
    "ملك",
    "السلام",
    "中国",
    "北京",
    "ꦗꦮ",
    "ꦲꦏ꧀ꦱꦫ",
    "ΑΒΓ",
    "Ёж",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00a0",
    "\u202f",
    "\u3000",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\ud7ff",
    "\U0010ffff",
    "\U0001d400",
    "ＡＢＣ",
    "ﬁ",
    "İ",
    "ß",
    "Ǆ",
    "\u0131",
    "\u017f",
    "\u212a",
    "Hari \u0130ni",
    "17 Agu\u017ftus 2020",
    "pukul 10.00 W\u0130B",
]

#: Letters and their case-folding-unstable look-alikes (issue #20, item 1): ``re.IGNORECASE`` matches
#: ``İ``/``ı`` to ``i``, ``ſ`` to ``s``, the Kelvin sign to ``k``, while ``str.lower`` changes ``İ`` into two
#: characters; ``ß``, ``ﬁ`` and ``ﬀ`` fold to several letters under ``casefold``.
UNSTABLE_LETTERS = [
    ("i", "\u0130"),
    ("I", "\u0130"),
    ("i", "\u0131"),
    ("s", "\u017f"),
    ("S", "\u017f"),
    ("k", "\u212a"),
    ("K", "\u212a"),
    ("ss", "\u00df"),
    ("fi", "\ufb01"),
    ("ff", "\ufb00"),
]

SEPARATORS = [
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\t",
    "  ",
    "\u00a0",
    "\u2028",
    ". ",
    ", ",
    " - ",
    "\n\n\n\n",
    " \t \n",
    "\x0b",
    "\x0c",
]
# Every line boundary of newsnlp.lines (str.splitlines) is a separator, and some of them doubled
# (a blank line written with them).
SEPARATORS += [br for br in LINE_BREAKS if br not in SEPARATORS] + ["\u2029\u2029", "\x85\x85", "\x1c\x1c"]

LINES = [
    "Microsoft Diskusi dengan Trump soal Pembelian TikTok",
    "TRIBUNJOGJA.COM, YOGYAKARTA - Pemerintah Kota Yogyakarta menggelar rapat pada Senin (3/8/2020).",
    "JAKARTA, KOMPAS.com - Presiden Joko Widodo meninjau banjir di Bekasi, Minggu (2/8/2020) sore.",
    "Baca juga: Trump Ancam Blokir TikTok di Amerika Serikat",
    "BACA JUGA: Jadwal Misa Natal 2020 di Yogyakarta",
    "Penulis: Bunga Kartikasari | Editor: Mona Kriesdinar",
    "Foto: Warga antre di Pasar Beringharjo, Kamis (6/8/2020). (ANTARA/Hafidz Mubarak)",
    "Halaman 1 2 Selanjutnya",
    "Artikel ini telah tayang di Tribunjogja.com dengan judul Microsoft Diskusi dengan Trump",
    "Copyright © 2020 Tribunjogja.com. All rights reserved.",
    "(BBC INDONESIA)",
    '"Kami siap membantu," kata Gubernur DIY Sri Sultan Hamengku Buwono X, Selasa (4/8/2020) pukul 14.20 WIB.',
    "Sejak awal 2021 hingga akhir pekan depan, harga naik Rp1,5 triliun atau sekitar 3,5%.",
    "Rapat digelar setiap Senin selama dua minggu; kemarin rapat ditunda.",
    "Sumber: Kompas.com",
]


@st.composite
def words_to_text(draw, max_parts: int = 60, odd: bool = True) -> str:
    """Text of up to ``max_parts`` words and separators, with whole news lines mixed in."""
    n = draw(st.integers(min_value=0, max_value=max_parts))
    pool = st.sampled_from(WORDS)
    if odd:
        pool = pool | st.sampled_from(ODD) | st.text(min_size=1, max_size=5)
    parts: list[str] = []
    for _ in range(n):
        if draw(st.integers(0, 9)) == 0:
            parts.append(draw(st.sampled_from(LINES)))
        else:
            word = draw(pool)
            if draw(st.integers(0, 19)) == 0:
                word = word.upper()
            if draw(st.integers(0, 9)) == 0:  # case-folding-unstable look-alikes inside words
                plain, odd_letter = draw(st.sampled_from(UNSTABLE_LETTERS))
                word = word.replace(plain, odd_letter)
            parts.append(word)
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


def articles(max_parts: int = 60) -> st.SearchStrategy[str]:
    """Indonesian-like article text with the oddities above."""
    return words_to_text(max_parts=max_parts)


_TAGS = ["p", "div", "span", "h1", "h2", "figure", "figcaption", "aside", "article", "b", "a", "li", "table"]


@st.composite
def html_pages(draw) -> str:
    """An HTML page (sometimes broken, nested, or carrying a DOCTYPE with entity declarations)."""
    blocks = draw(st.lists(words_to_text(max_parts=15), min_size=0, max_size=8))
    out = []
    head = draw(
        st.sampled_from(
            [
                "<!DOCTYPE html>",
                "",
                '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
                '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
            ]
        )
    )
    out.append(head + "<html><head><title>" + draw(st.sampled_from(LINES)) + "</title>")
    if draw(st.booleans()):
        out.append(
            '<meta property="article:published_time" content="'
            + draw(st.sampled_from(["2020-08-02T10:00:00+07:00", "bukan tanggal", "", "2020-13-45"]))
            + '">'
        )
    out.append("</head><body><article>")
    for block in blocks:
        tag = draw(st.sampled_from(_TAGS))
        depth = draw(st.integers(0, 3))
        inner = block.replace("<", "&lt;") if draw(st.booleans()) else block
        out.append(
            f"<{tag}>" * (depth + 1) + inner + (f"</{tag}>" * (depth + 1) if draw(st.booleans()) else "")
        )
    if draw(st.booleans()):
        out.append("<p>&e; &b; &amp; &#8211; &#x0; &#1114112; &bogus;</p>")
    out.append("</article></body></html>")
    return "".join(out)
