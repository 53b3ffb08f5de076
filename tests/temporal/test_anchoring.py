"""How expressions are anchored: the publication date inferred from the text, relative dates
resolved against it or against an earlier date ("keesokan harinya", "hari yang sama"), tense words
choosing the year, weekday/number mismatches and impossible dates. Sentences written for the tests."""

from __future__ import annotations

import pytest

from newsnlp.record import Article
from newsnlp.temporal import tag_times
from newsnlp.temporal.stage import TimeStage
from tests.temporal.helpers import check_offsets, find


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Senin, 03 Agustus 2020 14:20 WIB\nWarga antre minyak goreng.", "2020-08-03T14:20+07:00"),
        ("Kompas.com - 19/06/2025, 09:57 WIB\nHarga beras naik.", "2025-06-19T09:57+07:00"),
        ("Tayang: Selasa, 10 Juni 2025 07:05 WITA\nBanjir di Manado.", "2025-06-10T07:05+08:00"),
        ("Diperbarui 10 Jun 2025, 04:30 WIB\nLiga dimulai.", "2025-06-10T04:30+07:00"),
        ("Monday, 3 August 2020\nPasar saham dibuka menguat.", "2020-08-03"),
        ("JAKARTA - Polisi menangkap pelaku Senin (2/6/2025). Sidang digelar Rabu (4/6/2025).", "2025-06-04"),
    ],
)
def test_published_inferred(header, expected):
    art = Article(text=header)
    TimeStage().process(art)
    assert art.metadata.published == expected
    assert art.metadata.published_source == "inferred"


def _published(text: str) -> str | None:
    art = Article(text=text)
    TimeStage().process(art)
    return art.metadata.published


def test_reporting_date_beats_a_later_event_date():
    # the article announces an event of Sunday; the statement was given on Wednesday
    text = (
        "DEPOK - Jalan Margonda ditutup saat lomba lari pada Minggu (22/6/2025).\n"
        '"Penutupan mulai pukul 05.30 WIB," kata Wali Kota Budi Santoso dalam keterangannya, Rabu (18/6/2025).\n'
        "Lomba diikuti 2.500 peserta."
    )
    assert _published(text) == "2025-06-18"


def test_latest_reporting_date_wins_and_forms_of_attribution():
    text = (
        "SLEMAN - Dua pria ditangkap di Jalan Kaliurang, Senin (16/6/2025), membawa senjata api.\n"
        '"Keduanya residivis," ujar Kapolres AKBP Rina Sari kepada wartawan, Rabu (18/6/2025).\n'
        '"Barang bukti kami sita," ungkap Kasi Humas Iptu Dodi saat dikonfirmasi, Selasa (17/6/2025).'
    )
    assert _published(text) == "2025-06-18"
    cited = "Peluncuran produk itu disambut pasar. Melansir Warta Ekonomi, Jumat (20/6/2025), harga naik."
    assert _published(cited) == "2025-06-20"
    after_cue = "Kabar itu beredar luas, tulis akun tersebut dikutip pada Kamis (19/6/2025).\nWarga resah."
    assert _published(after_cue) == "2025-06-19"


def test_a_date_inside_the_clause_is_no_reporting_date():
    # ``melanjutkan`` is a reporting verb, but the date is where the travel happens, not when it was said
    text = (
        '"Tim sudah siap," kata Marsekal Budi, Jumat (20/6/2025).\n'
        "Rombongan menginap dua malam sebelum melanjutkan perjalanan pulang ke Jakarta dengan pesawat "
        "komersial pada Minggu, 22 Juni 2025."
    )
    assert _published(text) == "2025-06-20"


def test_an_event_clock_time_in_the_body_is_no_header_stamp():
    text = (
        "PADANG - Potongan tubuh ditemukan warga di tepi sungai pada Selasa (17/6/2025) sekitar pukul 10.30 WIB "
        "saat mencari ikan bersama tetangganya.\n"
        '"Kami terus mencari," kata Kapolsek Iptu Budi, Rabu (18/6/2025).'
    )
    assert _published(text) == "2025-06-18"
    # on a short line of its own, the same date and clock is the page's stamp
    stamp = "Selasa, 17 Juni 2025 10:30 WIB\n" + text
    assert _published(stamp) == "2025-06-17T10:30+07:00"
    # ... and opening a dateline
    dateline = "Jakarta, Selasa 17 Juni 2025 pukul 10.30 WIB - Harga beras di pasar induk naik lagi hari ini, kata pedagang."
    assert _published(dateline) == "2025-06-17T10:30+07:00"


