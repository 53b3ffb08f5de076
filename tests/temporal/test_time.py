"""Tests of the time stage on short Indonesian sentences written for these tests."""

from __future__ import annotations

import time

import pytest
from tests.temporal.helpers import check_offsets, find

from newsnlp.record import Article, Metadata
from newsnlp.temporal import get_tagger, tag_times
from newsnlp.temporal.stage import TimeStage, make_time_stage

# (sentence, published, span, type, value, anchor, mod)
CASES = [
    (
        "Rapat digelar Senin, (9/6/2025) di balai kota.",
        "2025-06-10",
        "Senin, (9/6/2025)",
        "DATE",
        "2025-06-09",
        "absolute",
        None,
    ),
    (
        "Sidang lanjutan digelar Selasa (10/06) di PN Jakarta.",
        "2025-06-09",
        "Selasa (10/06)",
        "DATE",
        "2025-06-10",
        "published",
        None,
    ),
    (
        "Pelaku ditangkap Jumat (30/5) lalu di Bekasi.",
        "2025-06-10",
        "Jumat (30/5) lalu",
        "DATE",
        "2025-05-30",
        "published",
        None,
    ),
    (
        "Peresmian dilakukan pada Kamis, 3 Juli 2025 di Solo.",
        "2025-07-01",
        "Kamis, 3 Juli 2025",
        "DATE",
        "2025-07-03",
        "absolute",
        None,
    ),
    (
        "Banjir surut 2 Agustus 2020 setelah hujan reda.",
        None,
        "2 Agustus 2020",
        "DATE",
        "2020-08-02",
        "absolute",
        None,
    ),
    (
        "Surat itu bertanggal 02/07/2025 dan ditandatangani bupati.",
        None,
        "02/07/2025",
        "DATE",
        "2025-07-02",
        "absolute",
        None,
    ),
    ("Data diperbarui 2020-08-02 oleh dinas.", None, "2020-08-02", "DATE", "2020-08-02", "absolute", None),
    (
        "Festival digelar 17 Agt 2020 di alun-alun.",
        None,
        "17 Agt 2020",
        "DATE",
        "2020-08-17",
        "absolute",
        None,
    ),
    (
        "Festival digelar 18 Agu 2020 di alun-alun.",
        None,
        "18 Agu 2020",
        "DATE",
        "2020-08-18",
        "absolute",
        None,
    ),
    ("Pameran dibuka 7 Sept 2020 di Surabaya.", None, "7 Sept 2020", "DATE", "2020-09-07", "absolute", None),
    ("Pameran dibuka 8 Okt 2020 di Surabaya.", None, "8 Okt 2020", "DATE", "2020-10-08", "absolute", None),
    ("Pameran dibuka 9 Nop 2020 di Surabaya.", None, "9 Nop 2020", "DATE", "2020-11-09", "absolute", None),
    ("Pameran dibuka 10 Des 2020 di Surabaya.", None, "10 Des 2020", "DATE", "2020-12-10", "absolute", None),
    ("Pameran dibuka 11 Peb 2021 di Surabaya.", None, "11 Peb 2021", "DATE", "2021-02-11", "absolute", None),
    (
        "Pengajian akbar digelar Ahad (2/8/2020) di masjid.",
        None,
        "Ahad (2/8/2020)",
        "DATE",
        "2020-08-02",
        "absolute",
        None,
    ),
    (
        "Salat digelar Jum'at (7/8/2020) siang.",
        None,
        "Jum'at (7/8/2020) siang",
        "TIME",
        "2020-08-07TMI",
        "absolute",
        None,
    ),
    (
        "Indonesia merdeka pada 17 Agustus 1945.",
        None,
        "17 Agustus 1945",
        "DATE",
        "1945-08-17",
        "absolute",
        None,
    ),
    ("Krisis itu terjadi pada Agustus 1990.", None, "Agustus 1990", "DATE", "1990-08", "absolute", None),
    ("Pandemi dimulai tahun 2019 di Wuhan.", None, "tahun 2019", "DATE", "2019", "absolute", None),
    (
        "Warga berkumpul pada Minggu (2/8/2020) pagi.",
        None,
        "Minggu (2/8/2020) pagi",
        "TIME",
        "2020-08-02TMO",
        "absolute",
        None,
    ),
    (
        "Jalan ditutup minggu lalu karena perbaikan.",
        "2020-08-03",
        "minggu lalu",
        "DATE",
        "2020-W31",
        "published",
        None,
    ),
    (
        "Jalan dibuka minggu depan setelah perbaikan.",
        "2020-08-03",
        "minggu depan",
        "DATE",
        "2020-W33",
        "published",
        None,
    ),
    (
        "Ia pulang pada Minggu lalu bersama keluarganya.",
        "2020-08-05",
        "Minggu lalu",
        "DATE",
        "2020-08-02",
        "published",
        None,
    ),
    (
        "Sekolah dibuka hari ini untuk siswa baru.",
        "2020-08-03",
        "hari ini",
        "DATE",
        "2020-08-03",
        "published",
        None,
    ),
    ("Hujan deras turun kemarin di Bogor.", "2020-08-03", "kemarin", "DATE", "2020-08-02", "published", None),
    ("Tim berangkat besok ke Jepang.", "2020-08-03", "besok", "DATE", "2020-08-04", "published", None),
    (
        "Hasil ujian keluar lusa menurut panitia.",
        "2020-08-03",
        "lusa",
        "DATE",
        "2020-08-05",
        "published",
        None,
    ),
    (
        "Rapat terakhir digelar kemarin lusa di kantor.",
        "2020-08-03",
        "kemarin lusa",
        "DATE",
        "2020-08-01",
        "published",
        None,
    ),
    (
        "Tadi malam listrik padam di Depok.",
        "2020-08-03",
        "Tadi malam",
        "TIME",
        "2020-08-02TEV",
        "published",
        None,
    ),
    (
        "Pagi ini arus lalu lintas lancar.",
        "2020-08-03",
        "Pagi ini",
        "TIME",
        "2020-08-03TMO",
        "published",
        None,
    ),
    (
        "Dua hari lalu ia tiba di Medan.",
        "2020-08-03",
        "Dua hari lalu",
        "DATE",
        "2020-08-01",
        "published",
        None,
    ),
    (
        "Vaksin tiba 3 hari lagi di gudang.",
        "2020-08-03",
        "3 hari lagi",
        "DATE",
        "2020-08-06",
        "published",
        None,
    ),
    (
        "Harga cabai naik pekan lalu di pasar.",
        "2020-08-03",
        "pekan lalu",
        "DATE",
        "2020-W31",
        "published",
        None,
    ),
    (
        "Harga cabai diprediksi turun pekan depan.",
        "2020-08-03",
        "pekan depan",
        "DATE",
        "2020-W33",
        "published",
        None,
    ),
    (
        "Ekspor turun bulan lalu karena pandemi.",
        "2020-08-03",
        "bulan lalu",
        "DATE",
        "2020-07",
        "published",
        None,
    ),
    (
        "Ekspor diprediksi naik bulan depan.",
        "2020-08-03",
        "bulan depan",
        "DATE",
        "2020-09",
        "published",
        None,
    ),
    ("Target bulan ini belum tercapai.", "2020-08-03", "bulan ini", "DATE", "2020-08", "published", None),
    ("Inflasi tahun lalu cukup rendah.", "2020-08-03", "tahun lalu", "DATE", "2019", "published", None),
    ("Pemilu digelar tahun depan.", "2020-08-03", "tahun depan", "DATE", "2021", "published", None),
    ("Anggaran tahun ini dipangkas.", "2020-08-03", "tahun ini", "DATE", "2020", "published", None),
    (
        "Diskusi berakhir pada 15 September tahun ini.",
        "2020-08-03",
        "15 September tahun ini",
        "DATE",
        "2020-09-15",
        "published",
        None,
    ),
    (
        "Gaji cair tanggal 10 bulan ini.",
        "2020-08-03",
        "tanggal 10 bulan ini",
        "DATE",
        "2020-08-10",
        "published",
        None,
    ),
    (
        "Menteri dilantik Senin lalu di istana.",
        "2020-08-05",
        "Senin lalu",
        "DATE",
        "2020-08-03",
        "published",
        None,
    ),
    (
        "Rapat digelar Kamis mendatang di DPR.",
        "2020-08-03",
        "Kamis mendatang",
        "DATE",
        "2020-08-06",
        "published",
        None,
    ),
    (
        "Konser digelar akhir pekan ini di Senayan.",
        "2020-08-03",
        "akhir pekan ini",
        "DATE",
        "2020-W32-WE",
        "published",
        None,
    ),
    ("Proyek dimulai awal 2021.", "2020-08-03", "awal 2021", "DATE", "2021", "absolute", "START"),
    (
        "Proyek dievaluasi pertengahan 2021.",
        "2020-08-03",
        "pertengahan 2021",
        "DATE",
        "2021",
        "absolute",
        "MID",
    ),
    ("Proyek selesai akhir 2021.", "2020-08-03", "akhir 2021", "DATE", "2021", "absolute", "END"),
    (
        "Tiga tahun lalu ia pindah ke Bandung.",
        "2020-08-03",
        "Tiga tahun lalu",
        "DATE",
        "2017",
        "published",
        None,
    ),
    (
        "Ia dirawat selama sebelas hari di rumah sakit.",
        "2020-08-03",
        "sebelas hari",
        "DURATION",
        "P11D",
        "absolute",
        None,
    ),
    (
        "Masa jabatan dua puluh satu bulan itu berakhir.",
        "2020-08-03",
        "dua puluh satu bulan",
        "DURATION",
        "P21M",
        "absolute",
        None,
    ),
    (
        "Sehari setelah dilantik, ia bekerja sepekan penuh.",
        "2020-08-03",
        "sepekan",
        "DURATION",
        "P1W",
        "absolute",
        None,
    ),
    (
        "Ia menabung sebulan dan bekerja setahun di Malaysia.",
        "2020-08-03",
        "setahun",
        "DURATION",
        "P1Y",
        "absolute",
        None,
    ),
    (
        "Gempa terjadi pukul 14.20 WIB di Lombok.",
        "2020-08-02",
        "pukul 14.20 WIB",
        "TIME",
        "2020-08-02T14:20+07:00",
        "published",
        None,
    ),
    (
        "Pesawat mendarat 14:20 WITA di Makassar.",
        "2020-08-02",
        "14:20 WITA",
        "TIME",
        "2020-08-02T14:20+08:00",
        "published",
        None,
    ),
    (
        "Kapal tiba pukul 09.00 WIT di Jayapura.",
        "2020-08-02",
        "pukul 09.00 WIT",
        "TIME",
        "2020-08-02T09:00+09:00",
        "published",
        None,
    ),
    (
        "Acara dimulai pukul 7 malam di gedung itu.",
        "2020-08-02",
        "pukul 7 malam",
        "TIME",
        "2020-08-02T19:00",
        "published",
        None,
    ),
    (
        "Kebakaran terjadi pukul 00.30 di pasar.",
        "2020-08-02",
        "pukul 00.30",
        "TIME",
        "2020-08-02T00:30",
        "published",
        None,
    ),
    (
        "Korban ditemukan sekitar pukul 11.45 WIB.",
        "2020-08-02",
        "sekitar pukul 11.45 WIB",
        "TIME",
        "2020-08-02T11:45+07:00",
        "published",
        "APPROX",
    ),
    (
        "Hujan turun Selasa (30/12/2014) sore di Jakarta.",
        None,
        "Selasa (30/12/2014) sore",
        "TIME",
        "2014-12-30TAF",
        "absolute",
        None,
    ),
    (
        "Gempa susulan terasa dini hari tadi.",
        "2020-08-03",
        "dini hari tadi",
        "TIME",
        "2020-08-03TNI",
        "published",
        None,
    ),
    ("Saat ini stok beras aman.", "2020-08-03", "Saat ini", "DATE", "PRESENT_REF", "published", None),
    ("Kini harga mulai turun.", "2020-08-03", "Kini", "DATE", "PRESENT_REF", "published", None),
    (
        "Sekarang warga bisa mendaftar daring.",
        "2020-08-03",
        "Sekarang",
        "DATE",
        "PRESENT_REF",
        "published",
        None,
    ),
    ("Saat itu jalan masih berupa tanah.", "2020-08-03", "Saat itu", "DATE", "PAST_REF", "published", None),
    ("Hasilnya nanti diumumkan panitia.", "2020-08-03", "nanti", "DATE", "FUTURE_REF", "published", None),
    ("Ia dikarantina selama tiga bulan.", "2020-08-03", "tiga bulan", "DURATION", "P3M", "absolute", None),
    ("Ia cuti dua pekan untuk menikah.", "2020-08-03", "dua pekan", "DURATION", "P2W", "absolute", None),
    (
        "Kasus bertambah 500 dalam 24 jam terakhir.",
        "2020-08-03",
        "24 jam terakhir",
        "DURATION",
        "PT24H",
        "absolute",
        None,
    ),
    (
        "Harga emas naik sepekan terakhir.",
        "2020-08-03",
        "sepekan terakhir",
        "DURATION",
        "P1W",
        "absolute",
        None,
    ),
    (
        "Ia menunggu beberapa hari di bandara.",
        "2020-08-03",
        "beberapa hari",
        "DURATION",
        "PXD",
        "absolute",
        None,
    ),
    (
        "Ia merantau bertahun-tahun di Malaysia.",
        "2020-08-03",
        "bertahun-tahun",
        "DURATION",
        "PXY",
        "absolute",
        None,
    ),
    ("Pasar itu tutup setiap Senin.", "2020-08-03", "setiap Senin", "SET", "XXXX-WXX-1", "absolute", None),
    ("Festival itu digelar tiap tahun.", "2020-08-03", "tiap tahun", "SET", "P1Y", "absolute", None),
    ("Obat diminum dua kali sehari.", "2020-08-03", "dua kali sehari", "SET", "P1D", "absolute", None),
    (
        "Pameran berlangsung 1-3 Agustus 2020 di JCC.",
        None,
        "1-3 Agustus 2020",
        "DATE",
        "2020-08-01/2020-08-03",
        "absolute",
        None,
    ),
    (
        "Pelatihan berlangsung Senin hingga Rabu di aula.",
        "2020-07-20",
        "Senin hingga Rabu",
        "DATE",
        "2020-07-20/2020-07-22",
        "published",
        None,
    ),
    ("Ekonomi tumbuh pada kuartal III 2020.", None, "kuartal III 2020", "DATE", "2020-Q3", "absolute", None),
    (
        "Laba naik pada semester pertama 2020.",
        None,
        "semester pertama 2020",
        "DATE",
        "2020-H1",
        "absolute",
        None,
    ),
    ("Lagu itu populer pada tahun 2000-an.", None, "tahun 2000-an", "DATE", "200", "absolute", None),
    ("Tantangan abad ke-21 makin berat.", None, "abad ke-21", "DATE", "20", "absolute", None),
    (
        "Data pekan ke-33 dirilis; laporan itu memuat pekan lalu.",
        "2020-08-12",
        "pekan lalu",
        "DATE",
        "2020-W32",
        "published",
        None,
    ),
    (
        "Petani bersiap menghadapi musim hujan tahun ini.",
        "2020-08-03",
        "musim hujan tahun ini",
        "DATE",
        "2020-WI",
        "published",
        None,
    ),
    ("Toko tutup saat Natal 2020.", None, "Natal 2020", "DATE", "2020-12-25", "absolute", None),
    ("Upacara HUT RI ke-75 digelar sederhana.", None, "HUT RI ke-75", "DATE", "2020-08-17", "absolute", None),
    (
        "Pemudik pulang sebelum Idul Fitri 1441 H.",
        None,
        "Idul Fitri 1441 H",
        "DATE",
        "2020-05-24",
        "absolute",
        None,
    ),
    (
        "Salat Id digelar 1 Syawal 1441 H di lapangan.",
        None,
        "1 Syawal 1441 H",
        "DATE",
        "2020-05-24",
        "absolute",
        None,
    ),
    (
        "Harga naik selama Ramadan 2021.",
        None,
        "Ramadan 2021",
        "DATE",
        "2021-04-13/2021-05-12",
        "absolute",
        None,
    ),
    (
        "Mudik dilarang menjelang Lebaran.",
        "2021-04-20",
        "menjelang Lebaran",
        "DATE",
        "2021-05-13",
        "published",
        "BEFORE",
    ),
    (
        "Kembang api dinyalakan saat Tahun Baru.",
        "2020-12-20",
        "Tahun Baru",
        "DATE",
        "2021-01-01",
        "published",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "published", "span", "typ", "value", "anchor", "mod"), CASES)
