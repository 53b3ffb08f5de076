"""``enrich_many``: DataFrames, missing dates, worker processes that die, bounded work in flight,
and its progress bar."""

from __future__ import annotations

import io
import os
import signal
import time

import pytest

from newsnlp import chunks
from newsnlp.api import enrich_many
from newsnlp.errors import WorkerError
from tests.reliability.conftest import time_limit

TEXTS = [f"Banjir melanda Bekasi hari ke-{i}, Senin (3/8/2020)." for i in range(24)]


def test_a_dataframe_is_read_row_by_row():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "id": [10, 11, 12],
            "text": ["Gempa di Malang kemarin.", "Banjir di Bekasi kemarin.", "KPK menahan tersangka."],
            "published": ["2021-03-05", float("nan"), None],
        }
    )
    results = list(enrich_many(df, progress=False, stages=("text", "time")))
    assert [r.text for r in results] == df["text"].tolist()  # rows, not column names
    assert results[0].metadata.published == "2021-03-05"
    assert results[1].metadata.published_source != "given"  # NaN means "infer"
    with pytest.raises(Exception, match="'text' column"):
        enrich_many(pd.DataFrame({"isi": ["x"]}))


def test_nan_and_nat_published_mean_infer():
    pd = pytest.importorskip("pandas")
    items = [
        {"text": "Gempa di Malang kemarin.", "published": float("nan")},
        {"text": "Gempa di Malang kemarin.", "published": pd.NaT},
        {"text": "Gempa di Malang kemarin.", "published": pd.NA},
    ]
    results = list(enrich_many(items, progress=False, on_error="record", stages=("text", "time")))
    assert all(not isinstance(r, dict) for r in results), results


def _killing_chunk(flag_path):
    real = chunks.process_chunk

    def chunk(pipe, items, on_error):
        for _, item in items:
            text = item if isinstance(item, str) else item["text"]
            if text == "MATI":  # this item kills its worker every time
                os.kill(os.getpid(), signal.SIGKILL)
            if text == "SEKALI" and not os.path.exists(flag_path):  # once: an external kill
                open(flag_path, "w").close()
                os.kill(os.getpid(), signal.SIGKILL)
        return real(pipe, items, on_error)

    return chunk


def test_a_dead_worker_is_retried_or_reported_never_a_hang(monkeypatch, tmp_path):
    monkeypatch.setattr(chunks, "process_chunk", _killing_chunk(str(tmp_path / "flag")))
    texts = list(TEXTS)
    texts[5], texts[17] = "MATI", "SEKALI"
    with time_limit(120, "enrich_many with a dead worker"):
        results = list(
            enrich_many(texts, n_process=2, batch_size=4, progress=False, on_error="record", stages=("text",))
        )
    assert len(results) == len(texts)
    assert results[5]["error"] == "WorkerError" and "died" in results[5]["message"]
    assert results[17].text == "SEKALI"  # the batch lost to a one-off kill was redone
    assert [r.text for i, r in enumerate(results) if i != 5] == [t for i, t in enumerate(texts) if i != 5]
    with time_limit(120, "enrich_many with a dead worker"), pytest.raises(WorkerError, match="item 5"):
        list(enrich_many(texts, n_process=2, batch_size=4, progress=False, stages=("text",)))


@pytest.mark.parametrize("n_process", [1, 2])
def test_work_in_flight_is_bounded(n_process):
    """A consumer that pauses does not make the input be read ahead without limit."""
    pulled = []

    def source():
        for i in range(2000):
            pulled.append(i)
            yield f"Gempa ke-{i} di Malang."

    results = enrich_many(source(), n_process=n_process, batch_size=4, progress=False, stages=("text",))
    next(results)
    time.sleep(1.5)  # the consumer pauses
    bound = (4 * n_process + 1) * 4 if n_process > 1 else 4
    assert len(pulled) <= bound
    results.close()


def test_progress_bar_flavour(monkeypatch):
    import importlib.util

    from tqdm.std import tqdm as plain

    from newsnlp import progress

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "ipywidgets" else real(name, *a)
    )
    assert progress.tqdm_class() is plain  # no ipywidgets: no widget bar, no IProgress warning
    out = io.StringIO()
    bar = progress.progress_bar(total=300, file=out)
    bar.update(120)
    bar.close()
    assert "120/300" in out.getvalue() and " articles/s" in out.getvalue()
