"""Calendar, holiday and vague forms: ordinal weeks, seasons, movable holidays (data table, Easter,
Hijri), bare parts of day, vague references, SETs, zones after parts of day, tax years, "H-7
Lebaran", ranges, English header dates, ages as durations, glued words (first found missing by
the held-out check of ``evaluation/time/gold_newsdev_heldout.jsonl``).

Every sentence here is written for the tests (none is copied from an article).
"""

from __future__ import annotations

import pytest

from newsnlp.temporal import tag_times
from tests.temporal.helpers import FORM_FIELDS, check_form, check_offsets, find

# (sentence, published, span, type, value, anchor, mod)
CASES = [
    # ordinal weeks: the ISO week holding day 4/11/18/25 of the month
    (
        "Bantuan dicairkan pada pekan kedua Juni 2025 lewat bank.",
        "2025-06-02",
        "pekan kedua Juni 2025",
        "DATE",
        "2025-W24",
        "absolute",
        None,
    ),
    (
        "Seleksi dibuka minggu ketiga Agustus.",
        "2025-06-18",
        "minggu ketiga Agustus",
        "DATE",
        "2025-W34",
        "published",
        None,
    ),
    (
        "Rapat pleno digelar pekan terakhir bulan ini.",
        "2025-06-18",
        "pekan terakhir bulan ini",
        "DATE",
        "2025-W26",
        "published",
        None,
    ),
    # academic and sports seasons
    (
        "Persebaya menatap Liga 1 musim 2025/2026 dengan skuad baru.",
        "2025-06-18",
        "2025/2026",
        "DATE",
        "2025/2026",
        "absolute",
        None,
    ),
    (
        "Jadwal Liga 2 2025-2026 segera dirilis operator.",
        "2025-06-18",
        "2025-2026",
        "DATE",
        "2025/2026",
        "absolute",
        None,
    ),
    (
        "Pendaftaran siswa baru tahun ajaran 2020/2021 diundur.",
        "2020-06-01",
        "2020/2021",
        "DATE",
        "2020/2021",
        "absolute",
        None,
    ),
    (
        "Laporan keuangan tahun 2020/2021 sudah diaudit.",
        "2021-08-01",
        "tahun 2020/2021",
        "DATE",
        "2020/2021",
        "absolute",
        None,
    ),
    # movable holidays from the data table / Easter / hijridate
    (
        "Warga Tionghoa merayakan Imlek 2025 di kelenteng.",
        "2025-02-01",
        "Imlek 2025",
        "DATE",
        "2025-01-29",
        "absolute",
        None,
    ),
    (
        "Perayaan Tahun Baru Imlek 2576 digelar meriah.",
        "2025-02-01",
        "Tahun Baru Imlek 2576",
        "DATE",
        "2025-01-29",
        "absolute",
        None,
    ),
    (
        "Bandara Ngurah Rai tutup saat Nyepi 2024.",
        "2024-03-01",
        "Nyepi 2024",
        "DATE",
        "2024-03-11",
        "absolute",
        None,
    ),
    (
        "Ribuan umat memadati Borobudur saat Waisak 2023.",
        "2023-06-05",
        "Waisak 2023",
        "DATE",
        "2023-06-04",
        "absolute",
        None,
    ),
    (
        "Harga kue keranjang naik menjelang Imlek.",
        "2026-02-01",
        "menjelang Imlek",
        "DATE",
        "2026-02-17",
        "published",
        "BEFORE",
    ),
    (
        "Libur Jumat Agung 2025 jatuh pada April.",
        "2025-01-10",
        "Jumat Agung 2025",
        "DATE",
        "2025-04-18",
        "absolute",
        None,
    ),
    (
        "Kenaikan Isa Almasih 2024 diperingati umat Kristiani.",
        "2024-05-01",
        "Kenaikan Isa Almasih 2024",
        "DATE",
        "2024-05-09",
        "absolute",
        None,
    ),
    (
        "Pemerintah menetapkan Idul Adha 2025 setelah sidang isbat.",
        "2025-05-27",
        "Idul Adha 2025",
        "DATE",
        "2025-06-06",
        "absolute",
        None,
    ),
    (
        "Peringatan Maulid Nabi 2025 digelar di masjid agung.",
        "2025-08-30",
        "Maulid Nabi 2025",
        "DATE",
        "2025-09-04",
        "absolute",
        None,
    ),
    (
        "Pawai obor menyambut Tahun Baru Islam 1447 H.",
        "2025-06-20",
        "Tahun Baru Islam 1447 H",
        "DATE",
        "2025-06-26",
        "absolute",
        None,
    ),
    # bare part of day after a preposition
    (
        "Maling itu beraksi pada malam, saat pemilik rumah tidur.",
        "2025-06-18",
        "malam",
        "TIME",
        "2025-06-18TNI",
        "published",
        None,
    ),
    (
        "Korban ditemukan Rabu (18/6/2025) pada pagi sekitar pukul 05.00 WIB.",
        "2025-06-19",
        "pagi",
        "TIME",
        "2025-06-18TMO",
        "previous",
        None,
    ),
    # "semalam": last night (EV, as "malam"), but one night after "menginap"
    ("Gudang itu terbakar semalam.", "2025-06-18", "semalam", "TIME", "2025-06-17TNI", "published", None),
    (
        "Rombongan menginap semalam di hotel transit.",
        "2025-06-18",
        "semalam",
        "DURATION",
        "P1D",
        "absolute",
        None,
    ),
    ("Baterai ponsel itu awet seharian.", "2025-06-18", "seharian", "DURATION", "P1D", "absolute", None),
    # vague references
    (
        "Selama ini warga mengandalkan air sumur.",
        "2025-06-18",
        "Selama ini",
        "DATE",
        "PRESENT_REF",
        "published",
        None,
    ),
    (
        "Kasus penipuan daring marak belakangan ini.",
        "2025-06-18",
        "belakangan ini",
        "DATE",
        "PAST_REF",
        "published",
        None,
    ),
    (
        "Isu itu beredar beberapa waktu belakangan.",
        "2025-06-18",
        "beberapa waktu belakangan",
        "DATE",
        "PAST_REF",
        "published",
        None,
    ),
    (
        "Proyek ini sementara ini dihentikan.",
        "2025-06-18",
        "sementara ini",
        "DATE",
        "PRESENT_REF",
        "published",
        None,
    ),
    ("Rumah itu dulu milik seorang saudagar.", "2025-06-18", "dulu", "DATE", "PAST_REF", "published", None),
    ("Kampung itu tidak seramai dulu.", "2025-06-18", "dulu", "DATE", "PAST_REF", "published", None),
    # SET with -nya
    ("Jumlah wisatawan naik tiap tahunnya.", "2025-06-18", "tiap tahunnya", "SET", "P1Y", "absolute", None),
    # clock with a zone after the part of day
    (
        "Upacara dimulai pukul 8 pagi WIB di lapangan.",
        "2025-06-18",
        "pukul 8 pagi WIB",
        "TIME",
        "2025-06-18T08:00+07:00",
        "published",
        None,
    ),
    # a closing parenthesis lost before a glued word: numbers win over the weekday
    (
        "Hal itu disampaikan Kamis (19/6/2024Selanjutnya ia pergi.",
        "2025-06-19",
        "Kamis (19/6/2024",
        "DATE",
        "2024-06-19",
        "absolute",
        None,
    ),
    # a tax year
    (
        "Ia belum melaporkan SPT pajak 2023 ke kantor pajak.",
        "2025-06-18",
        "2023",
        "DATE",
        "2023",
        "absolute",
        None,
    ),
    # holidays with a tense word or a relative year after them
    (
        "Penumpang melonjak menjelang Idul Adha kemarin.",
        "2025-06-09",
        "menjelang Idul Adha kemarin",
        "DATE",
        "2025-06-06",
        "published",
        "BEFORE",
    ),
    (
        "Harga tiket naik saat Natal tahun lalu.",
        "2025-06-09",
        "Natal tahun lalu",
        "DATE",
        "2024-12-25",
        "published",
        None,
    ),
    (
        "Laga kedua digelar pagi nanti di Seattle.",
        "2025-06-18",
        "pagi nanti",
        "TIME",
        "2025-06-18TMO",
        "published",
        None,
    ),
    # a clock time after a SET has no day of its own
    (
        "Saksikan sinetron itu setiap hari pukul 18.00 WIB.",
        "2025-06-20",
        "pukul 18.00 WIB",
        "TIME",
        "XXXX-XX-XXT18:00+07:00",
        "absolute",
        None,
    ),
    # years after event nouns
    (
        "Tragedi 1998 masih membekas bagi keluarga korban.",
        "2025-06-19",
        "1998",
        "DATE",
        "1998",
        "absolute",
        None,
    ),
    # a lost space after a site name
    (
        "Hal itu disampaikan dikutipKompas.combelum lama ini.",
        "2025-06-19",
        "belum lama ini",
        "DATE",
        "PAST_REF",
        "published",
        None,
    ),
    # "H-7 Lebaran": days counted from a holiday (from the first day of Ramadan)
    (
        "Puncak arus mudik diprediksi pada H-7 Lebaran 2025.",
        "2025-03-01",
        "H-7 Lebaran 2025",
        "DATE",
        "2025-03-23",
        "absolute",
        None,
    ),
    (
        "Harga daging naik pada H-1 Ramadan.",
        "2025-02-20",
        "H-1 Ramadan",
        "DATE",
        "2025-02-28",
        "published",
        None,
    ),
    # weekday and part of day before the bracketed date
    (
        "Korban tiba di rumah duka, Jumat pagi (20/6/2025).",
        "2025-06-21",
        "Jumat pagi (20/6/2025)",
        "TIME",
        "2025-06-20TMO",
        "absolute",
        None,
    ),
    # "1x24 jam" and number ranges before a unit
    (
        "Polisi menahan terduga pelaku 1x24 jam untuk diperiksa.",
        "2025-06-18",
        "1x24 jam",
        "DURATION",
        "PT24H",
        "absolute",
        None,
    ),
    (
        "Warga diberi waktu 3 x 24 jam untuk mengosongkan lahan.",
        "2025-06-18",
        "3 x 24 jam",
        "DURATION",
        "PT72H",
        "absolute",
        None,
    ),
    (
        "Sudah dua-tiga tahun terakhir sawah itu kering.",
        "2025-06-18",
        "dua-tiga tahun terakhir",
        "DURATION",
        "P3Y",
        "absolute",
        "APPROX",
    ),
    # a month range to a month with a year
    (
        "Penjualan mobil Januari-Mei 2025 turun.",
        "2025-06-18",
        "Januari-Mei 2025",
        "DATE",
        "2025-01/2025-05",
        "absolute",
        None,
    ),
    # English dates in headers stay supported
    (
        "Posted on Monday, June 16, 2025 by admin.",
        None,
        "Monday, June 16, 2025",
        "DATE",
        "2025-06-16",
        "absolute",
        None,
    ),
]