def test_forms(sentence, published, span, typ, value, anchor, mod):
    times, _ = tag_times(sentence, published)
    check_offsets(sentence, times)
    t = find(times, span)
    assert (t.type, t.value, t.anchor, t.mod) == (typ, value, anchor, mod)


SEED = (
    "TRIBUNJOGJA.COM - CEO Microsoft melakukan pembicaraan dengan Presiden Donald Trump pada hari "
    "Minggu (2/8/2020). Hasil percakapan itu diunggah di hari yang sama waktu Amerika.\n"
    "Mereka berharap mengakhiri diskusi pada 15 September tahun ini. Data yang saat ini disimpan akan dihapus."
)


@pytest.mark.parametrize("published", [None, "2020-08-03"])
def test_seed_example_through_stage(published):
    art = Article(
        text=SEED, metadata=Metadata(published=published, published_source="given" if published else None)
    )
    make_time_stage().process(art)
    check_offsets(SEED, art.times)
    if published is None:
        assert art.metadata.published == "2020-08-02"
        assert art.metadata.published_source == "inferred"
    got = {t.text: (t.type, t.value, t.anchor) for t in art.times}
    assert got["Minggu (2/8/2020)"] == ("DATE", "2020-08-02", "absolute")
    assert got["hari yang sama"] == ("DATE", "2020-08-02", "previous")
    assert got["15 September tahun ini"] == ("DATE", "2020-09-15", "published")
    assert got["saat ini"][:2] == ("DATE", "PRESENT_REF")


