"""Every public entry point validates its input and raises a typed error from ``newsnlp.errors``.

The table in docs/reliability.md ("What raises what") is exactly what these tests check.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsnlp import Pipeline, enrich, enrich_many
from newsnlp.cli import main as cli_main
from newsnlp.errors import (
    ConfigError,
    DecodingError,
    InputError,
    InputTypeError,
    InvalidTextError,
    NewsNLPError,
    PublishedDateError,
    StageError,
    UnknownStageError,
)

GOOD = "Presiden Joko Widodo meninjau banjir di Bekasi, Minggu (2/8/2020)."

BAD_TEXT = [
    (123, InputTypeError, "got int"),
    (None, InputTypeError, "got NoneType"),
    (["teks"], InputTypeError, "got list"),
    (3.5, InputTypeError, "got float"),
    (b"\xff\xfe Jakarta", DecodingError, "utf-8"),
    (b"Jakarta \xc3", DecodingError, "utf-8"),
    ("Jakarta \ud800 kemarin", InvalidTextError, "index 8"),
]

BAD_PUBLISHED = [
    "kemarin",
    "2020-02-30",
    "31/02/2020",  # day first (#19.10): 31 February does not exist
    "2020-13-01",
    "2020",
    "0001-01-01",
    "9999-12-31T23:59",
    dt.date(1, 1, 1),
    2020080,  # integers are YYYYMMDD only
    True,
    object(),
]


# -- text -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "error", "says"), BAD_TEXT)
def test_call_rejects_bad_text(text_pipeline, value, error, says):
    with pytest.raises(error) as info:
        text_pipeline(value)
    assert says in str(info.value)
    assert isinstance(info.value, NewsNLPError)


@pytest.mark.parametrize(("value", "error", "says"), BAD_TEXT)
def test_enrich_rejects_bad_text(value, error, says):
    with pytest.raises(error, match=says):
        enrich(value)


def test_type_error_names_expected_and_given(text_pipeline):
    with pytest.raises(InputTypeError) as info:
        text_pipeline(42)
    err = info.value
    assert err.what == "text" and err.expected == "str or bytes" and err.got_type == "int"
    assert str(err) == "text must be str or bytes, got int 42"
    assert isinstance(err, TypeError)  # callers catching TypeError still work


def test_bytes_are_decoded_and_encoding_is_honoured(text_pipeline):
    art = text_pipeline("Jakarta, Senin – ‘kata’ dia.".encode())
    assert art.text == "Jakarta, Senin – ‘kata’ dia."
    latin = "Café di Jakarta".encode("latin-1")
    with pytest.raises(DecodingError) as info:
        text_pipeline(latin)
    assert info.value.encoding == "utf-8"
    assert text_pipeline(latin, encoding="latin-1").text == "Café di Jakarta"
    assert text_pipeline(bytearray(b"Jakarta")).text == "Jakarta"
    assert text_pipeline(memoryview(b"Jakarta")).text == "Jakarta"


@pytest.mark.parametrize(
    ("encoding", "error"),
    [("tidak-ada", DecodingError), ("zlib", DecodingError), (5, InputTypeError), (None, InputTypeError)],
)
def test_bad_encoding_argument(text_pipeline, encoding, error):
    with pytest.raises(error):
        text_pipeline(b"Jakarta", encoding=encoding)


def test_utf16_lone_surrogate_is_rejected(text_pipeline):
    with pytest.raises(NewsNLPError):
        text_pipeline(b"\x00\xd8a\x00", encoding="utf-16-le")


# -- published, url, html -------------------------------------------------------------------
@pytest.mark.parametrize("published", BAD_PUBLISHED)
def test_bad_published(text_pipeline, published):
    with pytest.raises(PublishedDateError) as info:
        text_pipeline(GOOD, published=published)
    assert info.value.value is published
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("published", BAD_PUBLISHED[:3])
def test_enrich_bad_published(published):
    with pytest.raises(PublishedDateError):
        enrich(GOOD, published=published)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2020-08-03", "2020-08-03"),
        (" 2020-08-03 ", "2020-08-03"),
        ("2020-08-03T14:20", "2020-08-03T14:20"),
        ("2020-08-03T14:20:00+07:00", "2020-08-03T14:20+07:00"),
        ("2020-08-03T07:20:00Z", "2020-08-03T07:20+00:00"),
        (dt.date(2020, 8, 3), "2020-08-03"),
        (dt.datetime(2020, 8, 3, 14, 20), "2020-08-03T14:20"),
        (dt.datetime(1005, 1, 1, 9, 5), "1005-01-01T09:05"),
        ("2020-08-03T10:00:05-03:30", "2020-08-03T10:00:05-03:30"),
        (
            dt.datetime(2020, 8, 3, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30, seconds=10))),
            "2020-08-03T00:00+05:30",
        ),
        ("02/08/2020", "2020-08-02"),  # day first (#19.10)
        (20200802, "2020-08-02"),  # YYYYMMDD
        ("Minggu, 2 Agustus 2020 10:00 WIB", "2020-08-02T10:00+07:00"),
        ("", None),
        (None, None),
    ],
)
def test_good_published(text_pipeline, published, expected):
    art = text_pipeline(GOOD, published=published)
    assert art.metadata.published == expected
    assert art.metadata.published_source == ("given" if expected else None)


def test_bad_url_and_html_flags(text_pipeline):
    with pytest.raises(InputTypeError, match="url"):
        text_pipeline(GOOD, url=5)
    with pytest.raises(InputTypeError, match="html"):
        text_pipeline(GOOD, html="ya")


# -- Pipeline(...) --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"stages": ("text", "sentimen")}, UnknownStageError),
        ({"stages": "ner"}, UnknownStageError),
        ({"stages": (5,)}, InputTypeError),
        ({"stages": 5}, InputTypeError),
        ({"stages": None}, InputTypeError),
        ({"stages": ("entities",)}, NewsNLPError),  # needs text
        ({"stages": ("text",), "config": 5}, InputTypeError),
        ({"stages": ("text",), "config": {"text": 5}}, InputTypeError),
        ({"stages": ("text",), "config": {"text": {"warna": True}}}, ConfigError),
        ({"stages": ("text",), "config": {"time": {}}}, ConfigError),
    ],
)
def test_pipeline_constructor_validates(kwargs, error):
    with pytest.raises(error):
        Pipeline(**kwargs)


def test_unknown_stage_lists_known_ones():
    with pytest.raises(UnknownStageError) as info:
        Pipeline(stages=("text", "sentimen"))
    assert info.value.name == "sentimen"
    assert "text" in info.value.known and "structure" in info.value.known


def test_stage_constructor_failure_is_wrapped(monkeypatch):
    from newsnlp import registry

    def broken_factory(**options):
        raise OSError("data file hilang")

    monkeypatch.setitem(registry._REGISTRY, "rusak", registry.StageMeta("rusak", broken_factory))
    with pytest.raises(StageError) as info:
        Pipeline(stages=("text", "rusak"))
    assert info.value.stage == "rusak"
    assert isinstance(info.value.__cause__, OSError)


# -- Pipeline.pipe and enrich_many ----------------------------------------------------------
@pytest.mark.parametrize(
    ("items", "batch_size"),
    [(5, 8), ("satu teks", 8), (b"bytes", 8), ({"text": "x"}, 8), (["a"], 0), (["a"], "2"), (["a"], True)],
)
def test_pipe_validates_arguments_at_once(text_pipeline, items, batch_size):
    with pytest.raises(InputTypeError):
        text_pipeline.pipe(items, batch_size=batch_size)  # not even iterated


@pytest.mark.parametrize(
    ("item", "error"),
    [
        (7, InputTypeError),
        ({"judul": "x"}, InputTypeError),
        (b"\xff", DecodingError),
        ({"text": GOOD, "published": "besok"}, PublishedDateError),
        ({"text": b"caf\xe9", "encoding": "ascii"}, DecodingError),
    ],
)
def test_pipe_raises_typed_error_for_a_bad_item(text_pipeline, item, error):
    with pytest.raises(error):
        list(text_pipeline.pipe([GOOD, item]))


def test_pipe_honours_item_encoding(text_pipeline):
    (art,) = text_pipeline.pipe([{"text": "Café".encode("latin-1"), "encoding": "latin-1"}])
    assert art.text == "Café"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"items": 5},
        {"items": "teks"},
        {"items": ["a"], "on_error": "abaikan"},
        {"items": ["a"], "n_process": 0},
        {"items": ["a"], "batch_size": -1},
        {"items": ["a"], "stages": (3,)},
    ],
)
def test_enrich_many_validates_arguments_at_once(kwargs):
    with pytest.raises(InputTypeError):
        enrich_many(progress=False, **kwargs)


def test_enrich_many_unknown_stage_at_once():
    with pytest.raises(UnknownStageError):
        enrich_many(["a"], stages=("text", "sentimen"), progress=False)


def test_enrich_many_raise_mode_raises_typed_error():
    results = enrich_many([GOOD, 5], on_error="raise", progress=False, stages=("text",))
    assert next(results).text == GOOD
    with pytest.raises(InputTypeError):
        next(results)


# -- anything unexpected inside a stage becomes StageError ----------------------------------
def _boom(*_args, **_kwargs):
    raise ValueError("meledak")


@pytest.mark.parametrize("stage_name", ["text", "entities", "stems", "time", "structure"])
@pytest.mark.parametrize("method", ["process", "process_batch"])
def test_unexpected_failure_inside_a_stage_is_wrapped(default_pipeline, monkeypatch, stage_name, method):
    stage = default_pipeline.get_stage(stage_name)
    monkeypatch.setattr(stage, method, _boom)
    with pytest.raises(StageError) as info:
        if method == "process_batch":
            list(default_pipeline.pipe([GOOD]))
        else:
            default_pipeline(GOOD)
    err = info.value
    assert err.stage == stage_name
    assert isinstance(err.__cause__, ValueError) and err.error is err.__cause__
    assert f"stage {stage_name!r} failed: ValueError: meledak" == str(err)


def test_html_parser_failure_is_wrapped(default_pipeline, monkeypatch):
    import newsnlp.input.article as input_article

    monkeypatch.setattr(input_article, "html_to_text", _boom)
    with pytest.raises(StageError) as info:
        default_pipeline("<html><body><p>Jakarta</p></body></html>", html=True)
    assert info.value.stage == "input"


def test_newsnlp_errors_pass_through_unwrapped(default_pipeline, monkeypatch):
    def typed(*_a, **_k):
        raise InputError("sengaja")

    monkeypatch.setattr(default_pipeline.get_stage("time"), "process", typed)
    with pytest.raises(InputError, match="sengaja") as info:
        default_pipeline(GOOD)
    assert not isinstance(info.value, StageError)


# -- the command line -----------------------------------------------------------------------
def _run_cli(args, capsys):
    code = cli_main(args)
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out


def test_cli_reports_bad_files_without_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe Jakarta")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out = _run_cli(
        ["enrich", str(bad), str(tmp_path / "tidak-ada.txt"), str(good), "--format", "jsonl"], capsys
    )
    assert code == 1
    assert "not valid utf-8" in out.err and "tidak-ada.txt" in out.err
    assert out.out.count("\n") == 1 and GOOD in out.out  # the good file is still enriched
    code, out = _run_cli(["enrich", str(bad), "--encoding", "latin-1", "--format", "jsonl"], capsys)
    assert code == 0
    code, out = _run_cli(["enrich", str(good), "--published", "kemarin"], capsys)
    assert code == 1 and "published" in out.err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b'{"text": "Jakarta"}\n{rusak\n', "line 2"),
        (b"[1, 2]\n", "line 1"),
        (b'{"text": "Jakarta"}\n\xff\n', "line 2"),
        (b'{"isi": "Jakarta"}\n', "no 'text' field"),
        (b'{"id": [1], "text": "Jakarta"}\n', "id must be a string, a number or a boolean"),
    ],
)
def test_cli_batch_bad_input_lines(tmp_path, capsys, content, says):
    src = tmp_path / "in.jsonl"
    src.write_bytes(content)
    out_path = tmp_path / "out.jsonl"
    code, out = _run_cli(["batch", str(src), "-o", str(out_path), "--quiet", "--on-error", "raise"], capsys)
    assert code == 1 and says in out.err
    code, out = _run_cli(["batch", str(src), "-o", str(out_path), "--quiet"], capsys)  # record
    assert code == 1 and says in out_path.read_text(encoding="utf-8")


def test_cli_batch_records_bad_items_and_goes_on(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Jakarta kemarin."}\n{"id": "b", "text": 5}\n'
        '{"id": "c", "text": "Bekasi", "published": "besok"}\n{"id": "d", "text": "Sleman hari ini."}\n',
        encoding="utf-8",
    )
    out_path = tmp_path / "out.jsonl"
    code, _out = _run_cli(["batch", str(src), "-o", str(out_path), "--quiet"], capsys)
    assert code == 1
    import json

    rows = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[1]["error"] == "InputTypeError" and rows[2]["error"] == "PublishedDateError"
    assert rows[3]["text"] == "Sleman hari ini."


def test_cli_missing_output_directory(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Jakarta"}\n', encoding="utf-8")
    code, out = _run_cli(["batch", str(src), "-o", str(tmp_path / "nope" / "out.jsonl"), "--quiet"], capsys)
    assert code == 2 and "does not exist" in out.err