@pytest.mark.parametrize(FORM_FIELDS, CASES)
def test_calendar_and_vague_forms(sentence, published, span, typ, value, anchor, mod):
    check_form(sentence, published, span, typ, value, anchor, mod)


@pytest.mark.parametrize(
    "text",
    [
        "Polisi meminta mobil itu diamankan dulu.",  # "dulu" = first
        "Tunggu dulu ya, kami cek datanya.",
        "Mobil itu melaju 200 km per jam di jalan tol.",  # a speed, not a SET
        "Layanan pengaduan buka 24/7 untuk warga.",
        "Tersangka Budi (34) dan istrinya Ani (30) diperiksa.",  # ages in brackets are not durations
        "Kata terkini soal banjir dibahas di rapat.",  # "terkini" is not glued "kini"
        "Persija menang 3-1 menit lalu? Tidak, skor 3-1 bertahan.",  # a score is not a range of minutes
    ],
)
def test_not_time(text):
    times, _ = tag_times(text, "2025-06-18")
    assert times == []


def test_ages_are_durations_tempeval_style():
    times, _ = tag_times("Pria berusia 34 tahun itu ditangkap.", "2025-06-18")
    assert [(t.text, t.type, t.value) for t in times] == [("34 tahun", "DURATION", "P34Y")]


def test_figure_before_hari_ini_is_not_a_duration():
    text = "Rupiah diperkirakan bergerak di sekitar 16.300 hari ini."
    times, _ = tag_times(text, "2025-06-19")
    assert [(t.text, t.value) for t in times] == [("hari ini", "2025-06-19")]


def test_glued_words():
    text = "Penyanyi cilik Farel Prayogakini beranjak remaja. Simak Top 3 Berita Hari Iniberikut ini."
    times, _ = tag_times(text, "2025-06-18")
    check_offsets(text, times)
    assert find(times, "kini").value == "PRESENT_REF"
    assert find(times, "Hari Ini").value == "2025-06-18"
