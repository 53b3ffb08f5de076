"""Row ids of every JSON type and the keys ``--resume`` matches rows by."""

from __future__ import annotations

import datetime as dt

import pytest

from newsnlp.batch.ids import IdError, KeyCounter, id_text, normalise_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (float("nan"), None),
        ("a", "a"),
        (0, 0),
        (1.5, 1.5),
        (True, True),
        (dt.date(2020, 8, 3), "2020-08-03"),
    ],
)
def test_normalise_id(value, expected):
    assert normalise_id(value) == expected


@pytest.mark.parametrize("value", [[1, 2], [], {"x": 1}, {1, 2}])
def test_list_and_object_ids_are_refused(value):
    with pytest.raises(IdError, match="id must be a string, a number or a boolean"):
        normalise_id(value)


def test_numpy_ids_become_python_values():
    np = pytest.importorskip("numpy")
    assert normalise_id(np.int64(7)) == 7 and type(normalise_id(np.int64(7))) is int


def test_id_text():
    assert [id_text(v) for v in ("7", 7, 1.5, True)] == ["7", "7", "1.5", "true"]


def test_keys_never_clash():
    keys = KeyCounter()
    got = [
        keys.key(0, None),  # no id: its row number
        keys.key(1, None),  # null ids are not one id
        keys.key(2, 0),  # an explicit id 0 is not row 0
        keys.key(3, "a"),
        keys.key(4, "a"),  # a duplicate id is a second occurrence, not the same row
        keys.key(5, 1),
        keys.key(6, "1"),  # the same text: counted as a duplicate, still a distinct key
    ]
    assert len(set(got)) == len(got)
    assert got[0] == ("row", 0) and got[2] == ("id", "0", 0) and got[4] == ("id", "a", 1)
    assert KeyCounter().key(None, None) is None
