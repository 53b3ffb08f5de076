"""A short run of the fuzzing harness (fuzz/fuzz_enrich.py) in CI: ~20 s of generated inputs
through ``enrich`` on plain text, HTML and bytes, every record checked against the contract."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[2] / "fuzz" / "fuzz_enrich.py"


def test_fuzz_harness_short_run(tmp_path):
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONWARNINGS="ignore")
    cmd = [
        sys.executable,
        str(HARNESS),
        "--engine",
        "hypothesis",
        "--seconds",
        "20",
        "--artifacts",
        str(tmp_path),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240)
    assert res.returncode == 0, res.stderr[-4000:]
    assert "no crash" in res.stderr
    assert not list(tmp_path.iterdir())
