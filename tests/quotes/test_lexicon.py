"""The quotes lexicon (data/quotes/lexicon.json, newsnlp/quotes/lexicon.py): every key is read."""

from __future__ import annotations

from newsnlp.data import load_json
from newsnlp.quotes.lexicon import build_lexicon


class _Tracking(dict):
    """A dict that records which keys were read (nested dicts too)."""

    def __init__(self, data, path, seen):
        super().__init__({k: _track(v, f"{path}{k}", seen) for k, v in data.items()})
        self._path, self._seen = path, seen

    def __getitem__(self, key):
        self._seen.add(f"{self._path}{key}")
        return super().__getitem__(key)

    def items(self):
        for k in self.keys():
            self._seen.add(f"{self._path}{k}")
        return super().items()


def _track(value, path, seen):
    return _Tracking(value, path + "." if path else "", seen) if isinstance(value, dict) else value


def _keys(data, path=""):
    for k, v in data.items():
        if k.startswith("_"):
            continue
        yield f"{path}{k}"
        if isinstance(v, dict) and k != "entities":
            yield from _keys(v, f"{path}{k}.")


def test_every_key_is_read():
    raw = load_json("quotes", "lexicon.json")
    seen: set[str] = set()
    build_lexicon(_track(raw, "", seen))
    unread = sorted(k for k in _keys(raw) if k not in seen)
    assert not unread, f"keys of data/quotes/lexicon.json nothing reads: {unread}"


def test_cue_forms_hold_clitics_and_every_kind():
    lex = build_lexicon(load_json("quotes", "lexicon.json"))
    assert lex.cue_forms["katanya"] == ("post", True)
    assert lex.cue_forms["mengatakan"] == ("active", False)
    assert lex.cue_forms["dikatakannya"] == ("passive", True)
    assert lex.cue_forms["menurutnya"] == ("menurut", True)
    assert lex.cue_forms["pernyataan"][0] == "noun"
