"""The token layer (``newsnlp.record_tokens``): a table of columns that behaves as a list of tokens."""

from __future__ import annotations

import copy
import json
import pickle
import tracemalloc
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnlp.record import TOKEN_FIELDS, Article, Token, Tokens

TEXT = "Presiden Joko Widodo meresmikan bendungannya."


def _tokens() -> list[Token]:
    return [
        Token(0, 8, "Presiden", stem="Presiden", sentence=0),
        Token(9, 13, "Joko", stem="Joko", ent="PER"),
        Token(14, 20, "Widodo", stem="Widodo", ent="PER"),
        Token(21, 31, "meresmikan", stem="resmi", is_stop=False),
        Token(32, 44, "bendungannya", stem="bendung", clitic="nya", space_after=False),
        Token(44, 45, ".", stem=".", is_stop=False, space_after=False),
    ]


def _article() -> Article:
    return Article(text=TEXT, tokens=_tokens())


# -- a list for its users -----------------------------------------------------------------------


def test_article_tokens_is_a_table_equal_to_the_list_it_was_given():
    art = _article()
    assert isinstance(art.tokens, Tokens)
    assert art.tokens == _tokens() and _tokens() == art.tokens
    assert art.tokens != _tokens()[:-1]
    assert len(art.tokens) == 6
    assert all(isinstance(t, Token) for t in art.tokens)
    assert art.tokens[1] == Token(9, 13, "Joko", stem="Joko", ent="PER")
    assert art.tokens[-1].text == "." and art.tokens[-6].text == "Presiden"
    with pytest.raises(IndexError):
        art.tokens[6]
    assert art.tokens[1:3] == _tokens()[1:3]
    assert art.tokens[::-1] == _tokens()[::-1]
    assert [t.text for t in reversed(art.tokens)] == [t.text for t in reversed(_tokens())]
    assert _tokens()[2] in art.tokens and art.tokens.index(_tokens()[2]) == 2
    assert art.tokens + [Token(45, 46, "x")] == [*_tokens(), Token(45, 46, "x")]  # noqa: RUF005
    assert Article(text=TEXT).tokens == [] and not Article(text=TEXT).tokens


def test_assigning_a_list_converts_it():
    art = Article(text=TEXT)
    art.tokens = _tokens()
    assert isinstance(art.tokens, Tokens) and art.tokens == _tokens()
    art.tokens = art.tokens[:2]  # a list of views of the old table: copied
    assert art.tokens == _tokens()[:2]


def _by_length(tok: Token) -> tuple[int, int]:
    return (tok.end - tok.start, tok.start)


def test_list_operations_match_a_list():
    art = _article()
    model = _tokens()
    extra = Token(45, 46, "!", ent="MISC", head=3, deprel="punct", lemma="!", pos="PUNCT")
    for ops in (
        lambda x: x.append(extra),
        lambda x: x.insert(1, extra),
        lambda x: x.extend([extra, extra]),
        lambda x: x.__delitem__(0),
        lambda x: x.__delitem__(slice(1, 3)),
        lambda x: x.__setitem__(0, extra),
        lambda x: x.__setitem__(slice(0, 2), [extra]),
        lambda x: x.__setitem__(slice(0, 4, 2), [extra, extra]),
        lambda x: x.reverse(),
        lambda x: x.sort(key=_by_length),
        lambda x: x.remove(extra),
    ):
        ops(art.tokens)
        ops(model)
        assert art.tokens == model
        assert art.tokens.to_dicts() == [t.to_dict() for t in model]
    popped = art.tokens.pop()
    assert popped == model.pop() and popped._t is None  # a standalone copy
    art.tokens.clear()
    assert art.tokens == []


