"""Indonesian TimeML conventions and the expressions of issue #17, on invented news-style sentences:
``tanggal N`` before a month, a date with its clock time as one TIME, clock times and attribution
dates, coordinates, parts of day, vague durations, prayer times, deictic days inside quotations."""

from __future__ import annotations

import pytest

from newsnlp.temporal import tag_times
from tests.temporal.helpers import FORM_FIELDS, check_form, check_offsets, find

CASES = [
    # `tanggal N` before a month is one date, also lower case, after "pada", and with numbers
    (
        "Sidang digelar pada tanggal 14 Juni 2014 di PN Bandung.",
        None,
        "tanggal 14 Juni 2014",
        "DATE",
        "2014-06-14",
        "absolute",
        None,
    ),
    (
        "Pada Tanggal 3 Maret lalu warga berdemo.",
        "2021-03-20",
        "Tanggal 3 Maret lalu",
        "DATE",
        "2021-03-03",
        "published",
        None,
    ),
    (
        "Rapat itu jatuh pada tgl. 5 Mei 2020.",
        None,
        "tgl. 5 Mei 2020",
        "DATE",
        "2020-05-05",
        "absolute",
        None,
    ),
    (
        "Surat bertanggal tanggal 02/07/2025 dikirim.",
        None,
        "tanggal 02/07/2025",
        "DATE",
        "2025-07-02",
        "absolute",
        None,
    ),
    # a date followed by its clock time is ONE TIME, with the zone when stated
    (
        "Banjir melanda Minggu (28/12/2014) pukul 10.00 WIB di Bandung.",
        None,
        "Minggu (28/12/2014) pukul 10.00 WIB",
        "TIME",
        "2014-12-28T10:00+07:00",
        "absolute",
        None,
    ),
    (
        "Gempa terjadi Jumat, 20 Juni 2025, jam 02.00 WITA.",
        None,
        "Jumat, 20 Juni 2025, jam 02.00 WITA",
        "TIME",
        "2025-06-20T02:00+08:00",
        "absolute",
        None,
    ),
    (
        "Laga digelar 17 Juni 2025 pukul 19.00 hingga 21.00 WIB.",
        None,
        "17 Juni 2025 pukul 19.00 hingga 21.00 WIB",
        "TIME",
        "2025-06-17T19:00+07:00/2025-06-17T21:00+07:00",
        "absolute",
        None,
    ),
    (
        "Kapal tiba Selasa (3/6) pukul 07.30.",
        "2025-06-04",
        "Selasa (3/6) pukul 07.30",
        "TIME",
        "2025-06-03T07:30",
        "published",
        None,
    ),
    (
        "Korban ditemukan Senin (3/8/2020) sekitar pukul 11.45 WIB.",
        None,
        "Senin (3/8/2020) sekitar pukul 11.45 WIB",
        "TIME",
        "2020-08-03T11:45+07:00",
        "absolute",
        "APPROX",
    ),
    (
        "Rapat digelar Sabtu pukul 15.05 WIB di balai kota.",
        "2020-08-05",
        "Sabtu pukul 15.05 WIB",
        "TIME",
        "2020-08-08T15:05+07:00",
        "published",
        None,
    ),
    (
        "Solstis terjadi tiap tanggal 21 Desember 2025.",
        None,
        "tanggal 21 Desember 2025",
        "DATE",
        "2025-12-21",
        "absolute",
        None,
    ),
    # hours counted from the last clock time
    (
        "Laga dimulai pukul 23.00 WIB nanti malam. Tiga jam berselang, laga lain dimulai.",
        "2025-06-18",
        "Tiga jam berselang",
        "TIME",
        "2025-06-19T02:00+07:00",
        "previous",
        None,
    ),
    # degrees and arc-minutes of coordinates are not durations
    ("Pusat gempa di 08 derajat 50 menit LS dan 115 derajat 20 menit BT.", None, "x", None, None, None, None),
    # parts of day as the Indonesian references: siang, sore AF; malam NI; pagi, dini hari MO
    (
        "Demo berlangsung Senin (2/6/2025) siang.",
        None,
        "Senin (2/6/2025) siang",
        "TIME",
        "2025-06-02TAF",
        "absolute",
        None,
    ),
    (
        "Kebakaran terjadi Rabu (4/6/2025) malam.",
        None,
        "Rabu (4/6/2025) malam",
        "TIME",
        "2025-06-04TNI",
        "absolute",
        None,
    ),
    (
        "Ledakan terdengar Kamis (5/6/2025) dini hari.",
        None,
        "Kamis (5/6/2025) dini hari",
        "TIME",
        "2025-06-05TMO",
        "absolute",
        None,
    ),
    ("Tadi malam jalan itu ditutup.", "2025-06-10", "Tadi malam", "TIME", "2025-06-09TNI", "published", None),
    # bare parts of day
    (
        "Polisi berjaga Senin (2/6/2025). Ketika malam tiba, massa membubarkan diri.",
        None,
        "malam",
        "TIME",
        "2025-06-02TNI",
        "previous",
        None,
    ),
    (
        "Hujan turun Senin (2/6/2025). Semakin malam, air makin tinggi.",
        None,
        "malam",
        "TIME",
        "2025-06-02TNI",
        "previous",
        None,
    ),
    (
        "Nelayan berangkat Selasa (3/6/2025) saat senja, pulang keesokan harinya.",
        None,
        "senja",
        "TIME",
        "2025-06-03TEV",
        "previous",
        None,
    ),
    (
        "Relawan tiba Selasa (3/6/2025). Menjelang rembang petang, pencarian dihentikan.",
        None,
        "Menjelang rembang petang",
        "TIME",
        "2025-06-03TEV",
        "previous",
        "BEFORE",
    ),
    # prayer times after a weekday or a date, or alone
    (
        "Warga berkumpul Minggu selepas ashar di masjid.",
        "2025-06-10",
        "Minggu selepas ashar",
        "TIME",
        "2025-06-08TAF",
        "published",
        "AFTER",
    ),
    (
        "Pengajian digelar usai salat Jumat di balai desa.",
        "2025-06-09",
        "usai salat Jumat",
        "TIME",
        "2025-06-06TAF",
        "published",
        "AFTER",
    ),
    (
        "Banjir datang Sabtu (7/6/2025) menjelang maghrib.",
        None,
        "Sabtu (7/6/2025) menjelang maghrib",
        "TIME",
        "2025-06-07TEV",
        "absolute",
        "BEFORE",
    ),
    (
        "Banjir datang Sabtu (7/6/2025). Air surut pada subuh, kata warga.",
        None,
        "subuh",
        "TIME",
        "2025-06-07TMO",
        "previous",
        None,
    ),
    # vague durations without a unit
    ("Ia terdiam sejenak sebelum menjawab.", None, "sejenak", "DURATION", "PTXM", "absolute", None),
    ("Beberapa saat kemudian api padam.", None, "Beberapa saat", "DURATION", "PTXM", "absolute", None),
    ("Mohon tunggu sebentar, kata petugas.", None, "sebentar", "DURATION", "PTXM", "absolute", None),
    # references
    (
        "Tiket sudah dipesan jauh-jauh hari oleh pemudik.",
        "2025-06-10",
        "jauh-jauh hari",
        "DATE",
        "PAST_REF",
        "published",
        None,
    ),
    (
        "Sejauh ini belum ada korban jiwa.",
        "2025-06-10",
        "Sejauh ini",
        "DATE",
        "PRESENT_REF",
        "published",
        None,
    ),
    (
        "Rapat digelar Senin (2/6/2025). Pada saat yang sama, massa berkumpul.",
        None,
        "saat yang sama",
        "DATE",
        "2025-06-02",
        "previous",
        None,
    ),
    (
        "Banjir besar melanda pada 2019. Pada tahun tersebut, tanggul jebol.",
        None,
        "tahun tersebut",
        "DATE",
        "2019",
        "previous",
        None,
    ),
    ("Pada 2/8, polisi menutup jalan itu.", "2020-08-03", "2/8", "DATE", "2020-08-02", "published", None),
    # quantities with a direction from the previous date
    (
        "Pabrik berdiri pada 1966. Setahun berselang, mobil pertama dibuat.",
        None,
        "Setahun berselang",
        "DATE",
        "1967",
        "previous",
        None,
    ),
    (
        "Kuil itu dibangun lebih dari 200 tahun lalu.",
        "2025-06-10",
        "lebih dari 200 tahun lalu",
        "DATE",
        "1825",
        "published",
        "BEFORE",
    ),
    (
        "Laba turun dibanding kuartal yang lalu.",
        "2025-06-10",
        "kuartal yang lalu",
        "DATE",
        "2025-Q1",
        "published",
        None,
    ),
    # a unit shared by a list, and two durations of the same unit
    ("Bank menawarkan tenor 6, 9, dan 13 bulan.", None, "9", "DURATION", "P9M", "absolute", None),
    ("Tenor KPR itu 15 tahun dan 20 tahun.", None, "15 tahun", "DURATION", "P15Y", "absolute", None),
    (
        "Ia bekerja di sana sekitar 20 tahunan.",
        None,
        "sekitar 20 tahunan",
        "DURATION",
        "P20Y",
        "absolute",
        "APPROX",
    ),
]


