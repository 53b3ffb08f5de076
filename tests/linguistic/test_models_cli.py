"""``newsnlp models download`` and :mod:`newsnlp.linguistic.models` (stanza.download is replaced: no network)."""

from __future__ import annotations

import pytest

from newsnlp.cli import main
from newsnlp.errors import NewsNLPError

from .conftest import TINY_MODELS

stanza = pytest.importorskip("stanza")


def test_download_wraps_stanza_download(monkeypatch, tmp_path, capsys):
    calls = []

    def fake_download(lang, model_dir=None, package=None, **kwargs):
        calls.append((lang, model_dir, package))
        (tmp_path / "id").mkdir()
        (tmp_path / "resources.json").write_text("{}", encoding="utf-8")

    monkeypatch.setattr(stanza, "download", fake_download)
    assert main(["models", "download", "--dir", str(tmp_path)]) == 0
    assert calls == [("id", str(tmp_path), "default")]
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "model_dir" in out

    from newsnlp.linguistic.models import stanza_models_present

    assert stanza_models_present(tmp_path)
    assert stanza_models_present(TINY_MODELS)
    assert not stanza_models_present(tmp_path / "elsewhere")


def test_download_failure_is_reported(monkeypatch, tmp_path, capsys):
    def offline(*args, **kwargs):
        raise ConnectionError("no route to host")

    monkeypatch.setattr(stanza, "download", offline)
    assert main(["models", "download", "--dir", str(tmp_path), "--package", "gsd"]) == 2
    err = capsys.readouterr().err
    assert "no route to host" in err and "internet" in err

    from newsnlp.linguistic.models import download_stanza

    with pytest.raises(NewsNLPError, match="copy a stanza resources directory"):
        download_stanza(tmp_path)


def test_default_model_dir_follows_stanza_env(monkeypatch, tmp_path):
    from newsnlp.linguistic.models import default_model_dir

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert default_model_dir() == tmp_path
