"""Tests of the NER training corpora's harmonisation (``training/ner/corpora.py``, ``recase.py``).

Only the pure functions are tested, on invented sentences: the corpora themselves live in
``../shared`` and are not needed here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "ner"))

import corpora
import recase


def bio(text: str) -> list[tuple[str, str]]:
    """``word/TAG`` pairs separated by spaces (no tag: O)."""
    out = []
    for item in text.split():
        word, _, tag = item.partition("/")
        out.append((word, tag or "O"))
    return out


def spans(sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(" ".join(w for w, _ in sent[a:b]), lab) for a, b, lab in corpora.mentions(sent)]


def test_lower_case_heads_leave_places_and_schools_become_organisations() -> None:
    sent = bio("warga desa/B-LOC Suren/I-LOC dan SMA/B-LOC Negeri/I-LOC 1/I-LOC Bandung/I-LOC")
    assert spans(corpora.harmonise_places(sent)) == [("Suren", "LOC"), ("SMA Negeri 1 Bandung", "ORG")]
    # capitalised heads stay inside (our guidelines: Kecamatan Mojolaban)
    sent = bio("di Kecamatan/B-LOC Mojolaban/I-LOC")
    assert spans(corpora.harmonise_places(sent)) == [("Kecamatan Mojolaban", "LOC")]
    # a span of lower-case words only is no entity
    assert spans(corpora.harmonise_places(bio("di desa/B-LOC itu"))) == []


def test_a_language_is_not_a_place() -> None:
    sent = bio("dari bahasa Arab/B-LOC di Arab/B-LOC Saudi/I-LOC")
    assert spans(corpora.harmonise_places(sent)) == [("Arab Saudi", "LOC")]


def test_generic_events_are_dropped_named_ones_kept() -> None:
    generic = {"piala", "konser", "pemilu", "tahun", "baru", "imlek"}
    sent = bio(
        "konser/B-EVENT ,/O piala/B-EVENT dunia/I-EVENT ,/O pemilu/B-EVENT 2014/I-EVENT "
        "dan tahun/B-EVENT baru/I-EVENT imlek/I-EVENT"
    )
    assert spans(corpora.drop_generic_events(sent, generic)) == [
        ("piala dunia", "EVENT"),
        ("pemilu 2014", "EVENT"),
    ]


def test_curated_product_names_become_product() -> None:
    sent = bio("lewat Instagram/B-ORG milik Meta/B-ORG")
    assert spans(corpora.products_as_product(sent, {"instagram"})) == [
        ("Instagram", "PRODUCT"),
        ("Meta", "ORG"),
    ]


def test_io_tags_become_bio_and_stray_inside_tags_begin_a_mention() -> None:
    sent = corpora._io_to_bio([("Joko", "Person"), ("Widodo", "Person"), ("di", "O"), ("Solo", "Place")])
    assert [t for _, t in sent] == ["B-PER", "I-PER", "O", "B-LOC"]
    assert [t for _, t in corpora.fix_bio(bio("x/I-ORG y/I-ORG z/I-PER"))] == ["B-ORG", "I-ORG", "B-PER"]


def test_recasing_uses_news_spellings_inside_and_outside_names() -> None:
    truecaser = recase.Truecaser.from_texts(
        ["kata Ketua KPK Abraham Samad di Jakarta pada Senin , kata presiden , kata presiden"]
    )
    sent = bio(
        "ketua kpk/B-ORG abraham/B-PER samad/I-PER bertemu presiden pada senin di bea/B-ORG dan/I-ORG cukai/I-ORG"
    )
    words = [w for w, _ in truecaser.sentence(sent)]
    assert words == [
        "Ketua", "KPK", "Abraham", "Samad", "bertemu", "presiden", "pada", "Senin", "di", "Bea", "dan", "Cukai",
    ]  # fmt: skip
    # tags are unchanged
    assert [t for _, t in truecaser.sentence(sent)] == [t for _, t in sent]
