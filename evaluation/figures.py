"""``--json`` for the evaluation scripts: the figures as JSON, for ``tests/eval_gate.py`` and people.

from figures import add_json_argument, write_json    # scripts run as python evaluation/x.py
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_json_argument(ap: argparse.ArgumentParser) -> None:
    """Add ``--json FILE`` (``-``: standard output) to a script's arguments."""
    ap.add_argument(
        "--json", default=None, metavar="FILE", help="also write the figures as JSON ('-': stdout)"
    )


def write_json(where: str | Path | None, figures: Any) -> None:
    """Write ``figures`` as JSON to ``where`` (``-``: standard output; ``None``: nowhere)."""
    if where is None:
        return
    text = json.dumps(figures, indent=1, ensure_ascii=False)
    if str(where) == "-":
        print(text)
    else:
        Path(where).write_text(text + "\n", encoding="utf-8")
