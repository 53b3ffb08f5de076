"""No entity runs across a line break of any kind (issue #20, item 2): every boundary of
``newsnlp.lines`` (``\\n``, ``\\r``, VT, FF, ``\\x1c``-``\\x1e``, NEL, U+2028, U+2029) ends a name."""

from __future__ import annotations

import pytest

from newsnlp import Pipeline
from newsnlp.entities.textutil import breaks_as_newlines, pieces
from newsnlp.lines import LINE_BREAKS, has_line_break
from tests.conftest import assert_offsets

BREAKS = [*LINE_BREAKS, "\r\n"]


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Pipeline]:
    return {
        "combined": Pipeline(stages=("text", "entities")),
        "gazetteer": Pipeline(stages=("text", "entities"), config={"entities": {"model": False}}),
    }


def _texts(br: str) -> list[str]:
    return [
        f"Aplikasi milik ByteDance{br}{br}techcrunch.com melaporkan hal itu.",
        f"CEO Microsoft Satya{br}Nadella bertemu Presiden Joko{br}Widodo di Jakarta.",
        f"Lembaga Survei{br}Indonesia (LSI) merilis hasil survei.",
        f"Menurut Komisi Pemberantasan{br}Korupsi (KPK), kasus itu berlanjut.",
        f"Ia tinggal di Kabupaten{br}Sleman bersama Amerika{br}Serikat.",
        f"Budi Santoso Wibowo{br}Pratama hadir di Piala{br}Dunia 2022.",
    ]


@pytest.mark.parametrize(
    "br", BREAKS, ids=[f"U+{ord(b[0]):04X}{'+LF' if len(b) > 1 else ''}" for b in BREAKS]
)
def test_no_entity_crosses_any_line_break(pipelines, br):
    for name, nlp in pipelines.items():
        for text in _texts(br):
            art = nlp(text)
            assert_offsets(art)
            for e in art.entities:
                assert not has_line_break(e.text), (name, repr(br), e.text)
                # an entity ends on a token boundary
                assert any(t.end == e.end for t in art.tokens), (name, e.text)


@pytest.mark.parametrize("br", BREAKS[:-1])
def test_pieces_mark_every_line_break(br):
    ps = pieces(f"Satya{br}Nadella")
    assert [p.newline for p in ps] == [False, True]
    assert breaks_as_newlines(f"a{br}b") == "a\nb"
