"""Show a news-dev article by id (for annotating by hand; nothing is written to the repo).

python evaluation/time/view.py dev0000 [dev0001 ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "news-dev" / "articles.jsonl"


def load(ids: set[str] | None = None, path: Path = DATA) -> dict[str, dict]:
    """news-dev rows by id (all, or only ``ids``), read from ``path``."""
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if ids is None or row["id"] in ids:
                out[row["id"]] = row
    return out


if __name__ == "__main__":
    rows = load(set(sys.argv[1:]))
    for aid in sys.argv[1:]:
        r = rows[aid]
        print(f"=== {aid} {r['outlet']} | published_raw: {r['published_raw']!r} | {len(r['text'])} chars")
        print(r["text"])
        print()
