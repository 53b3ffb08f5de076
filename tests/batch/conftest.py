"""Helpers of the batch tests: run ``newsnlp batch`` in process with the fast text stage."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsnlp.cli import main


@pytest.fixture
def batch(capsys):
    """``batch(*args)`` -> ``(exit status, stderr)`` of ``newsnlp batch ARGS --quiet`` (text stage
    only unless ``--stages`` is given)."""

    def run(*args: str) -> tuple[int, str]:
        argv = ["batch", *map(str, args)]
        if "--stages" not in argv:
            argv += ["--stages", "text"]
        if "--progress" in argv:
            argv.remove("--progress")
        else:
            argv.append("--quiet")
        code = main(argv)
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return code, err

    return run


def jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path