def test_through_pipeline():
    from newsnlp.pipeline import Pipeline

    nlp = Pipeline(stages=("time",))
    art = nlp(SEED, published="2020-08-03")
    assert [t.text for t in art.times][:2] == ["Minggu (2/8/2020)", "hari yang sama"]
    assert art.metadata.published_source == "given"
    d = art.to_dict()
    assert d["times"][0]["value"] == "2020-08-02"


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


@pytest.mark.parametrize(
    "text",
    [
        "Dua pertiga atau 2/3 warga hadir.",
        "Persija menang 3-1 atas Persib.",
        "Hubungi 0812-3456-7890 untuk info.",
        "Rapat digelar di ruang 2.13 lantai dua.",
        "Pemerintah menerbitkan UU Nomor 11 Tahun 2020 tentang Cipta Kerja.",
        "Aturan itu tercantum dalam PP 21 Tahun 2019.",
        "Ia bekerja sehari-hari sebagai sopir di 49 desa.",
    ],
)
def test_not_time(text):
    times, _ = tag_times(text, "2020-08-03")
    assert times == []


def test_year_without_year_takes_tense_direction():
    past, _ = tag_times("Ia ditangkap pada 20 Desember lalu.", "2021-01-05")
    assert past[0].value == "2020-12-20"
    future, _ = tag_times("Sidang digelar 20 Januari mendatang.", "2020-12-20")
    assert future[0].value == "2021-01-20"


