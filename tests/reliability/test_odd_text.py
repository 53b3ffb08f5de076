"""Valid but odd text gives a valid record with exact offsets, through the full default pipeline."""

from __future__ import annotations

import pytest

from tests.reliability.invariants import check_record

ODD_TEXTS = {
    "empty": "",
    "whitespace_only": "  \n\t \r\n \u00a0 \u3000 ",
    "crlf": "Banjir Landa Bekasi\r\n\r\nJAKARTA, KOMPAS.com - Banjir melanda Bekasi, Minggu (2/8/2020).\r\n"
    "Warga mengungsi ke masjid.\r\n",
    "lone_cr": "Banjir Landa Bekasi\rJAKARTA - Banjir melanda Bekasi pada Minggu.\rWarga mengungsi.",
    "mixed_line_ends": "Judul\n\rBaris dua.\r\rBaris tiga.\u2028Baris empat.\u2029Baris lima.\x85Baris enam.",
    "tabs": "Presiden\tJoko Widodo\tmeninjau\t\tbanjir.\n\tSleman, Senin (3/8/2020).",
    "nbsp": "Presiden\u00a0Joko\u00a0Widodo meninjau banjir di\u00a0Bekasi, Minggu\u00a0(2/8/2020)\u00a0sore.",
    "zero_width": "Jo\u200bko Wi\u200cdo\u200ddo tiba di \ufeffJakarta\u2060 pada Senin (3/8/2020).",
    "control_chars": "Jakarta\x00 hujan\x07 deras\x1b[0m pada\x7f Senin\x0b(3/8/2020)\x0c pagi.",
    "emoji_zwj": "Warga 👩‍👩‍👧‍👦 merayakan HUT RI 🇮🇩 dengan gembira 👍🏽👍🏽, Senin (17/8/2020). 😀",
    "combining_marks": "Cafe\u0301 di Jakarta dibuka oleh Jose\u0301 Mourinho\u0308\u0323 pada 2020.",
    "arabic": "Ucapan السلام عليكم disampaikan Ustaz Abdul Somad di Masjid Istiqlal, Jumat (7/8/2020).",
    "chinese": "Perusahaan 字节跳动 (ByteDance) asal 北京 Beijing memiliki TikTok sejak 2017.",
    "javanese": "Aksara ꦗꦮ ꦲꦏ꧀ꦱꦫ diajarkan di Yogyakarta (ꦔꦪꦺꦴꦒꦾꦏꦂꦠ) sejak 1950-an.",
    "mixed_scripts_glued": "JakartaالسلامBeijing北京ꦗꦮMoscowМосква2020",
    "english": "Microsoft said on Sunday that it would continue talks to buy TikTok's US operations "
    "after its chief executive Satya Nadella spoke with President Donald Trump. The company expects "
    "to complete the discussions no later than September 15, 2020.",
    "all_caps": "PRESIDEN JOKO WIDODO MENINJAU BANJIR DI BEKASI, MINGGU (2/8/2020) SORE. "
    "WARGA MENGUNGSI KE MASJID AL-AZHAR SEJAK PUKUL 14.20 WIB.",
    "html_entities_in_plain_text": "Harga &amp; kualitas &quot;baik&quot; &#8211; kata Menteri &lt;b&gt;Sri "
    "Mulyani&lt;/b&gt; di Jakarta&nbsp;pada Senin (3/8/2020).",
    "markup_mentions": "Kode <p> dan </div> sering muncul di berita. Budi menulis <br> di Jakarta.",
    "one_char": "a",
    "only_punctuation": ".,;:!?()[]{}\"'“”‘’—–-…",
    "surrogate_free_astral": "𝐁𝐞𝐫𝐢𝐭𝐚 𝐉𝐚𝐤𝐚𝐫𝐭𝐚 \U0001f600 \U0010ffff",
    "fullwidth": "ＪＡＫＡＲＴＡ，Ｓｅｎｉｎ（３/８/２０２０）",
    "bidi_controls": "Jakarta \u202eatrakaJ\u202c dan \u200fالقدس\u200e pada 2020.",
    "long_word": "Jakarta " + "a" * 5000 + " Bekasi.",
    "long_punct_run": "Jakarta " + "-" * 5000 + " Bekasi " + "(" * 3000 + " Sleman.",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_gives_valid_record(default_pipeline, name):
    text = ODD_TEXTS[name]
    art = default_pipeline(text, html=False)
    check_record(art, text)


def test_empty_and_whitespace_records(default_pipeline):
    for text in ("", "   ", "\r\n\r\n", "\t\u00a0\u200b"):
        art = default_pipeline(text)
        check_record(art, text)
        if not text.strip():
            assert art.tokens == [] and art.sentences == [] and art.entities == []
        assert art.to_dict()["text"] == text


def test_line_ends_split_sentences(default_pipeline):
    for sep in ("\r\n", "\r", "\n"):
        text = f"Banjir melanda Bekasi{sep}{sep}Warga mengungsi ke masjid{sep}{sep}Bantuan tiba sore"
        art = default_pipeline(text)
        assert [s.text for s in art.sentences] == [
            "Banjir melanda Bekasi",
            "Warga mengungsi ke masjid",
            "Bantuan tiba sore",
        ], repr(sep)
        assert not any("\r" in t.text or "\n" in t.text for t in art.tokens)


def test_odd_separators_are_not_tokens(default_pipeline):
    text = ODD_TEXTS["nbsp"] + "\t" + ODD_TEXTS["tabs"]
    art = default_pipeline(text)
    assert not any(t.text.isspace() for t in art.tokens)
    assert "Joko" in {t.text for t in art.tokens}


def test_odd_text_still_annotated(default_pipeline):
    art = default_pipeline(ODD_TEXTS["nbsp"], published="2020-08-03")
    assert any(t.value and t.value.startswith("2020-08-02") for t in art.times)
    caps = default_pipeline(ODD_TEXTS["all_caps"], published="2020-08-03")
    assert any(t.value and t.value.startswith("2020-08-02") for t in caps.times)
    crlf = default_pipeline(ODD_TEXTS["crlf"])
    assert {s.label for s in crlf.segments} & {"title", "dateline", "lead"}


def test_html_entities_in_plain_text_are_kept(default_pipeline):
    text = ODD_TEXTS["html_entities_in_plain_text"]
    art = default_pipeline(text)  # not detected as HTML: the text is kept as it is
    assert art.text == text and "&amp;" in art.text
    marked = ODD_TEXTS["markup_mentions"]
    assert default_pipeline(marked).text == marked


def _one_line(seed_text: str, size: int) -> str:
    line = " ".join(seed_text.split())
    return ((line + " ") * (size // (len(line) + 1) + 1))[:size]


def test_one_megabyte_line_without_breaks(default_pipeline, seed_text):
    """1 MB on one line through every stage but the entity stage (whose cost grows faster than
    linearly with the number of mentions: see docs/reliability.md), then 100 KB through all."""
    from newsnlp.record import Article

    text = _one_line(seed_text, 1_000_000)
    art = Article(text=text)
    for name in ("text", "time", "structure"):
        default_pipeline.get_stage(name).process(art)
    default_pipeline.get_stage("stems").process(art)
    check_record(art, text)
    assert len(art.tokens) > 100_000 and len(art.sentences) > 1000 and len(art.times) > 1000
    short = text[:100_000]
    full = default_pipeline(short)
    check_record(full, short)
    assert len(full.entities) > 100
