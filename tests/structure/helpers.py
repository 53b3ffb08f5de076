"""Helpers of the structure tests: run the stage on a text, check segment offsets, read labels."""

from __future__ import annotations

import itertools

from newsnlp.record import SEGMENT_LABELS, Article
from newsnlp.structure.stage import StructureStage

#: A lead and a paragraph around the lines under test (invented).
LEAD = (
    "JAKARTA, KABARCONTOH.COM - Pemerintah kota mengumumkan jadwal kegiatan baru bagi warga pada pekan ini."
)
PARA = "Kegiatan itu digelar di beberapa lokasi dan terbuka bagi masyarakat umum tanpa biaya apa pun."


def run(stage: StructureStage, text: str) -> Article:
    art = Article(text=text)
    stage.process(art)
    check_offsets(art)
    return art


def check_offsets(art: Article) -> None:
    """Exact offsets, sorted, labels of the contract, no overlap except credit/dateline inside."""
    starts = [s.start for s in art.segments]
    assert starts == sorted(starts)
    outer = []
    for s in art.segments:
        assert s.label in SEGMENT_LABELS
        assert art.text[s.start : s.end] == s.text
        assert s.text == s.text.strip(), s
        if s.label in ("credit", "dateline") and any(
            o is not s and o.start <= s.start and s.end <= o.end for o in art.segments
        ):
            continue
        outer.append(s)
    for a, b in itertools.pairwise(outer):
        assert a.end <= b.start, (a, b)


def labels_by_line(art: Article) -> dict[str, str]:
    """First outer segment label for each stripped line text."""
    out: dict[str, str] = {}
    for s in art.segments:
        if s.label in ("credit", "dateline") and any(
            o is not s and o.start <= s.start and s.end <= o.end for o in art.segments
        ):
            continue
        out.setdefault(s.text, s.label)
    return out


def seg(art: Article, label: str) -> list[str]:
    return [s.text for s in art.segments if s.label == label]


def labels(stage: StructureStage, *lines: str) -> dict[str, str]:
    """Labels by line of ``lines`` joined as paragraphs, offsets checked."""
    return labels_by_line(run(stage, "\n\n".join(lines)))