def test_a_wrong_value_leaves_the_table_as_it_was():
    art = _article()
    with pytest.raises(TypeError):
        art.tokens.append(Token("a", 2, "x"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        art.tokens.append("Joko")  # type: ignore[arg-type]
    assert art.tokens == _tokens()


# -- views that write through -------------------------------------------------------------------


def test_views_read_and_write_through_to_the_columns():
    art = _article()
    art.tokens[3].ent = "ORG"
    art.tokens[3].head = 2
    art.tokens[3].is_stop = True
    art.tokens[0].sentence = 4
    assert art.tokens[3].ent == "ORG" and art.tokens[3].head == 2 and art.tokens[3].is_stop is True
    d = art.to_dict()["tokens"]
    assert d[3]["ent"] == "ORG" and d[3]["head"] == 2 and d[3]["is_stop"] is True and d[0]["sentence"] == 4
    assert d[2]["head"] is None  # the column allocated for one token keeps None for the others
    for tok in art.tokens:
        tok.stem = tok.text.lower()
    assert art.tokens.column("stem") == [t.text.lower() for t in _tokens()]
    art.tokens[3].head = None
    assert art.tokens[3].head is None and not art.tokens.has("head")


def test_copies_and_pickles_of_a_view_are_standalone():
    art = _article()
    view = art.tokens[1]
    for other in (copy.copy(view), copy.deepcopy(view), pickle.loads(pickle.dumps(view))):
        assert other == view and other._t is None
        other.ent = "LOC"
        assert art.tokens[1].ent == "PER"


def test_standalone_token_keeps_what_it_is_given():
    tok = Token(start=0, end=4, text="Joko")
    assert tok.to_dict() == {
        "start": 0,
        "end": 4,
        "text": "Joko",
        "stem": None,
        "is_stop": False,
        "lemma": None,
        "pos": None,
        "sentence": 0,
        "clitic": None,
        "ent": None,
        "head": None,
        "deprel": None,
        "space_after": True,
    }
    tok.ent = "PER"
    assert Token.from_dict(tok.to_dict()) == tok
    assert repr(tok).startswith("Token(start=0, end=4, text='Joko', stem=None")
    with pytest.raises(TypeError):
        hash(tok)


# -- columns ------------------------------------------------------------------------------------


def test_columns_give_every_token_field():
    tokens = _article().tokens
    assert isinstance(tokens.starts, array) and list(tokens.starts) == [t.start for t in _tokens()]
    assert list(tokens.ends) == [t.end for t in _tokens()]
    for name in TOKEN_FIELDS:
        assert tokens.column(name) == [getattr(t, name) for t in _tokens()], name
    assert tokens.has("ent") and tokens.has("clitic") and not tokens.has("lemma") and tokens.has("start")
    tokens.set_column("lemma", ["a", None, None, None, None, "b"])
    assert tokens[0].lemma == "a" and tokens[5].lemma == "b"
    with pytest.raises(ValueError):
        tokens.set_column("lemma", ["a"])
    built = Tokens.from_columns([0, 9], [8, 13], ["Presiden", "Joko"], ent=[None, "PER"])
    assert built == [Token(0, 8, "Presiden"), Token(9, 13, "Joko", ent="PER")]
    with pytest.raises(TypeError):
        Tokens.from_columns([0], [1], ["x"], colour=["red"])


def test_optional_columns_are_allocated_only_when_set():
    tokens = Tokens.from_columns(range(0, 2000, 2), range(1, 2001, 2), ["x"] * 1000)
    assert all(getattr(tokens, f"_{name}") is None for name in ("stem", "lemma", "pos", "ent", "head"))
    tokens[5].ent = None  # writing None allocates nothing
    assert tokens._ent is None
    tokens[5].ent = "PER"
    assert tokens._ent is not None and tokens.column("ent").count("PER") == 1


# -- serialisation ------------------------------------------------------------------------------


def test_json_is_the_list_of_token_dicts_in_field_order():
    art = _article()
    d = art.to_dict()
    assert d["tokens"] == [t.to_dict() for t in _tokens()]
    assert all(list(t) == list(TOKEN_FIELDS) for t in d["tokens"])
    again = Article.from_json(art.to_json())
    assert isinstance(again.tokens, Tokens) and again.to_json() == art.to_json()
    assert json.loads(art.to_json())["tokens"] == d["tokens"]


def test_pickle_and_copies_of_an_article_are_exact_and_independent():
    art = _article()
    art.tokens[0].head = 1
    for other in (pickle.loads(pickle.dumps(art)), copy.copy(art), copy.deepcopy(art)):
        assert other == art and other.to_json() == art.to_json()
        assert other.tokens is not art.tokens
        other.tokens[0].ent = "X"
        assert art.tokens[0].ent is None
    table = pickle.loads(pickle.dumps(art.tokens))
    assert table == art.tokens and isinstance(table, Tokens)


def test_pickle_sends_columns_not_token_objects():
    n = 20_000
    tokens = Tokens.from_columns(range(0, 2 * n, 2), range(1, 2 * n + 1, 2), ["kata"] * n, stem=["kata"] * n)
    blob = pickle.dumps(tokens, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"_tokens_from_columns" in blob and b"Token\x94" not in blob
    assert len(blob) < 32 * n  # offsets and sentence as bytes, the repeated strings memoised
    assert pickle.loads(blob) == tokens


_field = {
    "start": st.integers(0, 10**6),
    "end": st.integers(0, 10**6),
    "text": st.sampled_from(["a", "Joko", ".", "bendungannya", ""]),
    "stem": st.none() | st.sampled_from(["a", "bendung"]),
    "is_stop": st.booleans(),
    "lemma": st.none() | st.text(max_size=3),
    "pos": st.none() | st.sampled_from(["NOUN", "PROPN"]),
    "sentence": st.integers(0, 50),
    "clitic": st.none() | st.just("nya"),
    "ent": st.none() | st.sampled_from(["PER", "ORG"]),
    "head": st.none() | st.integers(0, 100),
    "deprel": st.none() | st.just("nsubj"),
    "space_after": st.booleans(),
}
token_dicts = st.lists(st.fixed_dictionaries(_field), max_size=12)


@settings(max_examples=60, deadline=None)
@given(token_dicts, st.data())
def test_a_table_is_the_list_of_its_tokens(dicts, data):
    model = [Token.from_dict(d) for d in dicts]
    table = Tokens(model)
    assert table == model and table.to_dicts() == dicts
    assert pickle.loads(pickle.dumps(table)).to_dicts() == dicts
    assert Tokens.from_dicts(dicts) == table
    if model:
        i = data.draw(st.integers(0, len(model) - 1))
        j = data.draw(st.integers(0, len(model) - 1))
        table[i] = table[j]
        model[i] = copy.copy(model[j])
        del table[j]
        del model[j]
        assert table == model


# -- memory: no object per token ----------------------------------------------------------------


def test_the_text_stage_keeps_no_object_per_token():
    """One token per character (1 MB of brackets was 349 bytes a character at peak RSS with a
    ``Token`` object per token): the record's token layer now holds ~35 bytes a token, and the
    stage's peak is ~53 (a tuple per open bracket in the sentence splitter took it to 113)."""
    from newsnlp.text.stage import TextStage

    stage = TextStage()
    text = "([{\u2039" * 25_000
    stage.process(Article(text="([{\u2039" * 100))  # warm-up: caches filled outside the measure
    art = Article(text=text)
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        stage.process(art)
        held, peak = (x - base for x in tracemalloc.get_traced_memory())
    finally:
        tracemalloc.stop()
    assert len(art.tokens) == len(text)
    assert held / len(text) < 50, f"{held / len(text):.0f} bytes a token held (Token objects: ~190)"
    assert peak / len(text) < 90, f"{peak / len(text):.0f} bytes a token at the peak"