@pytest.mark.parametrize(FORM_FIELDS, [c for c in CASES if c[3] is not None])
def test_conventions(sentence, published, span, typ, value, anchor, mod):
    check_form(sentence, published, span, typ, value, anchor, mod)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pusat gempa di 08 derajat 50 menit LS dan 115 derajat 20 menit BT.",
        "Titik api terpantau di 7° 30 menit LU.",
        "Pemain menerima sejumlah jam tangan mewah.",
        "Kami memikirkan masa depan bangsa ini.",
        "Pada 2/3 wilayah itu hujan turun.",
        "Ia rutin berolahraga di pagi hari.",
        "Petani biasanya berangkat pada pagi, sebelum matahari terik.",
    ],
)
def test_not_time_expressions(sentence):
    times, _ = tag_times(sentence, "2025-06-10")
    assert times == [], [t.text for t in times]


def test_clock_time_does_not_take_its_day_from_a_later_attribution_date():
    text = (
        "Festival dibuka Minggu (22/6/2025) di alun-alun. Pawai dimulai pukul 05.30 WIB, "
        "ujar Budi, Rabu (18/6/2025)."
    )
    times, _ = tag_times(text, "2025-06-18")
    check_offsets(text, times)
    assert find(times, "pukul 05.30 WIB").value == "2025-06-22T05:30+07:00"
    # a clock time whose own sentence holds an event date still takes that date
    text2 = "Pawai dimulai pukul 05.30 WIB pada Minggu (22/6/2025), ujar Budi, Rabu (18/6/2025)."
    times2, _ = tag_times(text2, "2025-06-18")
    assert times2[0].value == "2025-06-22T05:30+07:00"


def test_deictic_day_in_a_quotation_takes_the_date_of_its_attribution():
    text = (
        'Ia menutup akunnya. "Setelah lama bimbang, hari ini saya pamit," tulisnya pada Minggu (8/6/2025).\n'
        '"Besok saya libur," katanya.'
    )
    times, _ = tag_times(text, "2025-06-09")
    got = {t.text: (t.value, t.anchor) for t in times}
    assert got["hari ini"] == ("2025-06-08", "previous")
    assert got["Besok"] == ("2025-06-10", "published")  # no date for that quotation: publication


def test_generic_today_after_a_time_long_ago_is_present_ref():
    text = 'Vaksin dipakai sejak 200 tahun lalu. "Hari ini, vaksin menyelamatkan jutaan nyawa," ujarnya.'
    times, _ = tag_times(text, "2025-06-10")
    assert find(times, "Hari ini").value == "PRESENT_REF"
    text2 = "Rapat digelar kemarin. Hari ini, warga kembali berkumpul."
    assert find(tag_times(text2, "2025-06-10")[0], "Hari ini").value == "2025-06-10"