def test_time_takes_day_from_same_sentence():
    text = "Sidang dimulai pukul 09.00 WIB, Kamis (19/6/2025), di PN Jakarta."
    times, _ = tag_times(text, "2025-06-20")
    assert find(times, "pukul 09.00 WIB").value == "2025-06-19T09:00+07:00"


def test_offsets_exact_in_messy_text():
    text = "darieconomic times,Senin (16/6/2025).Ikut hadir\xa0Jumat\xa0(20/6/2025)  pukul  14.00\u00a0WIB."
    times, _ = tag_times(text, "2025-06-20")
    check_offsets(text, times)
    assert [t.value for t in times][:2] == ["2025-06-16", "2025-06-20"]


@pytest.mark.parametrize(
    "chunk", ["1/2/3/4/5/6/7/8/9/", "12.34.56.", "1-2-3-4-", "2020 2021 ", "11 / 22 / 33 - 44 . "]
)
def test_no_catastrophic_backtracking(chunk):
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    get_tagger()  # patterns compiled before timing
    t0 = time.perf_counter()
    times, _ = tag_times(text, "2020-08-03")
    assert time.perf_counter() - t0 < 1.0
    check_offsets(text, times)


def test_resources_load_once():
    a, b = TimeStage(), TimeStage()
    assert a.tagger is b.tagger
