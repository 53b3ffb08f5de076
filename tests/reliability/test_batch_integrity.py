"""Batch integrity as a property: for any input file and any kill -9 or disk-full moment,
``newsnlp batch --resume`` (repeated any number of times) ends with every input row exactly
once, in a well-formed file.

* real kills: the CLI in a subprocess, SIGKILL after a random delay or at a random moment of
  writing, several rounds, then a resume to the end (``NEWSNLP_KILL_ROUNDS`` sets the rounds);
* a real full disk: the CLI under ``RLIMIT_FSIZE`` (writes fail with EFBIG), then resumed;
* in process, under hypothesis: the output cut at any byte (what a kill or a full disk leaves of
  an append-only file), and a crash at any file operation of the Parquet writer, then resumed.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsnlp
from newsnlp.batch import BatchOptions, run_batch
from tests.reliability.batch_inputs import batch_file, batch_lines, expected_rows, random_lines
from tests.reliability.batch_output import id_as_written, read_output

FORMATS = ("jsonl", "jsonl.gz", "parquet")
ROUNDS = int(os.environ.get("NEWSNLP_KILL_ROUNDS", "3"))
SRC = str(Path(newsnlp.__file__).resolve().parents[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["OMP_NUM_THREADS"] = "1"
    return env


def _command(src: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsnlp",
        "batch",
        str(src),
        "-o",
        str(out),
        "--stages",
        "text",
        "--layers",
        "entities,segments",
        "--batch-size",
        "4",
        "--part-size",
        "12",
        "--quiet",
        "--resume",
        *extra,
    ]


def _check(out: Path, lines: list[bytes], fmt: str) -> None:
    want = expected_rows(lines)
    got = read_output(out)
    assert [r["row"] for r in got] == [w["row"] for w in want]  # every row once, in order
    assert [r["id"] for r in got] == [id_as_written(w["id"], fmt) for w in want]
    assert [r["failed"] for r in got] == [w["failed"] for w in want]


def _output_size(out: Path) -> int:
    if out.is_dir():
        return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return out.stat().st_size if out.exists() else 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_kill_9_at_random_moments_then_resume(tmp_path, fmt):
    rng = random.Random()
    lines = random_lines(random.Random(fmt), 800)
    src = tmp_path / "in.jsonl"
    src.write_bytes(batch_file(lines))
    out = tmp_path / f"out.{fmt}"
    cmd = _command(src, out, *(["--workers", "2"] if fmt == "parquet" else []))
    killed = 0
    startup = None  # seconds from the start to the first output, measured in the first round
    for n in range(ROUNDS):
        proc = subprocess.Popen(cmd, env=_env(), start_new_session=True, stderr=subprocess.DEVNULL)
        started = time.monotonic()
        if n % 2 == 1 and startup is not None:  # any moment: starting, reading, enriching, writing
            time.sleep(rng.uniform(0.0, startup * 1.3))
        else:  # a moment while the output is being written
            before = _output_size(out)
            deadline = started + 60
            while _output_size(out) == before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            startup = startup or time.monotonic() - started
            time.sleep(rng.uniform(0.0, 0.3))
        killed += proc.poll() is None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its workers, as kill -9 of the job
        proc.wait()
    assert killed >= 1  # at least one kill landed before the end
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr  # 1: this run wrote error rows
    assert "Traceback" not in done.stderr
    _check(out, lines, fmt)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):  # once more, in process: nothing left to do
        again = run_batch(
            BatchOptions(src, out, stages=("text",), layers="entities,segments", resume=True, quiet=True)
        )
    assert again == 0 and f"{len(expected_rows(lines))} skipped" in err.getvalue()
    _check(out, lines, fmt)


def _limit_file_size(limit: int):
    def set_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return set_limit


@pytest.mark.parametrize("fmt", ["jsonl.gz", "parquet"])
def test_full_disk_then_resume(tmp_path, fmt):
    lines = random_lines(random.Random(f"disk-{fmt}"), 120)
    src = tmp_path / "in.jsonl"
    src.write_bytes(batch_file(lines))
    out = tmp_path / f"out.{fmt}"
    cmd = _command(src, out)
    limit = random.Random().randint(1_500, 6_000)
    full = subprocess.run(
        cmd, env=_env(), capture_output=True, text=True, timeout=300, preexec_fn=_limit_file_size(limit)
    )
    assert full.returncode == 2, full.stderr
    assert "--resume" in full.stderr and "Traceback" not in full.stderr
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    _check(out, lines, fmt)


# -- in process: any cut of the output, any crash of the Parquet writer ------------------------
def _run(src: Path, out: Path, resume: bool) -> int:
    opts = BatchOptions(
        src, out, stages=("text",), layers="entities", resume=resume, quiet=True, batch_size=3, part_size=4
    )
    with contextlib.redirect_stderr(io.StringIO()):
        return run_batch(opts)


def _input(folder: Path, lines: list[bytes]) -> Path:
    src = folder / "in.jsonl"
    src.write_bytes(batch_file(lines))
    return src


def _content(out: Path) -> bytes:
    data = out.read_bytes()
    return gzip.decompress(data) if out.name.endswith(".gz") else data


@pytest.mark.parametrize("fmt", ["jsonl", "jsonl.gz"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=batch_lines(), cuts=st.lists(st.floats(0, 1), min_size=1, max_size=3))
def test_resume_after_the_output_was_cut_anywhere(tmp_path_factory, fmt, lines, cuts):
    src = _input(tmp_path_factory.mktemp("cut"), lines)
    out = src.with_name(f"out.{fmt}")
    _run(src, out, resume=False)
    reference = _content(out)
    for cut in cuts:  # a kill or a full disk leaves a prefix of the file; then --resume
        data = out.read_bytes()
        out.write_bytes(data[: int(len(data) * cut)])
        _run(src, out, resume=True)
    _check(out, lines, fmt)
    assert _content(out) == reference  # the same rows, byte for byte


class _Crash(BaseException):
    """Stands for a kill: nothing after it runs but ``finally`` blocks."""


class _CrashAt:
    """Raises :class:`_Crash` at the ``limit``-th call of any function it wraps."""

    def __init__(self, limit: int):
        self.limit = limit
        self.calls = 0

    def wrap(self, fn):
        def wrapper(*args, **kwargs):
            self.calls += 1
            if self.calls == self.limit:
                raise _Crash
            return fn(*args, **kwargs)

        return wrapper


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=batch_lines(), crash_at=st.lists(st.integers(1, 40), min_size=1, max_size=3))
def test_parquet_resume_after_a_crash_at_any_file_operation(tmp_path_factory, monkeypatch, lines, crash_at):
    import pyarrow.parquet as pq

    from newsnlp.batch import parquet as pqmod

    src = _input(tmp_path_factory.mktemp("crash"), lines)
    out = src.with_name("out.parquet")
    for limit in crash_at:
        crash = _CrashAt(limit)
        with monkeypatch.context() as m:
            m.setattr(pqmod.os, "replace", crash.wrap(os.replace))
            m.setattr(pqmod.os, "fsync", crash.wrap(os.fsync))
            m.setattr(pq.ParquetWriter, "write_table", crash.wrap(pq.ParquetWriter.write_table))
            with contextlib.suppress(_Crash):
                _run(src, out, resume=True)
    _run(src, out, resume=True)
    _check(out, lines, "parquet")