def test_a_date_far_in_the_past_is_never_the_anchor():
    # ``terbit`` is a publication cue, but the book appeared decades before the news
    text = (
        "Buku yang terbit 12 Mei 1998 itu kembali dibahas di Yogyakarta.\n"
        '"Isinya masih relevan," kata Budi Santoso, Senin (16/6/2025).'
    )
    assert _published(text) == "2025-06-16"
    born = "Penyanyi itu lahir pada Selasa, 22 Oktober 1985 di Bandung. Ia tampil Sabtu (14/6/2025) malam."
    assert _published(born) == "2025-06-14"


def test_nothing_to_infer_leaves_published_empty():
    art = Article(text="Warga antre minyak goreng di pasar.")
    TimeStage().process(art)
    assert art.metadata.published is None and art.metadata.published_source is None
    assert art.times == []


def test_relative_to_previous_date():
    text = (
        "Banjir melanda Kamis (6/8/2020). Keesokan harinya warga mengungsi, dan dua hari kemudian air surut."
    )
    times, _ = tag_times(text, "2020-08-10")
    assert find(times, "Keesokan harinya").value == "2020-08-07"
    assert find(times, "dua hari kemudian").value == "2020-08-09"
    assert find(times, "dua hari kemudian").anchor == "previous"
    alone, _ = tag_times("Sehari sebelumnya hujan deras.", "2020-08-10")
    assert alone[0].value == "2020-08-09" and alone[0].anchor == "published"


def test_weekday_mismatch_trusts_numbers():
    times, _ = tag_times("Rapat digelar Rabu (2/8/2020) di kantor.", "2020-08-03")
    assert times[0].value == "2020-08-02"
    assert "weekday_mismatch" in times[0].flags


def test_impossible_and_typo_dates_have_no_value():
    text = "Surat bertanggal 31/2/2020 palsu, undangan Rabu (4/11/205) juga."
    times, _ = tag_times(text, "2020-03-01")
    check_offsets(text, times)
    assert [(t.text, t.value) for t in times] == [("31/2/2020", None), ("Rabu (4/11/205)", None)]
    assert "impossible_date" in times[0].flags


def test_year_without_year_takes_tense_direction():
    past, _ = tag_times("Ia ditangkap pada 20 Desember lalu.", "2021-01-05")
    assert past[0].value == "2020-12-20"
    future, _ = tag_times("Sidang digelar 20 Januari mendatang.", "2020-12-20")
    assert future[0].value == "2021-01-20"


def test_time_takes_day_from_same_sentence():
    text = "Sidang dimulai pukul 09.00 WIB, Kamis (19/6/2025), di PN Jakarta."
    times, _ = tag_times(text, "2025-06-20")
    assert find(times, "pukul 09.00 WIB").value == "2025-06-19T09:00+07:00"


def test_weekday_beats_future_cue_for_year():
    # "bakal" earlier in the sentence must not push "Senin (16/6)" into next year: 16/6/2025 is a Monday
    text = "Polisi bakal menindak pengemudi yang diduga menerobos gerbang tol pada Senin (16/6) itu."
    times, _ = tag_times(text, "2025-06-20")
    assert find(times, "Senin (16/6)").value == "2025-06-16"


def test_repeated_hari_sebelumnya_does_not_chain():
    text = (
        "Harga emas hari ini, Kamis (19/6/2025) turun dari hari sebelumnya. Harga perak juga turun "
        "dari hari sebelumnya."
    )
    times, _ = tag_times(text, "2025-06-19")
    assert [t.value for t in times if t.text == "hari sebelumnya"] == ["2025-06-18", "2025-06-18"]


def test_keesokan_harinya_still_chains():
    text = "Banjir datang Senin (2/6/2025). Keesokan harinya air surut. Keesokan harinya warga pulang."
    times, _ = tag_times(text, "2025-06-05")
    assert [t.value for t in times if t.text == "Keesokan harinya"] == ["2025-06-03", "2025-06-04"]


def test_same_day_skips_the_attribution_date():
    text = (
        'Pebalap itu menang di Mandalika, Minggu 8 Juni 2025 lalu. "Saya senang," kata dia dikutip dari '
        "laman resmi, Selasa (10/6/2025). Rekan setimnya finis kedua pada hari yang sama."
    )
    times, _ = tag_times(text, "2025-06-10")
    assert find(times, "hari yang sama").value == "2025-06-08"
