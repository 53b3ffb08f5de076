"""Short invented Indonesian news items for the integration tests (no outlet's text)."""

from __future__ import annotations

_PLACES = ["Bekasi", "Surabaya", "Medan", "Makassar", "Bandung"]
_PEOPLE = ["Ridwan Kamil", "Joko Widodo", "Sri Mulyani", "Anies Baswedan", "Tri Rismaharini"]
_TEMPLATES = [
    "{place}, KOMPAS.com - Banjir merendam ratusan rumah di {place} pada Senin ({d}/8/2020). "
    "{person} meninjau lokasi keesokan harinya.",
    "TRIBUNNEWS.COM - {person} meresmikan pasar baru di {place}, Rabu ({d}/9/2021).\n\n"
    "Pasar itu dibangun sejak Januari 2021 dengan biaya Rp 12 miliar.",
    "Harga cabai di {place} naik dua kali lipat dalam dua minggu terakhir. "
    "Menurut {person}, pasokan akan pulih awal Oktober.",
    "Pemerintah Kota {place} menggelar vaksinasi massal pada 1{d} Juli 2021.   "
    "Baca juga: {person} Tinjau Vaksinasi di {place}",
]


def invented_items(n: int = 20) -> list[dict]:
    """``n`` small articles as dicts with ``id``, ``text`` and (for some) ``published``."""
    items = []
    for i in range(n):
        text = _TEMPLATES[i % len(_TEMPLATES)].format(
            place=_PLACES[i % len(_PLACES)], person=_PEOPLE[(i * 2) % len(_PEOPLE)], d=i % 9 + 1
        )
        item = {"id": f"art-{i:02d}", "text": text}
        if i % 3 == 0:
            item["published"] = f"2021-07-{i % 28 + 1:02d}"
        items.append(item)
    return items
