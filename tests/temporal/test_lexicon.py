"""The time lexicon is the single source of the room's language facts: every key of
``data/temporal/lexicon.json`` is read by the tagger, and no list of lexicon words is written again
in the room's code (a regex alternation, a tuple, list, set or dict of two or more lexicon words)."""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path

from newsnlp.data import read_text
from newsnlp.temporal.tagger import TimeTagger, infer_published

ROOM = Path(__file__).resolve().parents[2] / "src" / "newsnlp" / "temporal"

#: Sentences that make the tagger read the entries only used while resolving (holiday tables, ...).
SENTENCES = [
    "Imlek 2025 dirayakan meriah, Waisak 2569 BE juga, dan Paskah 2024 jatuh pada Minggu.",
    "Pada HUT RI ke-75, 17 Agustus 2020, warga berkumpul; Idul Fitri 1441 H jatuh 24 Mei 2020.",
    "Abad ke-XXI dimulai, kuartal III 2020 berat, semester pertama 2021 membaik, tiga bulan lalu.",
    "Setiap Senin pukul 07.00 WIB apel digelar, dua kali sehari, 1,5 tahun, seharian, berjam-jam.",
    "Keesokan harinya, malam itu, tadi malam, Kamis (19/6/2024Lebih lanjut, Farel Prayogakini.",
    "Diperbarui 10 Jun 2025, 04:30 WIB. Rapat Senin lalu membahas UU Nomor 11 Tahun 2020 sejak 2019.",
    "Acara dimulai sekitar pukul 7 malam menjelang lebaran, dua puluh satu hari setelah awal 2020.",
    "Pada 2/8, Minggu selepas ashar dan usai salat Jumat, sejenak di masa depan, di 08 derajat 50 menit LS.",
    "Ia membeli sejumlah jam tangan; tenor 6, 9, dan 13 bulan; lebih dari 200 tahun lalu; hari ini, kata dia.",
]


class _Recording(dict):
    """A dict that remembers which of its keys were read."""

    def __init__(self, data):
        super().__init__(data)
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


def _lexicon() -> dict:
    return json.loads(read_text("temporal", "lexicon.json"))


def test_every_lexicon_key_is_read():
    lex = _Recording(copy.deepcopy(_lexicon()))
    tagger = TimeTagger(lex=lex)
    for s in SENTENCES:
        cands = tagger.extract(s)
        tagger.resolve(s, cands, infer_published(tagger, s, cands))
    unread = sorted(k for k in lex if not k.startswith("_") and k not in lex.read)
    assert unread == [], f"lexicon keys never read by the time stage: {unread}"


def _lexicon_words() -> set[str]:
    """Every word or phrase of the lexicon (keys of its tables, items of its lists), two letters or more."""
    out: set[str] = set()

    def add(x):
        # words and phrases, not codes (``START``, ``DE``) nor numbers
        if (
            isinstance(x, str)
            and not x.startswith("_")
            and not x.isupper()
            and re.search(r"[a-z]{2}", x.lower())
        ):
            out.add(x.lower())

    for value in _lexicon().values():
        if isinstance(value, dict):
            for k in value:
                add(k)
        elif isinstance(value, list):
            for item in value:
                add(item)
    return out


_REGEX_SYNTAX = re.compile(r"\\[sbdwSBDW]|\\|[()?:*+{}\[\]^$]|\?P<\w+>|\?<?[!=]")


def _regex_words(s: str) -> list[str]:
    """The alternatives of the alternations in ``s``, stripped of regex syntax."""
    if "|" not in s:
        return []
    return [re.sub(r"\s+", " ", _REGEX_SYNTAX.sub(" ", part)).strip().lower() for part in s.split("|")]


def _duplicated_lists() -> list[str]:
    lexwords = _lexicon_words()
    found = []
    for path in sorted(ROOM.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            items: list[str] = []
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                items = [
                    e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
            elif isinstance(node, ast.Dict):
                items = [
                    k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                ]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                items = _regex_words(node.value)
            hits = sorted({w.lower() for w in items if w.lower() in lexwords})
            if len(hits) >= 2:
                found.append(f"{path.relative_to(ROOM)}:{node.lineno}: {hits}")
    return found


def test_no_word_list_of_the_lexicon_is_written_in_code():
    assert _duplicated_lists() == []


def test_the_duplicate_scan_finds_a_list_in_a_regex_and_in_a_tuple():
    lexwords = _lexicon_words()
    assert {"lalu", "depan", "hingga", "sampai"} <= lexwords
    assert [w for w in _regex_words(r"\s+(?:lalu|yang\s+lalu|depan)\b") if w in lexwords] == [
        "lalu",
        "yang lalu",
        "depan",
    ]
